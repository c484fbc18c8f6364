"""Mock answers: the documented example when it fits the schema, else a value made from the schema.

A mock answer is computed once per operation and cached, so it is deterministic and cheap. An
example that does not validate against its response schema is not served (docs examples are often
abridged); a synthesised value is, so that clients and schema checkers see only conforming data.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse, Response

from .body import is_json
from .operation import Operation
from .spec import Spec, escape

_FORMATS = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "duration": "PT1H",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "uri-reference": "https://example.com/",
    "iri": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "AAAA",
    "base64url": "AAAA",
}
_OPTIONAL_DEPTH = 2
_MAX_DEPTH = 12


def mock_response(spec: Spec, operation: Operation) -> Response:
    """The documented success response of ``operation``: status, media type and a body."""
    status = str(operation.status)
    responses = spec.deref(spec.resolve(operation.pointer + "/responses")) or {}
    key = status if status in responses else "default"
    pointer, response = spec.follow(f"{operation.pointer}/responses/{key}")
    content = response.get("content") if isinstance(response, dict) else None
    if operation.status == 204 or not isinstance(content, dict) or not content:
        return Response(status_code=operation.status)
    media_type = next(
        (m for m in sorted(content) if is_json(m.lower())), sorted(content)[0]
    )
    media_pointer = f"{pointer}/content/{escape(media_type)}"
    value = _example(spec, media_pointer)
    if is_json(media_type.lower()):
        return JSONResponse(value, status_code=operation.status, media_type=media_type)
    if isinstance(value, str):
        return Response(value, status_code=operation.status, media_type=media_type)
    return Response(
        json.dumps(value), status_code=operation.status, media_type=media_type
    )


def _example(spec: Spec, media_pointer: str) -> Any:
    media = spec.deref(spec.resolve(media_pointer)) or {}
    schema_pointer = media_pointer + "/schema"
    candidates: list[Any] = []
    if "example" in media:
        candidates.append(media["example"])
    examples = media.get("examples")
    if isinstance(examples, dict):
        for name in sorted(examples):
            example = spec.deref(examples[name])
            if isinstance(example, dict) and "value" in example:
                candidates.append(example["value"])
    _, schema = spec.follow(schema_pointer)
    if isinstance(schema, dict) and "example" in schema:
        candidates.append(schema["example"])
    if schema is None:
        return candidates[0] if candidates else None
    for candidate in candidates:
        if not spec.violations(schema_pointer, candidate, strict=True):
            return candidate
    return synthesise(spec, schema_pointer)


def synthesise(
    spec: Spec, pointer: str, depth: int = 0, stack: tuple[str, ...] = ()
) -> Any:
    """A small value that satisfies the schema at ``pointer`` (best effort: patterns are not)."""
    pointer, schema = spec.follow(pointer)
    if not isinstance(schema, dict) or depth > _MAX_DEPTH or stack.count(pointer) > 1:
        return None
    stack = (*stack, pointer)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return next((v for v in schema["enum"] if v is not None), None)
    if "default" in schema and not spec.violations(
        pointer, schema["default"], strict=True
    ):
        return schema["default"]
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            return _first_branch(spec, pointer, key, len(schema[key]), depth, stack)
    if isinstance(schema.get("allOf"), list):
        return _all_of(spec, pointer, schema, depth, stack)
    return _by_type(spec, pointer, schema, depth, stack)


def _first_branch(
    spec: Spec, pointer: str, key: str, count: int, depth: int, stack: tuple[str, ...]
) -> Any:
    fallback: Any = None
    for index in range(count):
        value = synthesise(spec, f"{pointer}/{key}/{index}", depth, stack)
        if not spec.violations(pointer, value, strict=True):
            return value
        fallback = value if fallback is None else fallback
    return fallback


def _all_of(
    spec: Spec, pointer: str, schema: dict[str, Any], depth: int, stack: tuple[str, ...]
) -> Any:
    merged: dict[str, Any] = {}
    for index in range(len(schema["allOf"])):
        value = synthesise(spec, f"{pointer}/allOf/{index}", depth, stack)
        if not isinstance(value, dict):
            return value
        merged.update(value)
    own = _by_type(spec, pointer, {**schema, "type": "object"}, depth, stack)
    return _drop_conflicts(
        spec, pointer, {**merged, **own} if isinstance(own, dict) else merged
    )


def _drop_conflicts(spec: Spec, pointer: str, value: dict[str, Any]) -> dict[str, Any]:
    """Leave out optional members that one ``allOf`` part declares and another part forbids."""
    for _ in range(3):
        problems = spec.violations(pointer, value, strict=True) or []
        names = {p.path[0] for p in problems if p.path and p.keyword != "required"}
        if not names:
            break
        value = {key: item for key, item in value.items() if key not in names}
    return value


def _by_type(
    spec: Spec, pointer: str, schema: dict[str, Any], depth: int, stack: tuple[str, ...]
) -> Any:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        kind = "object"
    if kind == "object":
        return _object(spec, pointer, schema, depth, stack)
    if kind == "array":
        count = max(int(schema.get("minItems", 0)), 1 if depth < _OPTIONAL_DEPTH else 0)
        if "items" not in schema or count == 0:
            return []
        item = synthesise(spec, f"{pointer}/items", depth, stack)
        return [item] * count
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(schema, kind)
    if kind == "boolean":
        return True
    return None


def _object(
    spec: Spec, pointer: str, schema: dict[str, Any], depth: int, stack: tuple[str, ...]
) -> dict[str, Any]:
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return {}
    required = set(schema.get("required") or ())
    value: dict[str, Any] = {}
    for name in sorted(properties):
        prop_pointer, prop = spec.follow(f"{pointer}/properties/{escape(name)}")
        if isinstance(prop, dict) and prop.get("writeOnly") is True:
            continue
        cyclic = prop_pointer in stack
        if name in required or (depth < _OPTIONAL_DEPTH and not cyclic):
            value[name] = synthesise(spec, prop_pointer, depth + 1, stack)
    return value


def _string(schema: dict[str, Any]) -> str:
    text = _FORMATS.get(str(schema.get("format", "")), "string")
    minimum = int(schema.get("minLength", 0))
    maximum = int(schema.get("maxLength", max(len(text), minimum)))
    if len(text) < minimum:
        text += "x" * (minimum - len(text))
    return text[:maximum]


def _number(schema: dict[str, Any], kind: str) -> int | float:
    low = schema.get("minimum")
    high = schema.get("maximum")
    value: int | float = 0
    if isinstance(low, int | float):
        value = low + (1 if schema.get("exclusiveMinimum") is True else 0)
    elif isinstance(high, int | float) and high < 0:
        value = high - (1 if schema.get("exclusiveMaximum") is True else 0)
    if isinstance(schema.get("exclusiveMinimum"), int | float):
        value = schema["exclusiveMinimum"] + 1
    step = schema.get("multipleOf")
    if isinstance(step, int | float) and step > 0 and value % step:
        value = (value // step + 1) * step
    return int(value) if kind == "integer" else value
