"""Request bodies and responses of one endpoint.

Create and update bodies are a ``$ref`` to the resource (Microsoft's form); an action's body is an
inline object built from its parameter table. The response follows the page's Response section (status
code and named type), falling back on the example: its status line, its annotation's ``@odata.type``
and ``isCollection``, and the shape of its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.markdown.model import Example, Parameter
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
_BINARY: Schema = {"type": "string", "format": "binary"}
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


def _is_json(media_type: str | None) -> bool:
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
        if first is not None and first.content_type and not _is_json(first.content_type):
            media = first.content_type
        return Shape(status or 200, stream=True, media_type=media.split(";")[0].strip())
    if (response is not None and response.empty) or status == 204:
        return Shape(status or 204)
    if response is not None and response.type is not None:
        ref = response.type
        if primitive_schema(ref.name) == _BINARY:
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
        return (
            {shape.media_type: {"schema": dict(_BINARY)}} if shape.status != 302 else None
        ), None
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
    responses["default"] = dict(ERROR)
    return responses


def _attach_examples(endpoint: Endpoint, response: dict[str, Any], shape: Shape) -> bool:
    """The page's success examples go to its one documented success response."""
    media = response.get("content", {}).get(JSON)
    if media is None:
        return False
    examples = [e for e in _examples(endpoint, "response") if (e.status or 200) < 400]
    return add_examples(media, endpoint.page, examples, collection=shape.collection)


def _parameter_object(
    ctx: BuildContext, endpoint: Endpoint, params: tuple[Parameter, ...]
) -> Schema:
    properties: Schema = {}
    required: list[str] = []
    for param in params:
        if not param.name or param.name in properties:
            continue
        schema: Schema = {}
        if param.type is not None:
            schema = type_schema(
                ctx,
                param.type,
                path=endpoint.page.path,
                line=param.line,
                namespace=endpoint.namespace,
            )
        if param.description:
            schema = {**schema, "description": param.description}
        properties[param.name] = schema
        if param.required:
            required.append(param.name)
    body: Schema = {"type": "object", "properties": properties}
    if required:
        body["required"] = required
    return body


def _request_media_type(endpoint: Endpoint) -> str:
    for header in endpoint.op.headers:
        if header.name.strip().lower() == "content-type":
            value = header.value.strip().split(";")[0].split()
            if value and "/" in value[0] and not _is_json(value[0]):
                return value[0].rstrip(".")
    return JSON


def build_request_body(
    ctx: BuildContext, endpoint: Endpoint, shape: Shape
) -> dict[str, Any] | None:
    op = endpoint.op
    if endpoint.method not in {"post", "patch", "put"} or op.no_body:
        return None
    media_type = _request_media_type(endpoint)
    body_is_stream = op.body_type is not None and primitive_schema(op.body_type.name) == _BINARY
    if media_type != JSON or endpoint.path.special == "$value" or body_is_stream:
        return {
            "content": {media_type if media_type != JSON else _OCTETS: {"schema": dict(_BINARY)}},
            "required": True,
        }
    schema: Schema | None = None
    declared = None
    if op.body_type is not None:
        declared = type_schema(
            ctx,
            op.body_type,
            path=endpoint.page.path,
            line=endpoint.request.line,
            namespace=endpoint.namespace,
        )
    resource = declared if declared and "$ref" in declared else None
    if resource is None and shape.type_name is not None and not shape.collection:
        resource = schema_ref(shape.type_name)
    if endpoint.kind in {"create", "update", "set"} and resource is not None:
        schema = resource
    elif op.body_params:
        schema = _parameter_object(ctx, endpoint, op.body_params)
    elif declared is not None:
        schema = declared
    elif any(e.json_ok for e in _examples(endpoint, "request")):
        schema = {"type": "object"}
    if schema is None:
        return None
    media: dict[str, Any] = {"schema": schema}
    add_examples(media, endpoint.page, _examples(endpoint, "request"), collection=False)
    return {"description": describe_body(endpoint), "content": {JSON: media}, "required": True}


def describe_body(endpoint: Endpoint) -> str:
    if endpoint.kind in {"action", "function"}:
        return "Action parameters"
    return "New property values" if endpoint.kind in {"update", "set"} else "New entity"
