"""The success response of one endpoint.

It follows the page's Response section (status code and named type), falling back on the example:
its status line, its annotation's ``@odata.type`` and ``isCollection``, and the shape of its body.
Pages that document the same endpoint for different derived types (Intune) are reconciled to their
nearest common base type, and the examples of all of them are attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from generator.markdown.model import Example, Page
from generator.openapi.context import BuildContext, Schema, schema_ref
from generator.openapi.endpoint import Endpoint
from generator.openapi.examples import add_examples
from generator.openapi.responses import (
    ERROR,
    JSON,
    collection_response,
    collection_schema,
    plain_response,
)
from generator.openapi.types import primitive_schema, type_schema

_COLLECTION = re.compile(r"^Collection\((.+)\)$", re.IGNORECASE)
BINARY: Schema = {"type": "string", "format": "binary"}
_OCTETS = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class Shape:
    """What a successful response carries."""

    status: int
    schema: Schema | None = None  # the item schema for collections
    type_name: str | None = None  # the component name when ``schema`` is a $ref
    collection: bool = False
    stream: bool = False
    media_type: str = JSON


def _examples(endpoint: Endpoint, kind: str) -> list[Example]:
    return [e for e in endpoint.op.examples if e.kind == kind]


def endpoint_examples(endpoint: Endpoint, kind: str) -> list[tuple[Page, Example]]:
    """The examples of every page that documents the endpoint."""
    return [(e.page, x) for e in endpoint.all for x in _examples(e, kind)]


def is_json(media_type: str | None) -> bool:
    return media_type is None or "json" in media_type.lower()


def _named(schema: Schema) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _annotated_type(ctx: BuildContext, endpoint: Endpoint, example: Example) -> Shape | None:
    """The shape an example's annotation states: ``@odata.type`` and ``isCollection``."""
    annotation = example.annotation
    written = annotation.get_str("@odata.type") if annotation else None
    if annotation is None or not written:
        return None
    match = _COLLECTION.match(written.strip())
    name = match.group(1) if match else written.strip()
    collection = bool(match) or annotation.get_bool("isCollection")
    primitive = primitive_schema(name)
    target = None if primitive is not None else ctx.index.lookup(name, endpoint.namespace)
    schema = primitive if primitive is not None else schema_ref(target) if target else None
    if schema is None:
        return None
    return Shape(0, schema, target, collection)


def response_shape(ctx: BuildContext, endpoint: Endpoint) -> Shape:
    op, response = endpoint.op, endpoint.op.response
    examples = _examples(endpoint, "response")
    first = examples[0] if examples else None
    status = (response.status if response else None) or (first.status if first else None)
    if response is not None and response.stream:
        media = _OCTETS
        if first is not None and first.content_type and not is_json(first.content_type):
            media = first.content_type
        return Shape(status or 200, stream=True, media_type=media.split(";")[0].strip())
    if (response is not None and response.empty) or status == 204:
        return Shape(status or 204)
    if response is not None and response.type is not None:
        ref = response.type
        if primitive_schema(ref.name) == BINARY:
            return Shape(status or 200, stream=True, media_type=_OCTETS)
        item = type_schema(
            ctx, ref, path=endpoint.page.path, line=response.line, namespace=endpoint.namespace
        )
        if item.get("type") == "array":
            item = item["items"]
        collection = response.collection or ref.collection
        return Shape(status or _default_status(endpoint, True), item, _named(item), collection)
    if first is not None:
        annotated = _annotated_type(ctx, endpoint, first)
        if annotated is not None:
            return Shape(status or 200, annotated.schema, annotated.type_name, annotated.collection)
        if first.json_ok and isinstance(first.json, dict):
            listed = isinstance(first.json.get("value"), list)
            return Shape(status or 200, {} if listed else {"type": "object"}, None, listed)
    if op.no_body and endpoint.method != "get":
        return Shape(status or 204)
    return Shape(status or _default_status(endpoint, endpoint.method == "get"))


def _default_status(endpoint: Endpoint, has_body: bool) -> int:
    if endpoint.kind == "create":
        return 201
    if endpoint.method == "delete" or not has_body:
        return 204
    return 200


def _content(ctx: BuildContext, shape: Shape) -> tuple[dict[str, Any] | None, str | None]:
    """(content, name of the shared collection response) of a successful response."""
    if shape.stream:
        return ({shape.media_type: {"schema": dict(BINARY)}} if shape.status != 302 else None), None
    if shape.schema is None:
        return None, None
    if shape.collection:
        if shape.type_name is not None:
            name = collection_response(ctx, shape.type_name)
            return {JSON: {"schema": schema_ref(name)}}, name
        title = str(shape.schema.get("type", "object"))
        return {JSON: {"schema": collection_schema(ctx, shape.schema, title)}}, None
    schema = shape.schema
    if "type" in schema and schema["type"] != "object":  # OData wraps a primitive as {"value": …}
        schema = {"type": "object", "properties": {"value": schema}}
    return {JSON: {"schema": schema}}, None


def build_responses(ctx: BuildContext, endpoint: Endpoint, shape: Shape) -> dict[str, Any]:
    content, shared = _content(ctx, shape)
    response = plain_response(shape.status, content)
    if shared is not None:
        response["description"] = "Retrieved collection"
    attached = _attach_examples(endpoint, response, shape)
    responses: dict[str, Any] = {}
    if shared is not None and not attached:
        responses[str(shape.status)] = {"$ref": "#/components/responses/" + shared}
    else:
        responses[str(shape.status)] = response
    if content is None:
        responses.update(_example_responses(endpoint, shape))
    responses["default"] = dict(ERROR)
    return responses


def _example_responses(endpoint: Endpoint, shape: Shape) -> dict[str, Any]:
    """Responses that only the examples show: a documented ``204`` whose example answers ``200``
    with a body (``Prefer: return=representation``), a ``207`` with per-item errors…"""
    by_status: dict[int, list[tuple[Page, Example]]] = {}
    for page, example in endpoint_examples(endpoint, "response"):
        status = example.status or 200
        if example.json_ok and status != shape.status and 200 <= status < 400:
            by_status.setdefault(status, []).append((page, example))
    found: dict[str, Any] = {}
    for status, examples in sorted(by_status.items()):
        body = examples[0][1].json
        schema: Schema = {"type": "object"} if isinstance(body, dict) else {}
        media: dict[str, Any] = {"schema": schema}
        add_examples(media, examples, collection=False)
        found[str(status)] = plain_response(status, {JSON: media})
    return found


def _attach_examples(endpoint: Endpoint, response: dict[str, Any], shape: Shape) -> bool:
    """The page's success examples go to its one documented success response."""
    media = response.get("content", {}).get(JSON)
    if media is None:
        return False
    examples = [
        (page, e) for page, e in endpoint_examples(endpoint, "response") if (e.status or 200) < 400
    ]
    return add_examples(media, examples, collection=shape.collection)


def reconciled_shape(ctx: BuildContext, endpoint: Endpoint, shape: Shape) -> Shape:
    """The lead page's ``shape``; with other pages on the same endpoint, typed by their common base."""
    if not endpoint.others or shape.type_name is None:
        return shape
    names = [shape.type_name]
    for other in endpoint.others:
        their = response_shape(ctx, other)
        if their.type_name is None or their.collection != shape.collection:
            return shape
        names.append(their.type_name)
    common = ctx.common_base(names)
    if common is None or common == shape.type_name:
        return shape
    return replace(shape, type_name=common, schema=schema_ref(common))
