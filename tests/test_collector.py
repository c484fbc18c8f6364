"""``keep_until_exit`` holds objects only in a process that leaves without freeing (the CLI)."""

from __future__ import annotations

import weakref

import pytest

from generator import collector


class _Graph:
    """A stand-in for a run's pages: something a weak reference can watch."""


def _held_after_the_caller_drops_it() -> bool:
    graph = _Graph()
    watched = weakref.ref(graph)
    collector.keep_until_exit(graph)
    del graph
    return watched() is not None


def test_a_library_caller_frees_as_usual() -> None:
    assert not _held_after_the_caller_drops_it()


def test_a_process_leaving_without_freeing_holds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector._Held, "objects", None)
    collector.leave_without_freeing()
    assert _held_after_the_caller_drops_it()
