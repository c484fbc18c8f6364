"""One endpoint → one OpenAPI operation: parameters, body, responses, security, ids and tags.

operationIds follow Microsoft's Graph documents: the named path segments joined by dots, the last one
turned into a verb for CRUD (``users.ListOnlineMeetings``, ``users.onlineMeetings.GetOnlineMeetings``)
and kept as is for actions and functions (``users.onlineMeetings.createOrGet``).
"""

from __future__ import annotations

from typing import Any

from generator.markdown.model import Parameter
from generator.openapi.context import BuildContext, Schema
from generator.openapi.endpoint import Endpoint
from generator.openapi.naming import singular, upper_first
from generator.openapi.paths import PathParam
from generator.openapi.request_bodies import build_request_body
from generator.openapi.response_bodies import build_responses, reconciled_shape, response_shape
from generator.openapi.responses import PAGEABLE
from generator.openapi.security import operation_security
from generator.openapi.types import type_schema

#: OData system query options with a shared component parameter, in Microsoft's order
ODATA_OPTIONS = ("top", "skip", "search", "filter", "count", "orderby", "select", "expand")
_VERBS = {
    "list": "List",
    "get": "Get",
    "create": "Create",
    "update": "Update",
    "set": "Set",
    "delete": "Delete",
}
_SPECIAL_SUFFIX = {"$value": "Content", "$ref": "Ref", "$count": "Count"}
#: headers that OpenAPI describes elsewhere (security, content) and forbids as parameters
_SKIPPED_HEADERS = {"authorization", "content-type", "content-length", "accept"}


def odata_parameters() -> dict[str, Any]:
    """``components/parameters`` for the OData system query options."""
    array: Schema = {"type": "array", "uniqueItems": True, "items": {"type": "string"}}
    specs: dict[str, tuple[str, Schema]] = {
        "top": ("Show only the first n items", {"type": "integer", "minimum": 0}),
        "skip": ("Skip the first n items", {"type": "integer", "minimum": 0}),
        "search": ("Search items by search phrases", {"type": "string"}),
        "filter": ("Filter items by property values", {"type": "string"}),
        "count": ("Include count of items", {"type": "boolean"}),
        "orderby": ("Order items by property values", array),
        "select": ("Select properties to be returned", array),
        "expand": ("Expand related entities", array),
    }
    parameters: dict[str, Any] = {}
    for name in ODATA_OPTIONS:
        description, schema = specs[name]
        parameter: dict[str, Any] = {"name": f"${name}", "in": "query", "description": description}
        if schema.get("type") == "array":
            parameter.update(style="form", explode=False)
        parameter["schema"] = schema
        parameters[name] = parameter
    return parameters


def operation_id(endpoint: Endpoint) -> str:
    names = list(endpoint.path.names) or [endpoint.method]
    suffix = _SPECIAL_SUFFIX.get(endpoint.path.special or "", "")
    kind = endpoint.kind
    if kind in {"action", "function"} or kind not in _VERBS:
        return ".".join(names) + suffix
    if len(names) == 1:  # an entity set or singleton: users.user.ListUser, as Microsoft writes it
        names = [names[0], singular(names[0])]
    return ".".join([*names[:-1], f"{_VERBS[kind]}{upper_first(names[-1])}{suffix}"])


def tag(endpoint: Endpoint) -> str:
    names = endpoint.path.names or (endpoint.method,)
    return f"{names[0]}.{singular(names[1] if len(names) > 1 else names[0])}"


def _table_row(rows: tuple[Parameter, ...], written: str) -> Parameter | None:
    wanted = written.strip().strip("{}").lower()
    for row in rows:
        if row.name.strip().strip("{}").lower() == wanted:
            return row
    return None


def _param_schema(ctx: BuildContext, endpoint: Endpoint, row: Parameter | None) -> Schema:
    if row is None or row.type is None:
        return {"type": "string"}
    schema = type_schema(
        ctx, row.type, path=endpoint.page.path, line=row.line, namespace=endpoint.namespace
    )
    return schema or {"type": "string"}


def _path_parameter(ctx: BuildContext, endpoint: Endpoint, param: PathParam) -> dict[str, Any]:
    op = endpoint.op
    rows = op.function_params if param.argument_of else op.path_params
    row = _table_row(rows, param.written) or _table_row(op.path_params, param.written)
    if row is not None and row.description:
        description = row.description
    elif param.key_of is not None:
        description = f"key: {' or '.join(param.alternatives or ('id',))} of {param.key_of}"
    elif param.argument_of is not None:
        description = f"Usage: {param.written}='{{{param.name}}}'"
    else:
        description = param.written
    parameter: dict[str, Any] = {
        "name": param.name,
        "in": "path",
        "description": description,
        "required": True,
        "schema": _param_schema(ctx, endpoint, row),
    }
    if param.key_of is not None:
        parameter["x-ms-docs-key-type"] = param.key_of
    return parameter


def build_parameters(ctx: BuildContext, endpoint: Endpoint) -> list[dict[str, Any]]:
    op = endpoint.op
    parameters = [_path_parameter(ctx, endpoint, p) for p in endpoint.path.params]
    seen = {("path", p.name) for p in endpoint.path.params}
    options = {o.strip().lstrip("$").lower() for o in op.query_options}
    query: dict[str, Parameter | None] = {}
    for name in endpoint.path.query:
        query.setdefault(name, None)
    for row in op.query_params:
        query[row.name.strip()] = row
    for name, given in query.items():
        if name.startswith("$") and name[1:].lower() in ODATA_OPTIONS:
            options.add(name[1:].lower())
            continue
        if ("query", name) in seen or not name:
            continue
        seen.add(("query", name))
        parameter: dict[str, Any] = {"name": name, "in": "query"}
        if given is not None and given.description:
            parameter["description"] = given.description
        if name in endpoint.path.query or (given is not None and given.required):
            parameter["required"] = True
        parameter["schema"] = _param_schema(ctx, endpoint, given)
        parameters.append(parameter)
    if endpoint.method == "get":
        parameters.extend(
            {"$ref": f"#/components/parameters/{o}"} for o in ODATA_OPTIONS if o in options
        )
    for header in op.headers:
        name = header.name.strip()
        if name.lower() in _SKIPPED_HEADERS or ("header", name.lower()) in seen or not name:
            continue
        seen.add(("header", name.lower()))
        parameter = {"name": name, "in": "header"}
        if header.value:
            parameter["description"] = header.value
        if header.required:
            parameter["required"] = True
        parameter["schema"] = {"type": "string"}
        parameters.append(parameter)
    return parameters


def build_operation(ctx: BuildContext, endpoint: Endpoint, operation_id: str) -> dict[str, Any]:
    op, page = endpoint.op, endpoint.page
    lead = response_shape(ctx, endpoint)
    shape = reconciled_shape(ctx, endpoint, lead)
    if endpoint.method == "get" and lead.type_name is not None:
        # Navigation is inferred from what the lead page says the path returns: the common base of
        # several pages (often ``entity``) would collect every child path of all of them.
        ctx.returns[endpoint.path.template] = (lead.type_name, lead.collection, endpoint.source)
    operation: dict[str, Any] = {"tags": [tag(endpoint)], "summary": op.title or page.title}
    description = op.description or page.description
    if description:
        operation["description"] = description
    operation["operationId"] = operation_id
    parameters = build_parameters(ctx, endpoint)
    if parameters:
        operation["parameters"] = parameters
    body = build_request_body(ctx, endpoint, shape)
    if body is not None:
        operation["requestBody"] = body
    operation["responses"] = build_responses(ctx, endpoint, shape)
    security, permissions = operation_security(ctx, op)
    if security:
        operation["security"] = security
    if shape.collection and endpoint.method == "get":
        operation["x-ms-pageable"] = dict(PAGEABLE)
    kind = endpoint.kind
    operation["x-ms-docs-operation-type"] = kind if kind in {"action", "function"} else "operation"
    if permissions:
        operation["x-ms-permissions"] = permissions
    operation["x-specdown-source"] = endpoint.source
    return operation
