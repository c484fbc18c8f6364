"""Markdown reference pages (Microsoft Graph docs convention) → page model (:mod:`.model`).

The names are loaded on first use: a run whose pages all come from a cache never imports
markdown-it-py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.lazy import lazy_names

if TYPE_CHECKING:
    from generator.markdown.page import parse_page
    from generator.markdown.reader import read_docs

__all__ = ["parse_page", "read_docs"]
_HOMES = {"parse_page": "generator.markdown.page", "read_docs": "generator.markdown.reader"}


__getattr__ = lazy_names(__name__, _HOMES)
