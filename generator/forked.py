"""Two processes for CPU-bound work: a forked child runs one pure job while this process runs another.

The child inherits the job's data copy-on-write (nothing is pickled on the way in) and returns its
result pickled. Where ``fork`` is not available (or on one core) both jobs run in this process, so a
caller gets the same result everywhere. :func:`split` halves one job over a range of items;
:func:`shared` deals many items out to every core as each becomes free; :class:`Prepared` gets a
child ready for a job (its imports, its data) before the job's input is known.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, NoReturn, TypeVar

A = TypeVar("A")
R = TypeVar("R")
S = TypeVar("S")
T = TypeVar("T")

#: The child's job, set around the fork so that the child inherits it (closures do not pickle).
_JOBS: list[Callable[[], Any]] = []


def cores() -> int:
    """The cores this process may run on: its CPU affinity where the system tells it (a container
    pinned to two cores of a large machine gets two), else every core (``os.cpu_count``)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and cores() >= 2


def _may_fork() -> bool:
    """Whether this process may fork now: never while other threads run (a lock one of them holds
    would stay held in the child)."""
    threading = sys.modules.get("threading")  # not imported: no other thread was started
    return can_fork() and (threading is None or threading.active_count() == 1)


def beside(child: Callable[[], R], own: Callable[[], T], *, parallel: bool = True) -> tuple[T, R]:
    """``(own(), child())``, ``child`` run in a forked child process meanwhile when ``parallel`` and
    this system can fork. ``child`` must return a picklable value and its side effects must not be
    needed here (files it writes are; changes to this process's objects are lost). ``own`` runs
    first when both run here, and ``child`` runs here too when the child process died (killed,
    out of memory): the result never depends on where the job ran."""
    if not parallel or not can_fork():
        return own(), child()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _JOBS.append(child)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            running = pool.submit(_run_in_child)
            mine = own()
            try:
                theirs: R = running.result()
            except BrokenProcessPool:
                theirs = child()
    finally:
        _JOBS.pop()
    return mine, theirs


def started(job: Callable[[], R]) -> Callable[[], R]:
    """``job`` started now in a forked child; the function returned waits for its result. Lighter
    than :func:`beside` (a bare fork and a pipe, no pool: a few milliseconds), for a short job that
    this process can overlap with work of its own. Where this system cannot fork, or the child
    fails, the job runs here when its result is asked for (so a failure is raised here). A process
    running other threads is not forked (a lock one of them holds would stay held in the child)."""
    if not _may_fork():
        return job
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _send_and_leave(write_end, job)
    os.close(write_end)

    def result() -> R:
        data = _read_all(read_end)
        _, status = os.waitpid(pid, 0)
        if status == 0:
            try:
                found: R = pickle.loads(data)
                return found
            except Exception:  # a result cut short: run the job here
                pass
        return job()

    return result


class Prepared(Generic[S, A, R]):
    """A forked child that prepares what a job needs (imports, a large load) while this process
    does other work, then answers one request with it: :meth:`ask` gives ``answer(prepare(),
    request)``; :meth:`send` lets this process go on meanwhile. Where this system cannot fork (see
    :func:`started`) or the child fails, both run here when the answer is asked for. Use it as a
    context manager: a child never asked is ended on leaving, so ``prepare`` must only read (it may
    be killed half way). Not ``parallel``: no child."""

    def __init__(
        self, prepare: Callable[[], S], answer: Callable[[S, A], R], *, parallel: bool = True
    ) -> None:
        self._prepare = prepare
        self._answer = answer
        self._child: tuple[int, int, int] | None = None  # pid, request write end, answer read end
        if not parallel or not _may_fork():
            return
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(request_write)
            os.close(answer_read)
            _send_and_leave(answer_write, lambda: self._served(request_read))
        os.close(request_read)
        os.close(answer_write)
        self._child = (pid, request_write, answer_read)

    @property
    def forked(self) -> bool:
        """Whether a child is preparing (else the job runs here when asked)."""
        return self._child is not None

    def _served(self, request_read: int) -> R:
        """The child's answer: prepare while a thread takes in the request (so that sending a
        large one never holds the parent up), then answer it."""
        import threading

        received: list[bytes] = []
        taker = threading.Thread(target=lambda: received.append(_read_all(request_read)))
        taker.start()
        prepared = self._prepare()
        taker.join()
        return self._answer(prepared, pickle.loads(received[0]))

    def ask(self, request: A) -> R:
        """``answer(prepare(), request)``: the child's, or worked out here when there is none or it
        failed (an error is then raised here)."""
        return self.send(request)()

    def send(self, request: A) -> Callable[[], R]:
        """Send ``request`` to the child now; the function returned waits for :meth:`ask`'s
        answer."""
        if self._child is None:
            return lambda: self._answer(self._prepare(), request)
        payload = pickle.dumps(request, protocol=5)
        pid, request_write, answer_read = self._child
        self._child = None
        # the child may have died: a broken pipe
        with contextlib.suppress(OSError), os.fdopen(request_write, "wb") as stream:
            stream.write(payload)

        def answer() -> R:
            data = _read_all(answer_read)
            _, status = os.waitpid(pid, 0)
            if status == 0:
                with contextlib.suppress(Exception):  # an answer cut short: worked out here
                    found: R = pickle.loads(data)
                    return found
            return self._answer(self._prepare(), request)

        return answer

    def close(self) -> None:
        """End a child that was never asked (killed: it may still be preparing)."""
        if self._child is not None:
            pid, request_write, answer_read = self._child
            self._child = None
            os.close(request_write)
            os.close(answer_read)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    def __enter__(self) -> Prepared[S, A, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_all(descriptor: int) -> bytes:
    """Everything until the other end is closed (the descriptor is closed after)."""
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read()


#: Items :func:`shared` hands out: one byte per ticket.
MAX_SHARED = 256


def shared(
    count: int, here: Callable[[int], R], there: Callable[[int], T], *, processes: int
) -> tuple[dict[int, R], dict[int, T]]:
    """Items ``range(count)`` run by this process (``here(i)``) and ``processes - 1`` forked
    children (``there(i)``, returned pickled) together: ``(results here, results there)`` by item.

    Each process takes the next item when it has finished its last, so the processes end together
    however uneven the items are, and this process works too rather than waiting. Items are
    tickets in a pipe all processes read (a one-byte read is atomic), so no lock is needed. An item
    a child did not return (it died, or its result was cut short) is run here. Where this system
    cannot fork, or other threads run (see :func:`started`), every item runs here.
    """
    if not 0 <= count <= MAX_SHARED:
        raise ValueError(f"shared() hands out at most {MAX_SHARED} items, not {count}")
    if processes < 2 or not _may_fork():
        return {index: here(index) for index in range(count)}, {}
    tickets, filling = os.pipe()
    os.write(filling, bytes(range(count)))  # at most 256 bytes: fits a pipe's buffer
    os.close(filling)
    children: list[tuple[int, int]] = []  # (pid, read end of its result pipe)
    try:
        for _ in range(processes - 1):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _send_and_leave(
                    write_end, lambda: {index: there(index) for index in _taken(tickets)}
                )
            os.close(write_end)
            children.append((pid, read_end))
        mine = {index: here(index) for index in _taken(tickets)}
    finally:
        os.close(tickets)
        theirs: dict[int, T] = {}
        for pid, read_end in children:
            data = _read_all(read_end)
            _, status = os.waitpid(pid, 0)
            if status == 0:
                with contextlib.suppress(Exception):  # a result cut short: its items run below
                    theirs.update(pickle.loads(data))
    missing = set(range(count)) - mine.keys() - theirs.keys()
    mine.update((index, here(index)) for index in sorted(missing))
    return mine, theirs


def _taken(tickets: int) -> Iterator[int]:
    """The items this process takes from the ticket pipe, one at a time, until none are left."""
    while ticket := os.read(tickets, 1):
        yield ticket[0]


def _send_and_leave(result_end: int, job: Callable[[], Any]) -> NoReturn:
    """A child's whole life after the fork: run ``job``, send its result pickled, and leave
    without any cleanup of the parent's (exit status 1 when the job failed: the parent then does
    the work itself)."""
    status = 1
    try:
        gc.freeze()  # the inherited heap is not garbage: collections here need not walk it
        data = pickle.dumps(job(), protocol=5)
        with os.fdopen(result_end, "wb") as stream:
            stream.write(data)
        status = 0
    finally:
        os._exit(status)


def split(job: Callable[[Sequence[int]], R], count: int, *, parallel: bool = True) -> tuple[R, R]:
    """``(job(even indexes), job(odd indexes))`` over ``range(count)``, the odd half in a forked
    child when ``parallel`` and this system can fork. ``job`` must not rely on side effects."""
    evens, odds = range(0, count, 2), range(1, count, 2)
    return beside(lambda: job(odds), lambda: job(evens), parallel=parallel)


def interleave(evens: Sequence[R], odds: Sequence[R]) -> list[R]:
    """The items of ``split``'s two halves back in index order."""
    merged: list[R] = []
    for index, item in enumerate(evens):
        merged.append(item)
        if index < len(odds):
            merged.append(odds[index])
    return merged


def _run_in_child() -> Any:
    gc.freeze()  # the inherited heap is not garbage: collections here need not walk it
    return _JOBS[-1]()
