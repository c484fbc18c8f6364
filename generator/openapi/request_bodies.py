"""Request bodies: a ``$ref`` to the resource for create and update (Microsoft's form), an inline
object from the parameter table for actions, raw bytes for media (``$value``, non-JSON Content-Type).
"""

from __future__ import annotations

from typing import Any

from generator.markdown.model import Parameter
from generator.openapi.context import BuildContext, Schema, schema_ref
from generator.openapi.endpoint import Endpoint
from generator.openapi.examples import add_examples
from generator.openapi.response_bodies import (
    BINARY,
    Shape,
    endpoint_examples,
    is_json,
    response_shape,
)
from generator.openapi.responses import JSON
from generator.openapi.types import nullable, primitive_schema, type_schema

_OCTETS = "application/octet-stream"


def _parameter_object(
    ctx: BuildContext, endpoint: Endpoint, params: tuple[Parameter, ...]
) -> Schema:
    """An object with one property per row; optional single values admit null (as in OData).
    ``required`` is kept for actions only: an update's "Required" rows describe the resource."""
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
            if not param.required and schema.get("type") != "array":
                schema = nullable(ctx, schema)
        if param.description:
            schema = {**schema, "description": param.description}
        properties[param.name] = schema
        if param.required and endpoint.kind in {"action", "function"}:
            required.append(param.name)
    body: Schema = {"type": "object", "properties": properties}
    if required:
        body["required"] = required
    return body


def _request_media_type(endpoint: Endpoint) -> str:
    for header in endpoint.op.headers:
        if header.name.strip().lower() == "content-type":
            value = header.value.strip().split(";")[0].split()
            if value and "/" in value[0] and not is_json(value[0]):
                return value[0].rstrip(".")
    return JSON


def _declared(ctx: BuildContext, endpoint: Endpoint) -> Schema | None:
    """The schema of the page's "JSON representation of [x]" sentence, when it has one."""
    if endpoint.op.body_type is None:
        return None
    return type_schema(
        ctx,
        endpoint.op.body_type,
        path=endpoint.page.path,
        line=endpoint.request.line,
        namespace=endpoint.namespace,
    )


def _resource(ctx: BuildContext, endpoint: Endpoint, shape: Shape) -> str | None:
    """The resource a create or update sends: the one declared, else the one returned."""
    declared = _declared(ctx, endpoint)
    ref = declared.get("$ref") if declared else None
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1]
    return shape.type_name if not shape.collection else None


def build_request_body(
    ctx: BuildContext, endpoint: Endpoint, shape: Shape
) -> dict[str, Any] | None:
    op = endpoint.op
    if endpoint.method not in {"post", "patch", "put"} or op.no_body:
        return None
    media_type = _request_media_type(endpoint)
    body_is_stream = op.body_type is not None and primitive_schema(op.body_type.name) == BINARY
    if media_type != JSON or endpoint.path.special == "$value" or body_is_stream:
        return {
            "content": {media_type if media_type != JSON else _OCTETS: {"schema": dict(BINARY)}},
            "required": True,
        }
    examples = endpoint_examples(endpoint, "request")
    resource = _resource(ctx, endpoint, shape)
    if resource is not None and endpoint.others:
        names = [resource, *(_resource(ctx, o, response_shape(ctx, o)) for o in endpoint.others)]
        resource = ctx.common_base([n for n in names if n is not None]) or resource
    declared = _declared(ctx, endpoint)
    schema: Schema | None = None
    if endpoint.kind in {"create", "update", "set"} and resource is not None:
        schema = schema_ref(resource)
    elif op.body_params:
        schema = _parameter_object(ctx, endpoint, op.body_params)
    elif declared is not None:
        schema = declared
    elif any(e.json_ok for _, e in examples):
        schema = {"type": "object"}
    if schema is None:
        return None
    media: dict[str, Any] = {"schema": schema}
    add_examples(media, examples, collection=False)
    return {"description": describe_body(endpoint), "content": {JSON: media}, "required": True}


def describe_body(endpoint: Endpoint) -> str:
    if endpoint.kind in {"action", "function"}:
        return "Action parameters"
    return "New property values" if endpoint.kind in {"update", "set"} else "New entity"
