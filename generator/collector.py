"""Python's cyclic garbage collector, paused around bulk work.

Building or loading a large, acyclic structure (the corpus's pages, the OpenAPI document) allocates
millions of containers that all survive: each collection of young objects the allocations trigger
walks them and frees nothing. Reference counting still frees whatever is dropped meanwhile; the
few cycles made are collected once the collector runs again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused(*, freeze: bool = False) -> Iterator[None]:
    """The collector off for the block (as it was, after). ``freeze``: the objects alive at the end
    leave the collector's generations (``gc.freeze``), so that later collections do not walk them;
    for long-lived data only (a cycle among them is never collected)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


class _Held:
    """What :func:`keep_until_exit` holds: ``objects`` is None unless the process leaves without
    freeing anything."""

    objects: list[object] | None = None


def leave_without_freeing() -> None:
    """Declare that this process ends with ``os._exit`` (the command line does): from now on,
    :func:`keep_until_exit` holds what it is given, so that it is never freed."""
    _Held.objects = []


def keep_until_exit(*objects: object) -> None:
    """Hold ``objects`` until the process exits, when it leaves without freeing
    (:func:`leave_without_freeing`); otherwise nothing, so a library caller frees them as usual.

    A corpus run's pages and document are millions of objects: freeing them one by one when the
    function holding them returns takes 0.07 s of a 3 s run, for memory the exit returns anyway.
    """
    if _Held.objects is not None:
        _Held.objects.extend(objects)
