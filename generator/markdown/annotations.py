"""``<!-- { "blockType": … } -->`` comments, read leniently.

A comment whose text starts with ``{`` is an annotation; other comments (``markdownlint-disable``,
``uuid: …``, notes) are not. Page annotations (``"type": "#page.annotation"``) describe the page, not a
block, and are dropped here. The result depends on the comment's text alone, so a section seen
before reuses it (``blocks.SECTIONS``); the caller makes the :class:`Annotation` at its line.
"""

from __future__ import annotations

from typing import Any

from generator.markdown import lenient_json


def read_comment(html: str) -> tuple[dict[str, Any] | None, str]:
    """Return (the annotation's data or None, problem or ""), for one HTML block's text."""
    start = html.find("<!--")
    end = html.rfind("-->")
    if start < 0 or end < start:
        return None, ""
    body = html[start + 4 : end].strip()
    if not body.startswith("{"):
        return None, ""
    result = lenient_json.loads(body)
    if not result.ok:
        return None, f"annotation is not valid JSON, even leniently: {result.error}"
    if not isinstance(result.value, dict):
        return None, "annotation is not a JSON object"
    data = {str(key): value for key, value in result.value.items()}
    if str(data.get("type", "")).startswith("#page."):
        return None, ""
    if "blockType" not in data:
        return None, ""
    problem = (
        "annotation holds more than one JSON object; the first was used" if result.extra else ""
    )
    return data, problem
