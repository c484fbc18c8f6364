"""Text from a spec → Python source that evaluates back to exactly that text, and nothing else.

Both functions are total: any string (quotes, backslashes, NUL, bidi overrides, template syntax, lone
surrogates) gives source that compiles, cannot end the literal early and cannot carry code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

_SAFE_WHITESPACE = {"\n"}  # tabs are escaped: black would expand leading ones
_QUOTE_RUN = re.compile(r'"(?="|\Z)')


def _escape_char(ch: str) -> str:
    if ch == "\t":
        return "\\t"
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escaped(text: str, keep: set[str]) -> str:
    plain = text.replace("\n", "") if "\n" in keep else text
    if "\\" not in text and plain.isprintable():
        return text  # the common case, checked in C: nothing to escape
    out: list[str] = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch in keep or (ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF):
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


def literal(value: str) -> str:
    """A string literal for ``value`` (one line), quoted as black quotes it: double quotes, unless
    the text holds more double quotes than single ones (then single quotes escape less)."""
    body = _escaped(value, set())
    if value.count('"') > value.count("'"):
        return "'" + body.replace("'", "\\'") + "'"
    return '"' + body.replace('"', '\\"') + '"'


def tuple_literal(items: Iterable[str]) -> str:
    """A tuple display of source ``items`` as black writes it: ``()``, ``(a,)``, ``(a, b)``."""
    parts = list(items)
    return f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"


def docstring(text: str) -> str:
    """The body of a triple-double-quoted docstring whose value is ``text`` (trimmed per line).

    Trailing spaces are dropped from each line, surrounding blank lines removed, the indentation
    common to the lines after the first stripped, and a space ends a text that ends with a quote
    (black would do all that); everything else, including quotes and backslashes, survives.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n")]
    # black strips the indentation the lines after the first have in common (PEP 257)
    margin = min((len(x) - len(x.lstrip(" ")) for x in lines[1:] if x), default=0)
    lines[1:] = [x[margin:] for x in lines[1:]]
    # A quote followed by a quote, or last, is escaped: no bare run of two, and none at the end.
    body = _QUOTE_RUN.sub('\\\\"', _escaped("\n".join(lines), _SAFE_WHITESPACE))
    # A leading quote is escaped too: black would insert a space after the opening quotes.
    body = "\\" + body if body.startswith('"') else body
    # black puts a space between a final (escaped) quote and the closing quotes: so do we.
    return body + " " if body.endswith('"') else body


def value_literal(value: object) -> str | None:
    """A scalar JSON value as a Python literal, or ``None`` for lists, objects and other values."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return literal(value)
    return None
