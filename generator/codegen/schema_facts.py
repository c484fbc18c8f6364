"""Pure facts about one schema node: nullability, null-only branches, descriptive text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

COMPONENT_SCHEMAS = "#/components/schemas/"


def nullable_flag(node: Mapping[str, Any]) -> bool:
    kinds = node.get("type")
    return node.get("nullable") is True or (isinstance(kinds, list) and "null" in kinds)


def is_null_schema(node: Any) -> bool:
    return isinstance(node, Mapping) and (
        node.get("type") == "null" or (node.get("enum") == [None] and "type" not in node)
    )


def is_null_branch(node: Any) -> bool:
    """A ``oneOf``/``anyOf`` branch that only admits null: ``{type: "null"}``, or Microsoft's
    OpenAPI 3.0 idiom for a nullable ``$ref``: ``anyOf: [{$ref: …}, {type: object, nullable: true}]``."""
    if is_null_schema(node):
        return True
    return (
        isinstance(node, Mapping)
        and node.get("type") == "object"
        and node.get("nullable") is True
        and set(node) <= {"type", "nullable", "description", "title"}
    )


def text_of(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key)
    return value if isinstance(value, str) else ""
