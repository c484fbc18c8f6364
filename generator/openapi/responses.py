"""Shared response components: the OData error shape and ``XCollectionResponse`` pages of results.

Both follow Microsoft's Graph documents (``microsoft.graph.ODataErrors.ODataError`` behind
``#/components/responses/error``; ``value`` plus ``@odata.nextLink`` for collections).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from generator.openapi.context import BuildContext, Schema, schema_ref
from generator.openapi.naming import short_type_name
from generator.openapi.types import array_of, nullable

ERROR = {"$ref": "#/components/responses/error"}
_ERRORS = "microsoft.graph.ODataErrors."
JSON = "application/json"
PAGEABLE = {"nextLinkName": "@odata.nextLink", "operationName": "listMore"}


def add_error_components(ctx: BuildContext) -> None:
    string: Schema = {"type": "string"}
    ctx.schemas[_ERRORS + "ODataError"] = {
        "required": ["error"],
        "type": "object",
        "properties": {"error": schema_ref(_ERRORS + "MainError")},
    }
    ctx.schemas[_ERRORS + "MainError"] = {
        "required": ["code", "message"],
        "type": "object",
        "properties": {
            "code": string,
            "message": string,
            "target": nullable(ctx, dict(string)),
            "details": array_of(schema_ref(_ERRORS + "ErrorDetails")),
            "innererror": schema_ref(_ERRORS + "InnerError"),
        },
    }
    ctx.schemas[_ERRORS + "ErrorDetails"] = {
        "required": ["code", "message"],
        "type": "object",
        "properties": {"code": string, "message": string, "target": nullable(ctx, dict(string))},
    }
    ctx.schemas[_ERRORS + "InnerError"] = {
        "type": "object",
        "description": "The structure of this object is service-specific",
    }
    ctx.responses["error"] = {
        "description": "error",
        "content": {JSON: {"schema": schema_ref(_ERRORS + "ODataError")}},
    }


def collection_schema(ctx: BuildContext, items: Schema, title: str) -> Schema:
    return {
        "title": f"Collection of {title}",
        "type": "object",
        "properties": {
            "value": array_of(items),
            "@odata.nextLink": nullable(ctx, {"type": "string"}),
        },
    }


def collection_response(ctx: BuildContext, type_name: str) -> str:
    """The name of ``<type>CollectionResponse`` (schema and response), created on first use."""
    name = f"{type_name}CollectionResponse"
    if name not in ctx.schemas:
        ctx.schemas[name] = collection_schema(
            ctx, schema_ref(type_name), short_type_name(type_name)
        )
        ctx.responses[name] = {
            "description": "Retrieved collection",
            "content": {JSON: {"schema": schema_ref(name)}},
        }
    return name


def describe(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Success" if 200 <= status < 300 else "Response"


def plain_response(status: int, content: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": describe(status)}
    if content:
        response["content"] = content
    return response
