"""Markdown reference pages (Microsoft Graph docs convention) → page model (:mod:`.model`)."""

from generator.markdown.page import parse_page
from generator.markdown.reader import read_docs

__all__ = ["parse_page", "read_docs"]
