"""The docs' JSON examples: count them in the pages, find them in the spec, validate them.

The denominator is counted straight from the markdown, independently of specdown's parser: every
fenced block that starts with ``METHOD url`` (a request) or ``HTTP/1.1 NNN`` (a response) and has a
JSON body. The spec's examples are matched to those blocks per page and kind through their
``x-specdown-source`` extension, so an example the parser drops or cannot place is counted as
unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft4Validator, Draft202012Validator

from bench.metadata_report.spec_index import source_of

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S", re.IGNORECASE)
_STATUS_LINE = re.compile(r"^HTTP(/\S+)?\s+\d{3}\b", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def page_key(path: str) -> str:
    """Compare pages by their last two path parts (``api/user-get.md``), whatever the docs root."""
    return "/".join(path.replace("\\", "/").split("/")[-2:]).lower()


def scan_examples(path: str, text: str) -> Counter[tuple[str, str]]:
    """``{(page, "request" | "response"): n}`` for the example blocks with a JSON body in one page."""
    counts: Counter[tuple[str, str]] = Counter()
    block: list[str] | None = None
    for line in text.splitlines():
        if _FENCE.match(line):
            if block is None:
                block = []
                continue
            kind = _example_kind(block)
            if kind is not None:
                counts[(page_key(path), kind)] += 1
            block = None
        elif block is not None:
            block.append(line)
    return counts


def _example_kind(lines: list[str]) -> str | None:
    content = [line.strip() for line in lines]
    first = next((line for line in content if line), "")
    kind = (
        "request"
        if _REQUEST_LINE.match(first)
        else "response"
        if _STATUS_LINE.match(first)
        else None
    )
    if kind is None or "" not in content:
        return None
    body = "\n".join(content[content.index("") :]).strip()
    return kind if body.startswith(("{", "[")) else None


@dataclass(frozen=True, slots=True)
class SpecExample:
    kind: str  # "request" | "response"
    source: str  # page:line
    value: Any
    schema: Any  # the schema of the operation's body it illustrates; None when there is none
    operation: str  # "METHOD /path"


def spec_examples(document: dict[str, Any]) -> Iterator[SpecExample]:
    """Every example attached to a request body or a response of an operation."""
    for path, item in sorted((document.get("paths") or {}).items()):
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = f"{method.upper()} {path}"
            bodies: list[tuple[str, Any]] = [("request", operation.get("requestBody"))]
            bodies += [
                ("response", r) for _, r in sorted((operation.get("responses") or {}).items())
            ]
            for kind, body in bodies:
                for media in ((body or {}).get("content") or {}).values():
                    for example in ((media or {}).get("examples") or {}).values():
                        if isinstance(example, dict) and "value" in example:
                            yield SpecExample(
                                kind,
                                source_of(example),
                                example["value"],
                                media.get("schema"),
                                where,
                            )


def resolved_counts(
    scanned: Counter[tuple[str, str]], attached: list[SpecExample]
) -> dict[str, tuple[int, int]]:
    """Per kind: (examples found in the spec, examples in the docs); at most the docs' count per page."""
    in_spec: dict[tuple[str, str], set[str]] = {}
    for example in attached:
        page = page_key(example.source.rsplit(":", 1)[0])
        in_spec.setdefault((page, example.kind), set()).add(example.source)
    result: dict[str, tuple[int, int]] = {}
    for kind in ("request", "response"):
        expected = sum(n for (_, k), n in scanned.items() if k == kind)
        found = sum(
            min(n, len(in_spec.get((page, kind), ())))
            for (page, k), n in scanned.items()
            if k == kind
        )
        result[kind] = (found, expected)
    return result


def nullable_to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 ``nullable: true`` → JSON Schema's ``null`` type (recursively, returns a copy)."""
    if isinstance(node, list):
        return [nullable_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: nullable_to_json_schema(value) for key, value in node.items()}
    if result.pop("nullable", None) is not True:
        return result
    kind = result.get("type")
    if isinstance(kind, str):
        result["type"] = [kind, "null"]
        if isinstance(result.get("enum"), list) and None not in result["enum"]:
            result["enum"] = [*result["enum"], None]
        return result
    if kind is None and not any(k in result for k in ("$ref", "allOf", "anyOf", "oneOf")):
        return result  # already admits null
    return {"anyOf": [result, {"type": "null"}]}


def strip_annotations(value: Any) -> Any:
    """Drop OData instance annotations (``@odata.type``, ``members@odata.bind``): they are not properties."""
    if isinstance(value, list):
        return [strip_annotations(item) for item in value]
    if isinstance(value, dict):
        return {k: strip_annotations(v) for k, v in value.items() if "@" not in k}
    return value


class ExampleValidator:
    """Validates example values against operation schemas, ``$ref``s resolved in the document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.legacy = str(document.get("openapi", "3.0")).startswith("3.0")
        components = document.get("components") or {}
        self.components = nullable_to_json_schema(components) if self.legacy else components

    def errors(self, schema: Any, value: Any) -> list[str]:
        """Problems with ``value``; an empty list when it validates (or there is nothing to check)."""
        if not isinstance(schema, dict):
            return ["the operation has no schema for this body"]
        found = self._errors(schema, strip_annotations(value))
        if found and _single_entity_wrapper(value):  # the generated pages' "value": {…} wrapper
            unwrapped = self._errors(schema, strip_annotations(value["value"]))
            if not unwrapped:
                return []
        return found

    def _errors(self, schema: dict[str, Any], value: Any) -> list[str]:
        body = nullable_to_json_schema(schema) if self.legacy else schema
        root = {"allOf": [body], "components": self.components}
        cls = Draft4Validator if self.legacy else Draft202012Validator
        messages = []
        for error in sorted(cls(root).iter_errors(value), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(body)"
            messages.append(f"{where}: {error.message[:160]}")
        return messages


def _single_entity_wrapper(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    keys = [k for k in value if "@" not in k]
    return keys == ["value"] and isinstance(value["value"], dict)
