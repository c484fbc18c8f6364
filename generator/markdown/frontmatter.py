"""YAML front matter between ``---`` lines at the top of a page."""

from __future__ import annotations

import re
from typing import Any

#: ``key: value`` with a quoted or plain scalar that YAML reads as the same string. Front matter is
#: almost always only such lines; they are read directly, and anything else goes to the YAML parser.
_SIMPLE = re.compile(
    r"""^([A-Za-z_][\w.\-]*):[ \t]*(?:"([^"\\]*)"|'([^']*)'|([^\s"'#&*!|>%@`{}\[\],?:-][^#:]*?|))[ \t]*$"""
)


def split_front_matter(lines: list[str]) -> tuple[dict[str, Any] | None, int, str]:
    """Return (front matter or None, index of the first body line, problem message or "")."""
    if not lines or lines[0].strip() != "---":
        return None, 0, "the page has no front matter"
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            simple = _read_simple(lines[1:index])
            if simple is not None:
                return simple, index + 1, ""
            import yaml  # here: most pages' front matter is simple, and PyYAML takes 30 ms to import

            source = "\n".join(lines[1:index])
            try:
                data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem", None) or type(exc).__name__
                return None, index + 1, f"front matter is not valid YAML: {mark}"
            except RecursionError:
                return None, index + 1, "front matter is nested too deeply"
            if data is None:
                return {}, index + 1, ""
            if not isinstance(data, dict):
                return None, index + 1, "front matter is not a mapping"
            return {str(k): v for k, v in data.items()}, index + 1, ""
    return None, 0, "front matter is not closed by a `---` line"


def _read_simple(lines: list[str]) -> dict[str, Any] | None:
    """The front matter when every line is a simple ``key: scalar``; None otherwise."""
    data: dict[str, Any] = {}
    for line in lines:
        if not line.strip():
            continue
        match = _SIMPLE.match(line)
        if match is None:
            return None
        key, double, single, plain = match.groups()
        if key in data:
            return None  # let the YAML parser decide about duplicates
        value = double if double is not None else single if single is not None else plain
        if plain is not None and (plain.lower() in _NON_STRINGS or plain[:1].isdigit()):
            return None  # YAML would read a bool, null or number
        data[key] = value
    return data


_NON_STRINGS = frozenset(
    {"true", "false", "yes", "no", "on", "off", "null", "~", ".inf", ".nan", ""}
)


def front_str(front: dict[str, Any] | None, key: str) -> str | None:
    """A front-matter value as a string without surrounding quotes (some are quoted twice)."""
    if not front:
        return None
    value = front.get(key)
    if value is None:
        return None
    text = str(value).strip().strip("\"'").strip()
    return text or None
