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


@pytest.mark.parametrize(
    "source",
    [
        "returns a `204 No Content` response code",
        "a `200 OK` response code and a [user](../resources/user.md) object",
        "`` a ` b ``",
        "` spaced `",
        "`  `",
        "unmatched ` backtick [user](user.md)",
        "``double`` and `single` and ```",
        "`[user](user.md)` is code",
        "`a [b` c](d.md)",
        "[a](b.md)`c`",
    ],
)
def test_code_spans_same_as_markdown_it(source: str) -> None:
    assert parse_inline(MD, source, {"references": {}}) == _markdown_it(source)


PIECES = ["`", "``", "a", " ", "  ", "[a b](c.md)", "[", "]", "(x)", "`c`", " `` d ` e `` ", "é"]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_code_spans_and_links_same_as_markdown_it(pieces: list[str]) -> None:
    source = "".join(pieces)
    assert parse_inline(MD, source, {"references": {}}) == _markdown_it(source)
