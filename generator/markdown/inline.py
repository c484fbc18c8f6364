"""Inline markdown of one cell or paragraph, reduced to what the parser needs.

Inline parsing is the costly part of markdown-it, so it runs only on demand, on the cells and
paragraphs that are read, never on the whole page. The result keeps three views of the text: plain
(links reduced to their text, HTML breaks to spaces), marked (plain, but code spans keep their
backticks and bold keeps ``**``, which value lists need), and shape (plain, with each link replaced by
a sentinel, which the type-cell grammar needs).
"""

from __future__ import annotations

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


def parse_inline(md: MarkdownIt, source: str, env: dict[str, Any]) -> InlineText:
    if _MARKUP.isdisjoint(source):
        text = squash(source)
        return InlineText(text, text, text, ())
    simple = _simple_links(source)
    if simple is not None:
        return simple
    tokens: list[Token] = []
    md.inline.parse(source, md, env, tokens)
    return _reduce(tokens)


def _simple_links(source: str) -> InlineText | None:
    """Text whose only markup is simple inline links (``[user](user.md)``), without markdown-it;
    None for anything else. Most type and description cells with links are of this kind."""
    rest = _SIMPLE_LINK.sub("", source)
    if not _MARKUP.isdisjoint(rest) or "]" in rest:
        return None
    plain: list[str] = []
    shape: list[str] = []
    links: list[tuple[str, str]] = []
    last = 0
    for match in _SIMPLE_LINK.finditer(source):
        before = source[last : match.start()]
        plain += (before, match.group(1))
        shape += (before, f"{SENTINEL}{len(links)}{SENTINEL}")
        links.append((squash(match.group(1)), match.group(2)))
        last = match.end()
    plain.append(source[last:])
    shape.append(source[last:])
    text = squash("".join(plain))
    return InlineText(text, text, squash("".join(shape)), tuple(links))


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
