"""Inline markdown of one cell or paragraph, reduced to what the parser needs.

Inline parsing is the costly part of markdown-it, so it runs only on demand, on the cells and
paragraphs that are read, never on the whole page. The result keeps three views of the text: plain
(links reduced to their text, HTML breaks to spaces), marked (plain, but code spans keep their
backticks and bold keeps ``**``, which value lists need), and shape (plain, with each link replaced by
a sentinel, which the type-cell grammar needs).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

SENTINEL = "\x00"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff"), None)


@dataclass(frozen=True, slots=True)
class InlineText:
    plain: str
    marked: str
    shape: str  # plain, with link i written as SENTINEL + str(i) + SENTINEL
    links: tuple[tuple[str, str], ...]  # (text, href as written)


def squash(text: str) -> str:
    """Collapse every kind of whitespace (including U+00A0) to one space; drop zero-width characters."""
    if not text.isascii():
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


#: Characters that can start an inline construct under the enabled rules (newline, escape, code span,
#: emphasis, link, HTML, entity). Text without any of them parses to itself.
_MARKUP = frozenset("\n\\`*_[<&")


#: An inline link whose text has no markup and whose destination is a bare URL or path: markdown-it
#: gives such a link exactly this text and this href (no escapes, entities or title to process).
_SIMPLE_LINK = re.compile(r"\[([^\[\]\n\\`*_<&]*)\]\(([^\s()<>\\&`]+)\)")
_BACKTICKS = re.compile(r"`+")


def parse_inline(md: MarkdownIt, source: str, env: dict[str, Any]) -> InlineText:
    if _MARKUP.isdisjoint(source):
        text = squash(source)
        return InlineText(text, text, text, ())
    simple = _simple(source)
    if simple is not None:
        return simple
    tokens: list[Token] = []
    md.inline.parse(source, md, env, tokens)
    return _reduce(tokens)


def _simple(source: str) -> InlineText | None:
    """Text whose only markup is simple inline links (``[user](user.md)``) and code spans outside
    them, without markdown-it; None for anything else. Most type and description cells with markup
    are of this kind.

    Code spans are found as CommonMark (and markdown-it) finds them: a backtick run opens one when a
    later run of the same length closes it, and is plain text otherwise.
    """
    rest = _SIMPLE_LINK.sub("", source)
    if "]" in rest or not _MARKUP.isdisjoint(rest.replace("`", "")):
        return None
    # (start, end, the link's match or the code span's content), in order
    pieces: list[tuple[int, int, re.Match[str] | str]] = [
        (match.start(), match.end(), match) for match in _SIMPLE_LINK.finditer(source)
    ]
    codes = _code_spans(source)
    if codes:
        pieces = sorted([*pieces, *codes], key=lambda piece: piece[0])
        if any(a[1] > b[0] for a, b in itertools.pairwise(pieces)):
            return None  # a link inside a code span: markdown-it's business
    plain: list[str] = []
    marked: list[str] = []
    shape: list[str] = []
    links: list[tuple[str, str]] = []
    last = 0
    for start, end, piece in pieces:
        before = source[last:start]
        if isinstance(piece, str):  # a code span
            plain += (before, piece)
            marked += (before, f"`{piece}`")
            shape += (before, piece)
        else:
            plain += (before, piece.group(1))
            marked += (before, piece.group(1))
            shape += (before, f"{SENTINEL}{len(links)}{SENTINEL}")
            links.append((squash(piece.group(1)), piece.group(2)))
        last = end
    plain.append(source[last:])
    shape.append(source[last:])
    text = squash("".join(plain))
    if codes:  # else marked is the plain text
        marked.append(source[last:])
    return InlineText(
        text, squash("".join(marked)) if codes else text, squash("".join(shape)), tuple(links)
    )


def _code_spans(source: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of each code span of ``source`` (which holds no line break)."""
    if "`" not in source:
        return []
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(source)]
    spans: list[tuple[int, int, str]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        closer = next(
            (i for i in range(index + 1, len(runs)) if runs[i][1] - runs[i][0] == end - start),
            None,
        )
        if closer is None:
            index += 1
            continue
        content = source[end : runs[closer][0]]
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        spans.append((start, runs[closer][1], content))
        index = closer + 1
    return spans


def _reduce(tokens: list[Token]) -> InlineText:
    plain: list[str] = []
    marked: list[str] = []
    shape: list[str] = []
    links: list[tuple[str, str]] = []
    link_href: str | None = None
    link_text: list[str] = []
    for token in tokens:
        kind = token.type
        if kind in ("text", "text_special"):
            piece = token.content
        elif kind == "code_inline":
            piece = token.content
            marked.append(f"`{piece}`")
            plain.append(piece)
            if link_href is not None:
                link_text.append(piece)
            else:
                shape.append(piece)
            continue
        elif kind in ("softbreak", "hardbreak"):
            piece = " "
        elif kind == "html_inline":
            piece = " "  # <br>, <ul>, <li>…: word breaks
        elif kind in ("strong_open", "strong_close"):
            marked.append("**")
            continue
        elif kind == "link_open":
            link_href = str(token.attrs.get("href", ""))
            link_text = []
            continue
        elif kind == "link_close":
            text = squash("".join(link_text))
            shape.append(f"{SENTINEL}{len(links)}{SENTINEL}")
            links.append((text, link_href or ""))
            link_href = None
            continue
        else:
            continue
        plain.append(piece)
        marked.append(piece)
        if link_href is not None:
            link_text.append(piece)
        else:
            shape.append(piece)
    return InlineText(
        squash("".join(plain)), squash("".join(marked)), squash("".join(shape)), tuple(links)
    )
