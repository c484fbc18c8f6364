"""The pages' JSON request and response examples as OpenAPI Example objects, inline in operations.

Generated pages wrap a single entity as ``{"value": {…}}``, which the service never returns; such
wrappers are unwrapped when the operation does not return a collection.
"""

from __future__ import annotations

from typing import Any

from generator.markdown.model import Example, Page
from generator.openapi.context import source_of


def unwrap_value(body: Any) -> Any:
    """``{"value": {…}}`` (plus ``@odata.*`` annotations) → the inner object."""
    if isinstance(body, dict) and isinstance(body.get("value"), dict):
        others = [k for k in body if k != "value" and not str(k).startswith("@odata.")]
        if not others:
            return body["value"]
    return body


def add_examples(
    media: dict[str, Any], examples: list[tuple[Page, Example]], *, collection: bool
) -> bool:
    """Attach the examples with a JSON body to ``media`` (a media type object); False if none has."""
    found: dict[str, Any] = {}
    for number, (page, example) in enumerate(examples, start=1):
        if not example.json_ok or example.body is None:
            continue
        value = example.json
        if example.kind == "response" and not collection:
            value = unwrap_value(value)
        entry: dict[str, Any] = {}
        if example.title:
            entry["summary"] = example.title
        entry["value"] = value
        entry["x-specdown-source"] = source_of(page.path, example.line)
        found[f"{example.kind}{number}"] = entry
    if found:
        media["examples"] = found
    return bool(found)
