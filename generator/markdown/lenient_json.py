"""Lenient JSON for annotations and example bodies.

Graph pages hold JSON written by hand: trailing commas, ``//`` and ``/* */`` comments, single-quoted
strings, unquoted keys, ``...`` or ``…`` standing for omitted members, raw tabs inside strings, and
bodies cut short. :func:`loads` first tries strict JSON (with raw control characters allowed), then
one repair pass over the text that fixes those quirks outside string literals, and reports which
happened. It never raises.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_DECODER = json.JSONDecoder(strict=False)
_IDENT = re.compile(r"[A-Za-z_$@][\w$@.\-]*")
_ELLIPSIS = re.compile(r"\.{3,}|…")


@dataclass(frozen=True, slots=True)
class JsonResult:
    value: Any
    ok: bool  # parsed, strictly or after repair
    repaired: bool  # parsed only after repair
    error: str = ""  # why it did not parse (when not ok)
    extra: bool = False  # text followed the first value (e.g. two objects in one comment)


def loads(text: str) -> JsonResult:
    """Parse ``text`` as JSON, repairing the quirks above when strict parsing fails."""
    text = text.strip()
    if not text:
        return JsonResult(None, False, False, "empty")
    try:
        return JsonResult(_DECODER.decode(text), True, False)
    except ValueError as exc:
        first_error = _describe(exc)
    except RecursionError:
        return JsonResult(None, False, False, "nested too deeply")
    if text[0] not in "{[":  # only objects and arrays are worth repairing
        return JsonResult(None, False, False, first_error)
    repaired = repair(text)
    try:
        value, end = _DECODER.raw_decode(repaired)
    except ValueError:
        return JsonResult(None, False, False, first_error)
    except RecursionError:
        return JsonResult(None, False, False, "nested too deeply")
    return JsonResult(value, True, True, extra=bool(repaired[end:].strip()))


def _describe(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc)


def repair(text: str) -> str:
    """Rewrite hand-written JSON into strict JSON, touching nothing inside string literals."""
    out: list[str] = []
    stack: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            literal, i = _read_string(text, i)
            out.append(literal)
            continue
        if ch == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        match = _ELLIPSIS.match(text, i)
        if match:  # an omitted-members marker: drop it and a comma after it
            i = match.end()
            continue
        if ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            _drop_trailing_comma(out)
            if stack:
                stack.pop()
        elif ch == ",":
            _drop_trailing_comma(out)  # ",," (an omitted member) collapses to one comma
        elif ch.isalpha() or ch in "_$@":
            ident = _IDENT.match(text, i)
            assert ident is not None
            word = ident.group()
            i = ident.end()
            if word in ("true", "false", "null") or not _is_key_position(out, text, i):
                out.append(word if word in ("true", "false", "null") else json.dumps(word))
            else:
                out.append(json.dumps(word))
            continue
        elif ch == "\n" and _needs_comma(out, text, i):
            out.append(",")
        out.append(ch)
        i += 1
    _drop_trailing_comma(out)
    out.extend(reversed(stack))  # close a body that was cut short
    return "".join(out)


def _read_string(text: str, start: int) -> tuple[str, int]:
    """Read a quoted literal starting at ``start``; return it as a double-quoted JSON string."""
    quote = text[start]
    i = start + 1
    chars: list[str] = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            chars.append(nxt if (quote == "'" and nxt == "'") else ch + nxt)
            i += 2
            continue
        if ch == quote:
            i += 1
            break
        if ch == '"':  # a double quote inside a single-quoted string
            chars.append('\\"')
        elif ch == "\n":  # an unterminated string: stop at the end of the line
            break
        else:
            chars.append(ch)
        i += 1
    return '"' + "".join(chars) + '"', i


def _last_significant(out: list[str]) -> str:
    for piece in reversed(out):
        stripped = piece.strip()
        if stripped:
            return stripped[-1]
    return ""


def _drop_trailing_comma(out: list[str]) -> None:
    for index in range(len(out) - 1, -1, -1):
        stripped = out[index].strip()
        if not stripped:
            continue
        if stripped == ",":
            del out[index]
        return


def _is_key_position(out: list[str], text: str, end: int) -> bool:
    """An unquoted word is a key when a colon follows it."""
    rest = text[end : end + 40].lstrip(" \t")
    return rest.startswith(":") and _last_significant(out) in ("{", ",", "")


def _needs_comma(out: list[str], text: str, newline: int) -> bool:
    """A value ends a line and the next line starts a new member: a comma is missing."""
    last = _last_significant(out)
    if last not in ('"', "}", "]") and not last.isalnum():
        return False
    rest = text[newline + 1 : newline + 200].lstrip()
    return rest.startswith('"') and bool(re.match(r'"[^"\n]*"\s*:', rest))
