"""The client product: ``<package>/client/`` — ``Client`` and ``AsyncClient`` over httpx.

The static runtime (auth, errors, retries, paging, request encoding, the senders) is rendered from
``templates/client/`` with the package name; the generated part is the root client (navigation
roots, ``client/_root.py``, and the flat operationId-named methods, ``client/_flat/``, in modules
of a bounded size that ``Client`` inherits from) and one lazily imported module per URL-tree node.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from generator.codegen.client import client_view, flat_views, module_view, root_view, tag_view
from generator.codegen.imports import import_block
from generator.codegen.literals import literal
from generator.codegen.model import Api, Import
from generator.codegen.navigation import Tree, build_tree
from generator.codegen.operations import build_operations
from generator.diagnostics import DiagnosticSink
from generator.render.products import RenderJob

DEPENDENCIES: tuple[str, ...] = ("httpx>=0.27,<1",)

RUNTIME = ("_auth", "_core", "_paging", "_request", "_retry", "errors")

EXPORTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("_auth", ("AsyncCredential", "Credential")),
    ("_client", ("AsyncClient", "Client")),
    ("_paging", ("AsyncPageIterator", "Page", "PageIterator", "PagingLoopError")),
    ("_retry", ("NO_RETRY", "RetryPolicy")),
    (
        "errors",
        (
            "ApiError",
            "AuthenticationError",
            "BadRequestError",
            "ConflictError",
            "NotFoundError",
            "ODataError",
            "PermissionDeniedError",
            "RateLimitError",
            "ServerError",
        ),
    ),
)


BUILDER = "client/_builder.py.jinja"


def files(api: Api, sink: DiagnosticSink) -> Iterable[RenderJob]:
    operations = build_operations(api, api.source, sink)
    tree = build_tree(operations)
    common = {"title": api.title, "tags_attribute": tree.tags_attribute}
    yield RenderJob(
        "client/__init__.py",
        "client/__init__.py.jinja",
        {
            **common,
            "exports": EXPORTS,
            "all_names": sorted(n for _, names in EXPORTS for n in names),
        },
        formatted=True,
    )
    for name in RUNTIME:
        yield RenderJob(f"client/{name}.py", f"client/{name}.py.jinja", common, formatted=True)
    flat = flat_views(tree, api.package)
    yield RenderJob(
        "client/_client.py",
        "client/_client.py.jinja",
        {
            **common,
            "view": client_view(flat, api.package),
            "base_url": literal(server_url(api.document)),
            "example": tree.flat[0].name if tree.flat else "operation_id",
        },
        formatted=True,
    )
    yield RenderJob(
        "client/_root.py",
        BUILDER,
        {**common, "view": root_view(tree, api.package)},
        formatted=True,
    )
    yield RenderJob(
        "client/_flat/__init__.py", "client/_flat_init.py.jinja", common, formatted=True
    )
    for module, view in flat:
        context = {**common, "view": view}
        yield RenderJob(f"client/_flat/{module}.py", BUILDER, context, formatted=True)
    yield RenderJob(
        "client/_paths/__init__.py", "client/_paths_init.py.jinja", common, formatted=True
    )
    yield RenderJob(
        "client/_tags/__init__.py",
        "client/_tags_init.py.jinja",
        {**common, "groups": tree.tags, "type_imports": tags_imports(tree, api.package)},
        formatted=True,
    )
    for group in tree.tags:
        yield RenderJob(
            f"client/_tags/{group.module}.py",
            "client/_tag.py.jinja",
            {**common, "view": tag_view(group, api.package), "attribute": group.attribute},
            formatted=True,
        )
    for node in tree.nodes:
        context = {**common, "view": module_view(node, api.package)}
        yield RenderJob(f"client/_paths/{node.module}.py", BUILDER, context, formatted=True)


def tags_imports(tree: Tree, package: str) -> tuple[str, ...]:
    """What ``client/_tags/__init__.py`` imports for its annotations: the clients, each group."""
    found = {Import("client._client", name, True) for name in ("AsyncClient", "Client")}
    for group in tree.tags:
        module = f"client._tags.{group.module}"
        found |= {
            Import(module, group.class_name, True),
            Import(module, "Async" + group.class_name, True),
        }
    return import_block(found, package)


def server_url(document: Mapping[str, Any]) -> str:
    """The first server's URL with its variables at their defaults ("" when there is none)."""
    servers = document.get("servers")
    first = servers[0] if isinstance(servers, list) and servers else None
    if not isinstance(first, Mapping) or not isinstance(first.get("url"), str):
        return ""
    url = str(first["url"])
    variables = first.get("variables")
    for name, var in variables.items() if isinstance(variables, Mapping) else ():
        if isinstance(var, Mapping) and "default" in var:
            url = url.replace("{" + str(name) + "}", str(var["default"]))
    return url
