"""OpenAPI ``paths`` → :class:`Operation` values: what the client (and the server) generate per operation.

Everything a template needs is precomputed: Python identifiers for every parameter (unique per
operation), annotations with their imports, the positional path template the runtime formats, the
request body's media type and kind, the success response's kind and type, paging (an ``@odata.nextLink``
collection or ``x-ms-pageable``), OAuth2 scopes, idempotency, tag and the docstring parts.

Types come from :attr:`Api.schema_types` (the models product's mapping), looked up by JSON pointer;
this module never maps schemas to types itself.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.codegen import naming
from generator.codegen.loader import Resolver, child
from generator.codegen.model import Api, Import, TypeExpr
from generator.codegen.types import ANY
from generator.diagnostics import DiagnosticSink

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
PARAM_RE = re.compile(r"\{([^{}]+)\}")

_SEQUENCE = Import("collections.abc", "Sequence")
_MAPPING = Import("collections.abc", "Mapping")
_TYPING_ANY = Import("typing", "Any")

#: OData system query options get the same ergonomic types everywhere, whatever the spec's schema.
ODATA_QUERY: dict[str, tuple[str, tuple[Import, ...]]] = {
    "$select": ("Sequence[str] | str", (_SEQUENCE,)),
    "$expand": ("Sequence[str] | str", (_SEQUENCE,)),
    "$orderby": ("Sequence[str] | str", (_SEQUENCE,)),
    "$filter": ("str", ()),
    "$search": ("str", ()),
    "$top": ("int", ()),
    "$skip": ("int", ()),
    "$count": ("bool", ()),
    "$skiptoken": ("str", ()),
    "$format": ("str", ()),
}

#: Headers the docs call required only in some uses; a caller may always leave them out.
OPTIONAL_HEADERS = frozenset({"consistencylevel"})

#: Names the generated method bodies use; a parameter never takes them.
RESERVED_PARAMS = frozenset({"self", "body", "cls"}) | naming.GENERATED_NAMES


@dataclass(frozen=True, slots=True)
class Parameter:
    wire_name: str
    python_name: str
    location: str  # path | query | header | cookie
    annotation: str  # as the method declares it, "| None" included when optional
    required: bool
    explode: bool
    doc: str
    imports: tuple[Import, ...] = ()
    deprecated: bool = False


@dataclass(frozen=True, slots=True)
class RequestBody:
    content_type: str
    kind: str  # json | multipart | form | binary | text
    annotation: str  # what the method accepts (a model or a plain dict for JSON)
    required: bool
    doc: str
    imports: tuple[Import, ...] = ()


@dataclass(frozen=True, slots=True)
class Paging:
    item: TypeExpr
    item_name: str
    next_name: str


@dataclass(frozen=True, slots=True)
class Response:
    kind: str  # json | binary | text | empty
    type: TypeExpr | None  # json only
    optional: bool  # some success status has no body
    content_type: str | None
    paging: Paging | None = None

    @property
    def annotation(self) -> str:
        """The method's return annotation (the item type for paged operations)."""
        if self.paging is not None:
            return self.paging.item.annotation
        base = {"binary": "bytes", "text": "str", "empty": "None"}.get(self.kind)
        if base is None:
            base = self.type.annotation if self.type is not None else "Any"
        if self.optional and base != "None" and not base.endswith("| None"):
            base += " | None"
        return base


@dataclass(frozen=True, slots=True)
class Operation:
    operation_id: str
    python_name: str  # the flat, operationId-named method (unique per client)
    method: str  # upper case
    path: str  # the spec's template
    path_format: str  # positional: "/users/{0}/onlineMeetings"
    parameters: tuple[Parameter, ...]  # path (template order), then query, header, cookie
    body: RequestBody | None
    response: Response
    scopes: tuple[str, ...]  # of the first security requirement: what the client asks for
    all_scopes: tuple[str, ...]  # every scope any requirement names (documentation)
    idempotent: bool
    tag: str
    summary: str
    description: str
    source: str  # x-specdown-source, "" when absent
    deprecated: bool
    pointer: str
    imports: tuple[Import, ...]

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


def path_pointer(path: str, method: str | None = None) -> str:
    return child("#/paths", path, method) if method else child("#/paths", path)


def iter_operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(path, method, operation object) for every operation, sorted by path then method order."""
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return
    for path in sorted(paths):
        item = paths[path]
        if not isinstance(item, Mapping):
            continue
        for method in METHODS:
            if isinstance(item.get(method), Mapping):
                yield path, method, item[method]


#: The last result: the client and the server products both need the operations of one run.
_LAST: list[tuple[Api, str, DiagnosticSink, tuple[Operation, ...]]] = []


def build_operations(api: Api, source: str, sink: DiagnosticSink) -> tuple[Operation, ...]:
    """Every operation of ``api.document``; flat method names are unique in one client-wide scope.

    Built once per run: a second call with the same model and sink returns the first result
    (whose diagnostics that sink already holds)."""
    if _LAST and _LAST[0][0] is api and _LAST[0][1] == source and _LAST[0][2] is sink:
        return _LAST[0][3]
    ops = _build_operations(api, source, sink)
    _LAST[:] = [(api, source, sink, ops)]
    return ops


def _build_operations(api: Api, source: str, sink: DiagnosticSink) -> tuple[Operation, ...]:
    resolver = Resolver(api.document, source, sink)
    builder = _Builder(api, resolver, source, sink)
    names = naming.Registry(naming.GENERATED_NAMES | {"close", "aclose"})
    ops = []
    for path, method, raw in iter_operations(api.document):
        op_id = raw.get("operationId")
        op_id = op_id if isinstance(op_id, str) else ""
        name = naming.snake(op_id) or naming.snake(f"{method} {path}") or method
        if name[0].isdigit():
            name = "op_" + name
        if name in naming.BUILTINS or keyword.iskeyword(name):
            name += "_"
        ops.append(builder.operation(path, method, raw, names.claim(name, separator="_")))
    return tuple(ops)


class _Builder:
    def __init__(self, api: Api, resolver: Resolver, source: str, sink: DiagnosticSink) -> None:
        self.api = api
        self.resolver = resolver
        self.source = source
        self.sink = sink

    def warn(self, pointer: str, message: str) -> None:
        self.sink.warning(self.source, 0, "G001", f"{pointer}: {message}")

    def type_at(self, pointer: str, schema: Any) -> TypeExpr:
        """The models product's type for the schema at ``pointer`` (following a ``$ref``)."""
        found = self.api.schema_types.get(pointer)
        if found is None and isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
            found = self.api.schema_types.get(schema["$ref"])
        return found if found is not None else ANY

    def operation(self, path: str, method: str, raw: Mapping[str, Any], name: str) -> Operation:
        pointer = path_pointer(path, method)
        params = self.parameters(path, method, raw, pointer)
        body = self.request_body(raw, pointer)
        response = self.response(raw, pointer, method)
        scopes, all_scopes = self.scopes(raw)
        idempotent = method.upper() in IDEMPOTENT or raw.get("x-ms-idempotent") is True
        imports = {i for p in params for i in p.imports}
        if body is not None:
            imports.update(body.imports)
        if response.type is not None:
            imports.update(response.type.imports)
        if response.paging is not None:
            imports.update(response.paging.item.imports)
        tags = raw.get("tags")
        tag = str(tags[0]) if isinstance(tags, list) and tags else "default"
        op_id = raw.get("operationId")
        return Operation(
            operation_id=op_id if isinstance(op_id, str) else name,
            python_name=name,
            method=method.upper(),
            path=path,
            path_format=_positional(path),
            parameters=params,
            body=body,
            response=response,
            scopes=scopes,
            all_scopes=all_scopes,
            idempotent=idempotent or raw.get("x-idempotent") is True,
            tag=tag,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            source=_text(raw.get("x-specdown-source")),
            deprecated=raw.get("deprecated") is True,
            pointer=pointer,
            imports=tuple(sorted(imports)),
        )

    def raw_parameters(
        self, path: str, method: str, raw: Mapping[str, Any]
    ) -> dict[tuple[str, str], tuple[Mapping[str, Any], str]]:
        """(name, in) → (parameter, pointer of its schema); operation-level ones override path-level."""
        found: dict[tuple[str, str], tuple[Mapping[str, Any], str]] = {}
        item = self.resolver.get(path_pointer(path))
        item = item if isinstance(item, Mapping) else {}
        levels = [
            (item.get("parameters"), path_pointer(path)),
            (raw.get("parameters"), path_pointer(path, method)),
        ]
        for params, base in levels:
            for index, entry in enumerate(params if isinstance(params, list) else []):
                param, where = self.resolver.follow(entry, child(base, "parameters", index))
                if not isinstance(param, Mapping) or not isinstance(param.get("name"), str):
                    self.warn(where, "a parameter without a name was ignored")
                    continue
                location = param.get("in")
                if location not in {"path", "query", "header", "cookie"}:
                    self.warn(where, f"parameter {param['name']!r} has no valid 'in'; ignored")
                    continue
                found[(param["name"], location)] = (param, child(where, "schema"))
        return found

    def parameters(
        self, path: str, method: str, raw: Mapping[str, Any], pointer: str
    ) -> tuple[Parameter, ...]:
        found = self.raw_parameters(path, method, raw)
        in_template = PARAM_RE.findall(path)
        for name in in_template:
            if (name, "path") not in found:
                self.warn(pointer, f"path parameter {name!r} is not declared; typed as str")
                found[(name, "path")] = (
                    {"name": name, "in": "path", "schema": {"type": "string"}},
                    "",
                )
        registry = naming.Registry(RESERVED_PARAMS)
        ordered = [found[(n, "path")] for n in dict.fromkeys(in_template)]
        for location in ("query", "header", "cookie"):
            ordered += [v for (n, loc), v in sorted(found.items()) if loc == location]
        for (name, location), _ in sorted(found.items()):
            if location == "path" and name not in in_template:
                self.warn(pointer, f"path parameter {name!r} is not in the path template; ignored")
        return tuple(self.parameter(param, where, registry) for param, where in ordered)

    def parameter(
        self, param: Mapping[str, Any], where: str, registry: naming.Registry
    ) -> Parameter:
        wire, location = str(param["name"]), str(param["in"])
        required = location == "path" or param.get("required") is True
        if location == "header" and wire.lower() in OPTIONAL_HEADERS:
            required = False  # "required when using $search": the client adds it when needed
        odata = ODATA_QUERY.get(wire.lower()) if location == "query" else None
        if odata is not None:
            annotation, imports = odata
        else:
            schema = param.get("schema")
            type_ = self.type_at(where, schema) if schema is not None else ANY
            annotation, imports = type_.annotation, type_.imports
        if not required and not annotation.endswith("| None") and annotation != "Any":
            annotation += " | None"
        explode = param.get("explode", param.get("style", "form") == "form")
        return Parameter(
            wire_name=wire,
            python_name=registry.claim(naming.field_name(wire.lstrip("$@")), separator="_"),
            location=location,
            annotation=annotation,
            required=required,
            explode=explode is True and odata is None,
            doc=_text(param.get("description")),
            imports=imports,
            deprecated=param.get("deprecated") is True,
        )

    def request_body(self, raw: Mapping[str, Any], pointer: str) -> RequestBody | None:
        body, where = self.resolver.follow(raw.get("requestBody"), child(pointer, "requestBody"))
        if not isinstance(body, Mapping) or not isinstance(body.get("content"), Mapping):
            return None
        content = body["content"]
        media = _choose_media(content)
        if media is None:
            return None
        kind = _media_kind(media)
        media_obj = content[media] if isinstance(content[media], Mapping) else {}
        schema_where = child(where, "content", media, "schema")
        imports: tuple[Import, ...] = ()
        if kind in {"json", "multipart", "form"}:
            type_ = self.type_at(schema_where, media_obj.get("schema"))
            annotation, imports = _accepting_plain(type_)
        elif kind == "binary":
            annotation, imports = "bytes | IO[bytes]", (Import("typing", "IO"),)
        else:
            annotation = "str"
        return RequestBody(
            content_type=media,
            kind=kind,
            annotation=annotation,
            required=body.get("required") is True,
            doc=_text(body.get("description")),
            imports=imports,
        )

    def response(self, raw: Mapping[str, Any], pointer: str, method: str) -> Response:
        responses = raw.get("responses")
        responses = responses if isinstance(responses, Mapping) else {}
        success = sorted(str(s) for s in responses if str(s).startswith("2"))
        if not success:
            return Response("json", ANY, optional=True, content_type=None)
        chosen: tuple[str, str, Mapping[str, Any], str] | None = None
        optional = False
        for status in success:
            resp, where = self.resolver.follow(
                responses[status], child(pointer, "responses", status)
            )
            content = resp.get("content") if isinstance(resp, Mapping) else None
            media = _choose_media(content) if isinstance(content, Mapping) else None
            if media is None or content is None:
                optional = True
                continue
            if chosen is None:
                media_obj = content[media] if isinstance(content[media], Mapping) else {}
                chosen = (media, where, media_obj, status)
        if chosen is None:
            return Response("empty", None, optional=False, content_type=None)
        media, where, media_obj, _ = chosen
        kind = _media_kind(media)
        if kind in {"multipart", "form"}:
            kind = "binary"
        if kind != "json":
            return Response(kind, None, optional, media)
        schema_where = child(where, "content", media, "schema")
        schema = media_obj.get("schema")
        type_ = self.type_at(schema_where, schema)
        paging = self.paging(raw, schema, schema_where) if method == "get" else None
        return Response("json", type_, optional, media, paging)

    def paging(self, raw: Mapping[str, Any], schema: Any, where: str) -> Paging | None:
        """Graph collections (``value`` + ``@odata.nextLink``) and ``x-ms-pageable``."""
        ext = raw.get("x-ms-pageable")
        item_name, next_name = "value", "@odata.nextLink"
        if isinstance(ext, Mapping):
            if "nextLinkName" in ext and not isinstance(ext["nextLinkName"], str):
                return None  # the spec's way of saying "one page only"
            next_name = str(ext.get("nextLinkName", next_name))
            item_name = str(ext.get("itemName", item_name))
        props = self.properties(schema, where)
        if item_name not in props or (ext is None and next_name not in props):
            return None
        items_schema, items_where = props[item_name]
        items_schema, items_where = self.resolver.follow(items_schema, items_where)
        if not isinstance(items_schema, Mapping) or items_schema.get("type") != "array":
            return None
        item = self.type_at(child(items_where, "items"), items_schema.get("items"))
        return Paging(item, item_name, next_name)

    def properties(self, schema: Any, where: str, depth: int = 0) -> dict[str, tuple[Any, str]]:
        """Property name → (schema, pointer), through ``$ref`` and ``allOf``."""
        schema, where = self.resolver.follow(schema, where)
        if not isinstance(schema, Mapping) or depth > 20:
            return {}
        found: dict[str, tuple[Any, str]] = {}
        for index, part in enumerate(schema.get("allOf") or []):
            found.update(self.properties(part, child(where, "allOf", index), depth + 1))
        props = schema.get("properties")
        for name, prop in props.items() if isinstance(props, Mapping) else ():
            found[str(name)] = (prop, child(where, "properties", str(name)))
        return found

    def scopes(self, raw: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        security = raw.get("security", self.api.document.get("security"))
        requirements = (
            [r for r in security if isinstance(r, Mapping)] if isinstance(security, list) else []
        )
        lists = [
            [str(s) for scopes in req.values() if isinstance(scopes, list) for s in scopes]
            for req in requirements
        ]
        first = next((tuple(dict.fromkeys(s)) for s in lists if s), ())
        return first, tuple(dict.fromkeys(s for scopes in lists for s in scopes))


def _positional(path: str) -> str:
    """``/users/{user-id}/x`` → ``/users/{0}/x``, escaping literal braces for ``str.format``."""
    parts = PARAM_RE.split(path)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append("{" + str(index // 2) + "}")
        else:
            out.append(part.replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def _choose_media(content: Mapping[str, Any]) -> str | None:
    """The media type the client speaks: JSON first, then forms, then anything else, sorted."""
    medias = sorted(str(m) for m in content)
    rank = {"json": 0, "multipart": 1, "form": 2, "binary": 3, "text": 4}
    return min(medias, key=lambda m: (rank[_media_kind(m)], m), default=None)


def _media_kind(media: str) -> str:
    base = media.split(";", maxsplit=1)[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    if base == "multipart/form-data":
        return "multipart"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("text/") and base != "text/event-stream":
        return "text"
    return "binary"


def _accepting_plain(type_: TypeExpr) -> tuple[str, tuple[Import, ...]]:
    """A JSON body parameter takes the model or the same data as plain dicts and lists."""
    annotation = type_.annotation
    if annotation == "Any":
        return annotation, type_.imports
    if annotation.startswith("list["):
        return f"{annotation} | Sequence[Any]", (*type_.imports, _SEQUENCE, _TYPING_ANY)
    return f"{annotation} | Mapping[str, Any]", (*type_.imports, _MAPPING, _TYPING_ANY)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
