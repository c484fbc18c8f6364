"""parse_inline: the fast paths (no markup; simple links only) give what markdown-it gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it.token import Token

from generator.markdown.blocks import MD
from generator.markdown.inline import InlineText, _reduce, parse_inline


def _markdown_it(source: str) -> InlineText:
    tokens: list[Token] = []
    MD.inline.parse(source, MD, {"references": {}}, tokens)
    return _reduce(tokens)


@pytest.mark.parametrize(
    "source",
    [
        "[user](user.md) collection",
        "Collection of [user](../resources/user.md). Read-only.",
        "A [b](c) and [d](https://e.example/f?g=h#i).",
        "[](empty.md)",
        "![image](x.png)",
        "text (with parens) and [link](a.md)",
        "[a](b(c))",  # balanced parens in the destination: markdown-it's business
        "[a](b 'title')",
        "[a] (b)",
        "[a][ref]",
        "[*a*](b)",
        "[a](b) ]",
        "[a\\](b)",
        "  [ spaced  text ](x.md)  ",
    ],
)
def test_same_as_markdown_it(source: str) -> None:
    assert parse_inline(MD, source, {"references": {}}) == _markdown_it(source)


@given(st.text(alphabet="ab []()!.:/-_*`\\<&", max_size=30))
def test_same_as_markdown_it_on_any_text(source: str) -> None:
    assert parse_inline(MD, source, {"references": {}}) == _markdown_it(source)
