"""Small builders for inline markdown fixtures."""

from __future__ import annotations

import textwrap

from generator.diagnostics import Diagnostic
from generator.markdown import parse_page
from generator.markdown.model import Page


def page(body: str, *, doc_type: str = "apiPageType", path: str = "api/x.md") -> Page:
    """Parse ``body`` (dedented) under a minimal front matter."""
    text = f"---\ntitle: x\ndoc_type: {doc_type}\n---\n" + textwrap.dedent(body).lstrip("\n")
    return parse_page(path, text)


def codes(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    return sorted(d.code for d in diagnostics)


def resource_page(properties: str, *, extra: str = "") -> Page:
    body = "# thing resource type\n\nNamespace: microsoft.graph\n\nA thing.\n\n## Properties\n"
    return page(
        body + properties + "\n" + extra, doc_type="resourcePageType", path="resources/thing.md"
    )
