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
