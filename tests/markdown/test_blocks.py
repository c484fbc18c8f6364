"""The guarded block rules give the token stream the unguarded rules give, on any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markdown.blocks import MD, make_parser
from generator.markdown.page import normalise_text

REFERENCE = make_parser(guarded=False)
EXAMPLE = Path(__file__).parents[2] / "spec" / "docs"
ADVERSARIAL = Path(__file__).parents[1] / "adversarial" / "docs"

#: Lines that start (or almost start) each kind of block, at several indents.
LINES = [
    "| a | b |",
    "|---|:-:|",
    "--- | ---",
    "-:|",
    "| x \\| y | z |",
    "a | b",
    "```json",
    "```",
    "~~~",
    "  ```http",
    "- item",
    "-item",
    "* item",
    "+ item",
    "1. one",
    "2) two",
    "12",
    '<!-- { "blockType": "request" } -->',
    "<!--",
    "-->",
    "<div>",
    "<br/>",
    "# Title",
    "## Section ##",
    "#hash",
    "text",
    "   indented text",
    "    four spaces",
    "\tTab",
    "",
    " ",
]


def _tokens(md: Any, text: str) -> list[tuple[Any, ...]]:
    tokens: list[Any] = []
    md.block.parse(text, md, {}, tokens)
    return [(t.type, t.map, t.content, t.info, t.markup, t.meta) for t in tokens]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14))
def test_same_tokens_as_the_unguarded_rules(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _tokens(MD, text) == _tokens(REFERENCE, text)


@pytest.mark.parametrize(
    "page",
    sorted(EXAMPLE.rglob("*.md")) + sorted(ADVERSARIAL.rglob("*.md")),
    ids=lambda page: str(page.relative_to(EXAMPLE.parents[1])),
)
def test_same_tokens_on_the_example_and_adversarial_pages(page: Path) -> None:
    text = normalise_text(page.read_text("utf-8", errors="replace"))
    assert _tokens(MD, text) == _tokens(REFERENCE, text)


def test_the_guards_are_installed() -> None:
    guarded = {rule.name for rule in MD.block.ruler.__rules__ if rule.fn.__name__ == "guarded"}
    assert guarded == {"table", "fence", "list", "html_block", "heading"}
