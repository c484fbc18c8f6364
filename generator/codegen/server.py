"""The server's view of the operations: routes, validation pointers, service classes and codecs.

Built on :mod:`generator.codegen.operations` (names, parameters, body and response types) and on
:attr:`Api.schema_types` (codecs by JSON pointer); this module adds only what a server needs on top:

- a Starlette route template per path, with placeholders renamed to the parameters' Python names
  (``/users/{user-id}`` → ``/users/{user_id}``); paths that differ only in placeholder names share
  one route, since Starlette could never reach the second;
- the JSON pointers of every parameter and body schema, which the runtime validates lazily;
- every media type a body may arrive in (the client picks one; the server accepts them all);
- the documented success status, and codec expressions to decode parameters and bodies into the
  models and encode results back to JSON;
- one service class per tag, with unique class and module names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.codegen import naming
from generator.codegen.loader import Resolver, child
from generator.codegen.model import Api, Import, TypeExpr
from generator.codegen.operations import PARAM_RE, Operation, build_operations
from generator.diagnostics import DiagnosticSink

_ROUTE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
#: Codecs whose decoded value is what the runtime already produces from parameter text.
_PLAIN_CODECS = frozenset({"_rt.STR", "_rt.INT", "_rt.FLOAT", "_rt.BOOL", "_rt.ANY"})
SERVICE_RESERVED = frozenset({"ApiError", "OperationNotImplementedError"}) | naming.GENERATED_NAMES


@dataclass(frozen=True, slots=True)
class ServerParam:
    wire_name: str
    location: str
    python_name: str
    annotation: str
    required: bool
    explode: bool
    schema: str  # JSON pointer ("" when the parameter has no schema)
    route_key: str  # placeholder in the route template (path parameters)
    codec: str  # "" when the runtime's own conversion is the value the method takes


@dataclass(frozen=True, slots=True)
class ServerBody:
    required: bool
    media_types: tuple[str, ...]
    schema: str  # pointer of the JSON media type's schema ("" when not JSON)
    annotation: str
    codec: str


@dataclass(frozen=True, slots=True)
class ServerOperation:
    operation: Operation
    route: str
    status: int
    service: str  # the service class name
    params: tuple[ServerParam, ...]
    body: ServerBody | None
    returns: str  # the service method's return annotation
    encode: str  # codec of the JSON result ("" when none)
    imports: tuple[Import, ...]

    @property
    def signature(self) -> tuple[tuple[str, str, bool], ...]:
        """(name, annotation, required) of the keyword arguments, required ones first."""
        args = [(p.python_name, p.annotation, p.required) for p in self.params]
        if self.body is not None:
            annotation = self.body.annotation
            if not self.body.required and not annotation.endswith("| None"):
                annotation += " | None"
            args.append(("body", annotation, self.body.required))
        return tuple(sorted(args, key=lambda a: not a[2]))


@dataclass(frozen=True, slots=True)
class Service:
    name: str  # class name
    module: str  # under server/services/
    tag: str
    operations: tuple[ServerOperation, ...]

    @property
    def imports(self) -> tuple[Import, ...]:
        return tuple(sorted({i for op in self.operations for i in op.imports}))


@dataclass(frozen=True, slots=True)
class ServerView:
    operations: tuple[ServerOperation, ...]
    services: tuple[Service, ...]


def uses_codecs(operations: Iterable[ServerOperation]) -> bool:
    """Whether any of ``operations`` decodes or encodes through the models runtime."""
    return any(
        op.encode or (op.body and op.body.codec) or any(p.codec for p in op.params)
        for op in operations
    )


def build_server(api: Api, source: str, sink: DiagnosticSink) -> ServerView:
    resolver = Resolver(api.document, source, sink)
    operations = build_operations(api, source, sink)
    classes = naming.Registry(SERVICE_RESERVED)
    modules = naming.Registry(fold=str.lower)
    service_of: dict[str, tuple[str, str]] = {}
    for tag in sorted({op.tag for op in operations}):
        name = classes.claim(naming.class_name(f"{tag} service"))
        service_of[tag] = (name, modules.claim(naming.module_name(name), separator="_"))
    routes = _Routes()
    built = tuple(
        _server_operation(api, resolver, op, routes.route(op), service_of[op.tag][0])
        for op in operations
    )
    services = tuple(
        Service(name, module, tag, tuple(op for op in built if op.operation.tag == tag))
        for tag, (name, module) in sorted(service_of.items(), key=lambda item: item[1])
    )
    return ServerView(built, services)


class _Routes:
    """One route template per path shape; placeholders take the first path's Python names."""

    def __init__(self) -> None:
        self._keys: dict[str, list[str]] = {}

    def route(self, op: Operation) -> tuple[str, dict[str, str]]:
        """(route template, wire name → route key) for ``op``'s path."""
        wires = PARAM_RE.findall(op.path)
        shape = PARAM_RE.sub("{}", op.path)
        keys = self._keys.get(shape)
        if keys is None:
            python = {p.wire_name: p.python_name for p in op.path_parameters}
            registry = naming.Registry()
            keys = []
            for wire in wires:
                key = python.get(wire, "")
                keys.append(registry.claim(key if _ROUTE_KEY.match(key) else "p", separator="_"))
            self._keys[shape] = keys
        mapping: dict[str, str] = {}
        for wire, key in zip(wires, keys, strict=True):
            mapping.setdefault(wire, key)
        parts = shape.split("{}")
        route = parts[0] + "".join(
            f"{{{k}}}{rest}" for k, rest in zip(keys, parts[1:], strict=True)
        )
        return route, mapping


def _server_operation(
    api: Api, resolver: Resolver, op: Operation, route: tuple[str, dict[str, str]], service: str
) -> ServerOperation:
    raw = resolver.get(op.pointer)
    raw = raw if isinstance(raw, Mapping) else {}
    pointers = _parameter_schemas(resolver, op, raw)
    imports: set[Import] = set()
    params = []
    for param in op.parameters:
        schema = pointers.get((param.wire_name, param.location), "")
        type_ = _type_at(api, resolver, schema)
        codec = "" if type_ is None or _plain(type_.codec) else type_.codec
        imports.update(param.imports)
        params.append(
            ServerParam(
                param.wire_name,
                param.location,
                param.python_name,
                param.annotation,
                param.required,
                param.explode,
                schema,
                route[1].get(param.wire_name, "") if param.location == "path" else "",
                codec,
            )
        )
    body = _body(api, resolver, op, raw, imports)
    returns, encode = _returns(op, imports)
    return ServerOperation(
        operation=op,
        route=route[0],
        status=_status(raw),
        service=service,
        params=tuple(params),
        body=body,
        returns=returns,
        encode=encode,
        imports=tuple(sorted(imports)),
    )


def _parameter_schemas(
    resolver: Resolver, op: Operation, raw: Mapping[str, Any]
) -> dict[tuple[str, str], str]:
    """(name, in) → pointer of the parameter's schema; operation level overrides path level."""
    found: dict[tuple[str, str], str] = {}
    item_pointer = op.pointer.rsplit("/", 1)[0]
    item = resolver.get(item_pointer)
    levels = [(item_pointer, item.get("parameters") if isinstance(item, Mapping) else None)]
    levels.append((op.pointer, raw.get("parameters")))
    for base, params in levels:
        for index, node in enumerate(params if isinstance(params, list) else []):
            param, where = resolver.follow(node, child(base, "parameters", index))
            if isinstance(param, Mapping) and "schema" in param:
                found[(str(param.get("name")), str(param.get("in")))] = child(where, "schema")
    return found


def _body(
    api: Api, resolver: Resolver, op: Operation, raw: Mapping[str, Any], imports: set[Import]
) -> ServerBody | None:
    if op.body is None:
        return None
    body, where = resolver.follow(raw.get("requestBody"), child(op.pointer, "requestBody"))
    content = body.get("content") if isinstance(body, Mapping) else None
    media_types = tuple(sorted(str(m) for m in content)) if isinstance(content, Mapping) else ()
    if op.body.kind != "json":
        return ServerBody(op.body.required, media_types, "", "bytes", "")
    schema = child(where, "content", op.body.content_type, "schema")
    type_ = _type_at(api, resolver, schema)
    if type_ is None:
        return ServerBody(op.body.required, media_types, schema, "Any", "")
    imports.update(type_.imports)
    codec = "" if type_.codec == "_rt.ANY" else type_.codec
    return ServerBody(op.body.required, media_types, schema, type_.annotation, codec)


def _returns(op: Operation, imports: set[Import]) -> tuple[str, str]:
    response = op.response
    if response.kind != "json" or response.type is None:
        return {"binary": "bytes", "text": "str"}.get(response.kind, "None"), ""
    imports.update(response.type.imports)
    annotation = response.type.annotation
    if response.optional and annotation != "Any" and not annotation.endswith("| None"):
        annotation += " | None"
    return annotation, "" if response.type.codec == "_rt.ANY" else response.type.codec


def _type_at(api: Api, resolver: Resolver, pointer: str) -> TypeExpr | None:
    if not pointer:
        return None
    found = api.schema_types.get(pointer)
    if found is None:
        _, target = resolver.follow(resolver.get(pointer), pointer)
        found = api.schema_types.get(target)
    return found


def _plain(codec: str) -> bool:
    inner = codec
    for wrapper in ("_rt.Nullable(", "_rt.ListOf("):
        while inner.startswith(wrapper):
            inner = inner[len(wrapper) : -1]
    return inner in _PLAIN_CODECS


def _status(raw: Mapping[str, Any]) -> int:
    """The documented success status: the first 2xx with content, else the first 2xx, else 200."""
    responses = raw.get("responses")
    statuses = sorted(str(s) for s in responses) if isinstance(responses, Mapping) else []
    success = [s for s in statuses if s.startswith("2")]
    with_content = [
        s
        for s in success
        if isinstance(responses, Mapping)
        and isinstance(responses[s], Mapping)
        and (responses[s].get("content") or "$ref" in responses[s])
    ]
    chosen = (with_content or success or ["200"])[0]
    return int(chosen) if chosen.isdigit() else 200
