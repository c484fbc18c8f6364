"""list[Page] → one OpenAPI document. The order of pages never matters: everything is sorted."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.markdown.model import Operation, Page
from generator.openapi.context import BuildContext, Schema
from generator.openapi.endpoint import Endpoint
from generator.openapi.infer import infer_navigation, navigation_candidates
from generator.openapi.operations import build_operation, odata_parameters, operation_id
from generator.openapi.paths import PathMemo, canonical_paths
from generator.openapi.resolve import TypeIndex
from generator.openapi.responses import add_error_components
from generator.openapi.schemas import build_schemas
from generator.openapi.security import SCHEME, security_schemes

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
DEFAULT_SERVER = "https://graph.microsoft.com/v1.0/"
_SERVER = re.compile(r"^(https?://[^/\s]+/(?:v\d+(?:\.\d+)?|beta))/")


def _endpoints(pages: list[Page], sink: DiagnosticSink, normalise: PathMemo) -> list[Endpoint]:
    """Every request line as an endpoint; one per (method, path), the first page in path order wins."""
    found: list[Endpoint] = []
    for page in pages:
        op = page.operation
        if op is None:
            continue
        for request in op.requests:
            method = request.method.strip().lower()
            if method not in METHODS:
                sink.warning(page.path, request.line, "O006", f"unknown method {request.method!r}")
                continue
            normal = normalise(request.path)
            if isinstance(normal, str):
                sink.warning(
                    page.path, request.line, "O006", f"path {request.path!r} skipped: {normal}"
                )
                continue
            found.append(Endpoint(page, op, request, normal, method))
    canonical = canonical_paths(e.path for e in found)
    chosen: dict[tuple[str, str], list[Endpoint]] = {}
    for written in found:
        path = written.path.adopt(canonical[written.path.shape])
        endpoint = Endpoint(written.page, written.op, written.request, path, written.method)
        group = chosen.setdefault((path.template, endpoint.method), [])
        if all(e.page.path != endpoint.page.path for e in group):
            group.append(endpoint)
    endpoints: list[Endpoint] = []
    for (template, method), group in sorted(
        chosen.items(), key=lambda kv: (kv[0][0], METHODS.index(kv[0][1]))
    ):
        group.sort(key=_lead_rank)
        for other in group[1:]:
            sink.info(
                other.page.path,
                other.request.line,
                "O003",
                also_documented(method, template, group[0].source),
            )
        endpoints.append(replace(group[0], others=tuple(group[1:])))
    return endpoints


def also_documented(method: str, template: str, lead: str) -> str:
    """The O003 note on a page that documents an endpoint another page (``lead``'s source) leads."""
    return (
        f"{method.upper()} {template} is also documented by {lead};"
        " that page leads, the examples of both are kept"
    )


def _lead_rank(endpoint: Endpoint) -> tuple[bool, str]:
    """Of several pages for one endpoint, a hand-written one (annotated examples) leads: generated
    pages document one derived type each and their permission tables are often placeholders."""
    return (not annotated(endpoint.op), endpoint.page.path)


def annotated(op: Operation) -> bool:
    """Whether an example of the operation is annotated (what :func:`_lead_rank` reads)."""
    return any(example.annotation is not None for example in op.examples)


def example_servers(page: Page) -> list[str]:
    """The ``https://host/version/`` of each example request of the page that names one."""
    servers = []
    for example in page.operation.examples if page.operation else ():
        match = _SERVER.match(example.url or "")
        if example.kind == "request" and match:
            servers.append(match.group(1) + "/")
    return servers


def _server(pages: list[Page]) -> str:
    """The most common ``https://host/version/`` of the example requests (ties: the smallest)."""
    counts = Counter(server for page in pages for server in example_servers(page))
    if not counts:
        return DEFAULT_SERVER
    return min(counts, key=lambda url: (-counts[url], url))


@dataclass
class BuildTrace:
    """What a build knows beyond its document: enough to build one schema or path item again
    (:mod:`generator.openapi.patch`)."""

    index: TypeIndex | None = None
    bases: dict[str, str] = field(default_factory=dict)
    #: path template → its endpoints (in document order) and their operationIds
    endpoints: dict[str, list[tuple[Endpoint, str]]] = field(default_factory=dict)
    #: navigation properties inferred from paths: (owner schema, property, schema), in order
    navigation: list[tuple[str, str, Schema]] = field(default_factory=list)
    #: owner schema → the segments of GET paths that may add navigation properties to it (those
    #: its lineage has no property for are in ``navigation``)
    candidates: dict[str, list[str]] = field(default_factory=dict)
    #: the schemas of resource and enum pages that no other component replaced
    schemas: set[str] = field(default_factory=set)
    #: where diagnostics are in the sink: ``(path template, method)`` → those of building the
    #: operation; ``("schema", name)`` → a resource schema's; ``(page path,)`` → the page's own
    #: (added by the caller, before the build)
    rows: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict)


def build_document(
    pages: Iterable[Page],
    *,
    version: str = "3.0.3",
    sink: DiagnosticSink,
    title: str = "Microsoft Graph",
    normalise: PathMemo | None = None,
    trace: BuildTrace | None = None,
) -> dict[str, Any]:
    """The OpenAPI document (``version`` 3.0.x or 3.1.x) for ``pages``; problems go to ``sink``.
    ``normalise`` remembers normalised request paths (a fresh memo when None); ``trace``, when
    given, is filled."""
    ordered = sorted(pages, key=lambda p: p.path)
    ctx = BuildContext(version, sink, TypeIndex(ordered, sink))
    trace = trace if trace is not None else BuildTrace()
    trace.index = ctx.index
    build_schemas(ctx, trace.rows)
    built = dict(ctx.schemas)
    add_error_components(ctx)
    paths: dict[str, dict[str, Any]] = {}
    used: set[str] = set()
    tags: set[str] = set()
    for endpoint in _endpoints(ordered, sink, normalise or PathMemo()):
        wanted = operation_id(endpoint)
        unique, counter = wanted, 1
        while unique in used:
            counter += 1
            unique = f"{wanted}_{counter}"
        if unique != wanted:
            sink.info(
                endpoint.page.path,
                endpoint.request.line,
                "O010",
                f"operationId {wanted} is already used; renamed {unique}",
            )
        used.add(unique)
        start = len(sink.items)
        operation = build_operation(ctx, endpoint, unique)
        trace.rows[endpoint.path.template, endpoint.method] = (start, len(sink.items))
        tags.update(operation["tags"])
        paths.setdefault(endpoint.path.template, {})[endpoint.method] = operation
        trace.endpoints.setdefault(endpoint.path.template, []).append((endpoint, unique))
    trace.bases = ctx.bases
    candidates = navigation_candidates(ctx)
    trace.candidates = {}
    for owner, segment, *_ in candidates:
        trace.candidates.setdefault(owner, []).append(segment)
    trace.navigation = infer_navigation(ctx, candidates)
    trace.schemas = {name for name, schema in built.items() if ctx.schemas[name] is schema}
    server = _server(ordered)
    components: dict[str, Any] = {
        "schemas": dict(sorted(ctx.schemas.items())),
        "responses": dict(sorted(ctx.responses.items())),
        "parameters": odata_parameters(),
    }
    components["securitySchemes"] = security_schemes(ctx)
    return {
        "openapi": version,
        "info": {"title": title, "version": server.rstrip("/").rsplit("/", 1)[-1]},
        "servers": [{"url": server}],
        "paths": paths,
        "components": components,
        "security": [{SCHEME: []}],
        "tags": [{"name": name} for name in sorted(tags)],
    }
