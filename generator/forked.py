"""Two processes for one pure, CPU-bound job: a forked child takes every other item.

The child inherits the job's data copy-on-write (nothing is pickled on the way in) and returns its
result pickled. Where ``fork`` is not available (or on one core) both halves run in this process,
so a caller gets the same result everywhere.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

R = TypeVar("R")

#: The job being split, set around the fork so that the child inherits it (closures do not pickle).
_JOBS: list[Callable[[Sequence[int]], Any]] = []


def can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) >= 2


def split(job: Callable[[Sequence[int]], R], count: int, *, parallel: bool = True) -> tuple[R, R]:
    """``(job(even indexes), job(odd indexes))`` over ``range(count)``, the odd half in a forked
    child when ``parallel`` and this system can fork. ``job`` must not rely on side effects."""
    evens, odds = range(0, count, 2), range(1, count, 2)
    if not parallel or not can_fork():
        return job(evens), job(odds)
    _JOBS.append(job)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            child = pool.submit(_run_in_child, odds)
            mine = job(evens)
            theirs: R = child.result()
    finally:
        _JOBS.pop()
    return mine, theirs


def interleave(evens: Sequence[R], odds: Sequence[R]) -> list[R]:
    """The items of ``split``'s two halves back in index order."""
    merged: list[R] = []
    for index, item in enumerate(evens):
        merged.append(item)
        if index < len(odds):
            merged.append(odds[index])
    return merged


def _run_in_child(indexes: Sequence[int]) -> Any:
    return _JOBS[-1](indexes)
