"""YAML front matter between ``---`` lines at the top of a page."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(lines: list[str]) -> tuple[dict[str, Any] | None, int, str]:
    """Return (front matter or None, index of the first body line, problem message or "")."""
    if not lines or lines[0].strip() != "---":
        return None, 0, "the page has no front matter"
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            source = "\n".join(lines[1:index])
            try:
                data = yaml.load(source, Loader=_LOADER)
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


def front_str(front: dict[str, Any] | None, key: str) -> str | None:
    """A front-matter value as a string without surrounding quotes (some are quoted twice)."""
    if not front:
        return None
    value = front.get(key)
    if value is None:
        return None
    text = str(value).strip().strip("\"'").strip()
    return text or None
