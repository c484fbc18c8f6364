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
from typing import Any, Generic, NoReturn, TypeVar, overload

A = TypeVar("A")
R = TypeVar("R")
S = TypeVar("S")
T = TypeVar("T")
U = TypeVar("U")


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
    this system can fork (:func:`started`). ``child`` must return a picklable value and its side
    effects must not be needed here (files it writes are; changes to this process's objects are
    lost). ``own`` runs first when both run here, and ``child`` runs here too when the child process
    died (killed, out of memory) or failed: the result never depends on where the job ran."""
    if not parallel:
        return own(), child()
    theirs = started(child)
    return own(), theirs()


def started(job: Callable[[], R]) -> Callable[[], R]:
    """``job`` started now in a forked child; the function returned waits for its result: a bare
    fork and a pipe (a few milliseconds; a process pool costs 35 ms to import alone), for a job
    that this process can overlap with work of its own. Where this system cannot fork, or the child
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


@overload
def shared(
    count: int,
    here: Callable[[int], R],
    there: Callable[[int], T],
    *,
    processes: int,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[dict[int, R], dict[int, T]]: ...


@overload
def shared(
    count: int,
    here: Callable[[int], R],
    there: Callable[[int], T],
    *,
    processes: int,
    arrived: Callable[[T], U],
    meanwhile: Callable[[], object] | None = None,
) -> tuple[dict[int, R], dict[int, U]]: ...


def shared(
    count: int,
    here: Callable[[int], R],
    there: Callable[[int], Any],
    *,
    processes: int,
    arrived: Callable[[Any], Any] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[dict[int, R], dict[int, Any]]:
    """Items ``range(count)`` run by this process (``here(i)``) and ``processes - 1`` forked
    children (``there(i)``, sent pickled) together: ``(results here, results there)`` by item.

    Each process takes the next item when it has finished its last, so the processes end together
    however uneven the items are, and this process works too rather than waiting. Items are
    tickets in a pipe all processes read (a one-byte read is atomic), so no lock is needed. A child
    sends each result as soon as it has it, and this process takes in what has come between items
    of its own, making it ``arrived(result)`` (unpickling pages, say), so that this work is shared
    out too rather than all left for the end. An item whose result did not come whole (the child
    died, or failed on it) is run here. Where this system cannot fork, or other threads run (see
    :func:`started`), every item runs here. ``meanwhile``: work this process has to do anyway
    (imports the caller needs next, say), done once the children are at work, before its first
    item, so that they take more items.
    """
    if not 0 <= count <= MAX_SHARED:
        raise ValueError(f"shared() hands out at most {MAX_SHARED} items, not {count}")
    if processes < 2 or not _may_fork():
        if meanwhile is not None:
            meanwhile()
        return {index: here(index) for index in range(count)}, {}
    import fcntl  # where this system can fork

    tickets, filling = os.pipe()
    os.write(filling, bytes(range(count)))  # at most 256 bytes: fits a pipe's buffer
    os.close(filling)
    children: list[tuple[int, _Frames]] = []
    theirs: dict[int, Any] = {}
    made = arrived if arrived is not None else _same
    try:
        for _ in range(processes - 1):
            read_end, write_end = os.pipe()
            with contextlib.suppress(OSError, AttributeError):  # a child's results wait less
                fcntl.fcntl(read_end, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _send_each(write_end, tickets, there)
            os.close(write_end)
            children.append((pid, _Frames(read_end)))
        if meanwhile is not None:
            meanwhile()
        mine: dict[int, R] = {}
        for index in _taken(tickets):
            mine[index] = here(index)
            for _, frames in children:
                frames.take(theirs, made, wait=False)
    finally:
        os.close(tickets)
        for pid, frames in children:
            frames.take(theirs, made, wait=True)
            os.waitpid(pid, 0)
    missing = set(range(count)) - mine.keys() - theirs.keys()
    mine.update((index, here(index)) for index in sorted(missing))
    return mine, theirs


#: The size asked for the pipe a child of :func:`shared` sends its results through (Linux allows
#: up to 1 MiB unprivileged): a child then seldom waits for this process to take them in.
PIPE_SIZE = 1 << 20


def _same(result: Any) -> Any:
    return result


class _Frames:
    """A child's results as they come through a pipe: each a length (8 bytes) and a pickle of
    ``(item, result)``."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.buffer = bytearray()
        os.set_blocking(descriptor, False)

    def take(self, into: dict[int, U], made: Callable[[Any], U], *, wait: bool) -> None:
        """Add every whole result that has come to ``into``; with ``wait``, wait for the child to
        close its end first, then close this one (a result cut short is dropped)."""
        if self.descriptor < 0:
            return
        if wait:
            os.set_blocking(self.descriptor, True)
        while True:
            try:
                data = os.read(self.descriptor, PIPE_SIZE)
            except BlockingIOError:
                break
            if not data:
                os.close(self.descriptor)
                self.descriptor = -1
                break
            self.buffer += data
        view = memoryview(self.buffer)
        position = 0
        while len(view) - position >= 8:
            size = int.from_bytes(view[position : position + 8], "little")
            if len(view) - position - 8 < size:
                break
            with contextlib.suppress(Exception):  # a result that does not load is run here
                index, result = pickle.loads(view[position + 8 : position + 8 + size])
                into[index] = made(result)
            position += 8 + size
        view.release()
        del self.buffer[:position]


def _taken(tickets: int) -> Iterator[int]:
    """The items this process takes from the ticket pipe, one at a time, until none are left."""
    while ticket := os.read(tickets, 1):
        yield ticket[0]


def _send_each(result_end: int, tickets: int, there: Callable[[int], Any]) -> NoReturn:
    """A child of :func:`shared`: take tickets, send each result as soon as it is made, and leave
    without any cleanup of the parent's (exit status 1 when an item failed: the parent runs the
    items it did not get)."""
    status = 1
    try:
        gc.freeze()  # the inherited heap is not garbage: collections here need not walk it
        with os.fdopen(result_end, "wb") as stream:
            for index in _taken(tickets):
                data = pickle.dumps((index, there(index)), protocol=5)
                stream.write(len(data).to_bytes(8, "little"))
                stream.write(data)
                stream.flush()
        status = 0
    finally:
        os._exit(status)


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
