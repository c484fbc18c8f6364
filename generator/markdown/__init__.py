"""Markdown reference pages (Microsoft Graph docs convention) → page model (:mod:`.model`).

The names are loaded on first use: a run whose pages all come from a cache never imports
markdown-it-py.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.markdown.page import parse_page
    from generator.markdown.reader import read_docs

__all__ = ["parse_page", "read_docs"]
_HOMES = {"parse_page": "generator.markdown.page", "read_docs": "generator.markdown.reader"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
