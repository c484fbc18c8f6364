"""generator.forked: a job split between this process and a forked child gives the in-process result."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest

from generator.forked import can_fork, split


def _squares(indexes: Sequence[int]) -> list[int]:
    return [i * i for i in indexes]


@pytest.mark.parametrize("count", [0, 1, 2, 7, 10])
def test_the_even_and_the_odd_half(count: int) -> None:
    expected = ([i * i for i in range(0, count, 2)], [i * i for i in range(1, count, 2)])
    assert split(_squares, count) == expected
    assert split(_squares, count, parallel=False) == expected


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_the_odd_half_runs_in_a_child_that_sees_the_parents_data() -> None:
    data = {"inherited": [object()]}  # never pickled: a child must inherit it

    def job(indexes: Sequence[int]) -> tuple[int, int]:
        return os.getpid(), len(data["inherited"]) * len(indexes)

    (mine, three), (theirs, two) = split(job, 5)
    assert mine == os.getpid() != theirs
    assert (three, two) == (3, 2)
    assert split(job, 5, parallel=False)[1][0] == os.getpid()


def test_a_failure_in_the_child_reaches_the_caller() -> None:
    def job(indexes: Sequence[int]) -> int:
        if 1 in indexes:
            raise ValueError("odd half failed")
        return 0

    with pytest.raises(ValueError, match="odd half failed"):
        split(job, 2)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_beside_runs_the_child_job_in_another_process_meanwhile() -> None:
    from generator.forked import beside

    shared = list(range(1000))  # inherited by the child, never pickled
    mine, theirs = beside(lambda: (os.getpid(), sum(shared)), lambda: (os.getpid(), len(shared)))
    assert mine == (os.getpid(), 1000)
    assert theirs[0] != os.getpid() and theirs[1] == sum(shared)
    assert beside(os.getpid, lambda: 0, parallel=False) == (0, os.getpid())


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_job_whose_child_process_dies_runs_here() -> None:
    from generator.forked import beside

    parent = os.getpid()

    def job() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child process dies without a result
        return 7

    assert beside(job, lambda: 1) == (1, 7)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_started_job_runs_in_a_child_meanwhile() -> None:
    from generator.forked import started

    shared = list(range(1000))  # inherited by the child, never pickled
    result = started(lambda: (os.getpid(), sum(shared)))
    mine = os.getpid()  # this process goes on while the child works
    child, total = result()
    assert child != mine and total == sum(shared)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_started_job_whose_child_fails_runs_here() -> None:
    from generator.forked import started

    parent = os.getpid()

    def job() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child dies without a result
        return 7

    assert started(job)() == 7

    def failing() -> int:
        raise ValueError("no result")

    with pytest.raises(ValueError, match="no result"):  # raised here, as without a child
        started(failing)()


def test_a_process_running_threads_is_not_forked() -> None:
    import threading

    from generator.forked import started

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        result = started(os.getpid)
        assert result is os.getpid  # runs here, when asked
        from generator.forked import Prepared, shared

        assert shared(4, _cube, _cube, processes=2) == ({i: _cube(i) for i in range(4)}, {})
        with Prepared(os.getpid, lambda pid, request: (pid, request)) as child:
            assert child.ask(1) == (os.getpid(), 1)  # prepared and answered here
    finally:
        release.set()
        other.join()


def _cube(index: int) -> int:
    return index**3


@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 5, 64, 256])
def test_shared_items_each_run_once(count: int, processes: int) -> None:
    from generator.forked import shared

    here, there = shared(
        count, _cube, lambda index: (os.getpid(), _cube(index)), processes=processes
    )
    assert here.keys().isdisjoint(there.keys())
    assert sorted([*here, *there]) == list(range(count))
    assert all(value == _cube(index) for index, value in here.items())
    assert all(
        pid != os.getpid() and value == _cube(index) for index, (pid, value) in there.items()
    )
    if processes == 1 or not can_fork():
        assert not there


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_shared_deals_items_to_whoever_is_free() -> None:
    import time

    from generator.forked import shared

    def slow(index: int) -> int:  # this process is slow: the child takes most items
        time.sleep(0.05)
        return index

    here, there = shared(40, slow, lambda index: index, processes=2)
    assert len(here) < len(there)  # (the child may even take them all before this process starts)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_shared_items_of_a_child_that_dies_run_here() -> None:
    from generator.forked import shared

    def dying(index: int) -> int:
        if index == 3:
            os._exit(3)  # the child dies: what it sent before stays, the rest runs here
        return _cube(index)

    here, there = shared(8, _cube, dying, processes=2)
    assert 3 not in there and sorted([*here, *there]) == list(range(8))
    assert {**here, **there} == {index: _cube(index) for index in range(8)}


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_shared_results_are_made_here_as_they_arrive() -> None:
    """``arrived`` runs in this process, on each child's result, before this process's items
    are all done: the child's first results are taken in while this process still works."""
    import time

    from generator.forked import shared

    events: list[tuple[str, int]] = []

    def slow(index: int) -> int:
        time.sleep(0.02)
        events.append(("here", index))
        return index

    def slow_there(index: int) -> tuple[int, int]:
        time.sleep(0.02)
        return os.getpid(), index

    def arrived(result: tuple[int, int]) -> tuple[int, int]:
        events.append(("arrived", result[1]))
        return result

    _, there = shared(40, slow, slow_there, processes=2, arrived=arrived)
    assert there and all(pid != os.getpid() for pid, _ in there.values())
    assert sorted(index for _, index in there.values()) == sorted(there)
    last_here = max(i for i, (kind, _) in enumerate(events) if kind == "here")
    assert any(kind == "arrived" for kind, _ in events[:last_here])


@pytest.mark.parametrize("processes", [1, 2])
def test_shared_runs_meanwhile_here_once_before_its_items(processes: int) -> None:
    """``meanwhile`` (work this process needs anyway) runs here once, children at work already."""
    import time

    from generator.forked import shared

    events: list[tuple[str, int]] = []

    def here(index: int) -> int:
        events.append(("item", index))
        return index

    def meanwhile() -> None:
        time.sleep(0.05)
        events.append(("meanwhile", os.getpid()))

    mine, theirs = shared(20, here, lambda index: index, processes=processes, meanwhile=meanwhile)
    assert events.count(("meanwhile", os.getpid())) == 1 and events[0][0] == "meanwhile"
    assert sorted([*mine, *theirs]) == list(range(20))
    if processes == 2 and can_fork():
        assert theirs  # the child took items while this process was busy


def test_shared_takes_at_most_256_items() -> None:
    from generator.forked import shared

    with pytest.raises(ValueError, match="at most 256"):
        shared(257, _cube, _cube, processes=2)


def test_cores_are_those_this_process_may_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import forked

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert forked.cores() == 1 and not forked.can_fork()  # pinned to one core of many
    assert forked.shared(3, _cube, _cube, processes=forked.cores()) == ({0: 0, 1: 1, 2: 8}, {})
    monkeypatch.delattr(os, "sched_getaffinity")
    assert forked.cores() == (os.cpu_count() or 1)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_prepared_child_prepares_then_answers() -> None:
    from generator.forked import Prepared

    inherited = list(range(100))  # never pickled on the way in

    def prepare() -> tuple[int, int]:
        return os.getpid(), sum(inherited)

    def answer(prepared: tuple[int, int], request: int) -> tuple[int, int, int]:
        return prepared[0], os.getpid(), prepared[1] * request

    with Prepared(prepare, answer) as child:
        preparer, answerer, value = child.ask(2)
    assert preparer == answerer != os.getpid() and value == 9900


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_prepared_child_never_asked_is_ended_at_once() -> None:
    import time

    from generator.forked import Prepared

    started_at = time.perf_counter()
    with Prepared(lambda: time.sleep(60), lambda prepared, request: request):
        pass
    assert time.perf_counter() - started_at < 10


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_prepared_child_that_fails_is_replaced_by_this_process() -> None:
    from generator.forked import Prepared

    parent = os.getpid()

    def dying() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child dies while preparing
        return 5

    with Prepared(dying, lambda prepared, request: (os.getpid(), prepared + request)) as child:
        assert child.ask(1) == (parent, 6)

    def failing(prepared: None, request: int) -> int:
        raise ValueError(f"no answer to {request}")

    with Prepared(lambda: None, failing) as child, pytest.raises(ValueError, match="no answer"):
        child.ask(1)  # raised here, as without a child


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_large_request_is_sent_while_the_child_still_prepares() -> None:
    import time

    from generator.forked import Prepared

    request = b"x" * 5_000_000  # far more than a pipe holds

    with Prepared(lambda: time.sleep(1.0), lambda prepared, data: len(data)) as child:
        started_at = time.perf_counter()
        answer = child.send(request)
        assert time.perf_counter() - started_at < 0.9  # not held up by the preparing child
        assert answer() == len(request)
