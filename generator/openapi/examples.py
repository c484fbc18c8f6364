"""The pages' JSON request and response examples as ``components/examples``, referenced by operations.

An example shared by several paths of one operation is stored once. Generated pages wrap a single
entity as ``{"value": {…}}``, which the service never returns; such wrappers are unwrapped when the
operation does not return a collection.
"""

from __future__ import annotations

from typing import Any

from generator.markdown.model import Example, Page
from generator.openapi.context import BuildContext
from generator.openapi.naming import component_key

EXAMPLES = "#/components/examples/"


def unwrap_value(body: Any) -> Any:
    """``{"value": {…}}`` (plus ``@odata.*`` annotations) → the inner object."""
    if isinstance(body, dict) and isinstance(body.get("value"), dict):
        others = [k for k in body if k != "value" and not str(k).startswith("@odata.")]
        if not others:
            return body["value"]
    return body


def example_ref(
    ctx: BuildContext, page: Page, example: Example, number: int, *, collection: bool
) -> dict[str, str] | None:
    """A ``$ref`` to the example's component (created on first use), or None without a JSON body."""
    if not example.json_ok or example.body is None:
        return None
    stem = page.path.removesuffix(".md").replace("/", ".")
    key = component_key(f"{stem}.{example.kind}{number}")
    if key not in ctx.examples:
        value = (
            example.json if collection or example.kind == "request" else unwrap_value(example.json)
        )
        entry: dict[str, Any] = {}
        if example.title:
            entry["summary"] = example.title
        entry["value"] = value
        entry["x-specdown-source"] = f"{page.path}:{example.line}"
        ctx.examples[key] = entry
    return {"$ref": EXAMPLES + key}
