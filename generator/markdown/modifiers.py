"""What a description says about its property or parameter.

The convention states read-only, nullable, required and deprecated only in description prose, and
enumerates values in "Possible values are: …" sentences. These readers look at the description's
marked text (code spans in backticks, bold in ``**``; links reduced to their text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_READ_ONLY = re.compile(r"\bread[- ]?only\b(?!\s+(?:for|when|if|after|once|unless)\b)", re.I)
_NOT_NULLABLE = re.compile(r"\b(?:not|non)[- ]?nullable\b", re.I)
_NULLABLE = re.compile(r"\bnullable\b", re.I)
_REQUIRED = re.compile(r"\brequired\b", re.I)
_NOT_REQUIRED = re.compile(r"\bnot\s+required\b|\boptional\b", re.I)
_DEPRECATED = re.compile(r"\bdeprecated\b", re.I)
_INHERITED = re.compile(r"\binherited\s+from\s+(?:the\s+)?\**([A-Za-z_][\w.]*)", re.I)
_VALUES_INTRO = re.compile(
    r"\b(?:the\s+)?(?:possible|allowed|supported|valid)\s+values\s*(?:are|include|is)?\s*:?\s*",
    re.I,
)
_QUOTED_ITEM = re.compile(
    r"""[\s,;]*(?:(?:and|or)\s+)?(?:-?\d+\s*[-–:=]\s*)?"""
    r"""(?:`([^`]+)`|\*\*([^*]+)\*\*|'([^'\s][^']*)'|"([^"]+)")"""
)
_PLAIN_ITEM = re.compile(r"^[A-Za-z][\w.\-]*$")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Modifiers:
    read_only: bool = False
    nullable: bool | None = None
    required: bool = False
    deprecated: bool = False
    inherited_from: str | None = None
    possible_values: tuple[str, ...] = ()


def read_modifiers(marked: str) -> Modifiers:
    # Most descriptions name none of the keywords: a lower-case substring test rules each pattern
    # out at C speed. Only for ASCII text, where ``lower()`` and the patterns' ``re.I`` agree (they
    # fold some other letters differently: ``ı`` matches ``i``).
    words = marked.lower() if marked.isascii() else None

    def may(keyword: str) -> bool:
        return words is None or keyword in words

    nullable: bool | None = None
    if may("nullable"):
        if _NOT_NULLABLE.search(marked):
            nullable = False
        elif _NULLABLE.search(marked):
            nullable = True
    inherited = _INHERITED.search(marked) if may("inherited") else None
    return Modifiers(
        read_only=may("only") and bool(_READ_ONLY.search(marked)),
        nullable=nullable,
        required=may("required")
        and bool(_REQUIRED.search(marked))
        and not _NOT_REQUIRED.search(marked),
        deprecated=may("deprecated") and bool(_DEPRECATED.search(marked)),
        inherited_from=inherited.group(1).rstrip(".") if inherited else None,
        possible_values=possible_values(marked) if may("values") else (),
    )


def possible_values(marked: str) -> tuple[str, ...]:
    """Members listed after "Possible values are:", quoted (backticks, bold, quotes) or bare."""
    intro = _VALUES_INTRO.search(marked)
    if not intro:
        return ()
    rest = marked[intro.end() :]
    items: list[str] = []
    position = 0
    while True:
        match = _QUOTED_ITEM.match(rest, position)
        if not match:
            break
        item = next(group for group in match.groups() if group is not None).strip()
        if item:
            items.append(item)
        position = match.end()
    if items:
        return tuple(dict.fromkeys(items))
    end = _SENTENCE_END.search(rest)
    sentence = rest[: end.start()] if end else rest
    words = [w.strip() for w in re.split(r",|;|\band\b|\bor\b", sentence)]
    bare = [w for w in words if w]
    if len(bare) >= 2 and all(_PLAIN_ITEM.match(w) for w in bare):
        return tuple(dict.fromkeys(bare))
    return ()
