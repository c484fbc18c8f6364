"""The server product: a Starlette app, one service class per tag, a mock mode, under ``server/``.

Files: ``server/_runtime/`` (copied verbatim from ``templates/server/runtime/``: routing, lazy
validation, OData errors, mock answers), ``server/operations/`` (the operation table, plain data, one
module per service),
``server/services/<tag>.py`` (the classes users subclass; never edited by hand), ``server/app.py``
(``create_app`` / ``create_mock_app``), ``server/__main__.py`` (uvicorn) and
``server/openapi.json`` (the spec, served at ``/openapi.json`` and read by the validators; package
data, so black never has to read a many-megabyte string constant).

The runtime and the other fixed modules are written black-formatted (``RenderJob.formatted``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.codegen.imports import import_block, natural
from generator.codegen.model import Api, Import
from generator.codegen.server import ServerOperation, Service, build_server, uses_codecs
from generator.diagnostics import DiagnosticSink
from generator.render.products import RenderJob

DEPENDENCIES: tuple[str, ...] = ("starlette>=0.40,<2", "jsonschema>=4.18,<5", "uvicorn>=0.30,<1")
RUNTIME = Path(__file__).resolve().parents[3] / "templates" / "server" / "runtime"
VERBATIM = "server/verbatim.jinja"


def files(api: Api, sink: DiagnosticSink) -> Iterable[RenderJob]:
    view = build_server(api, api.source, sink)
    yield from runtime_files()
    yield RenderJob("server/openapi.json", VERBATIM, {"text": _document(api)})
    for service in view.services:  # one table per service: small modules for black and import
        yield RenderJob(
            f"server/operations/{service.module}.py",
            "server/operations.py.jinja",
            {
                "operations": [_row(op) for op in service.operations],
                "imports": import_block(_table_imports(service), api.package),
                "tag": service.tag,
            },
            formatted=True,
        )
    modules = sorted((service.module for service in view.services), key=natural)
    imports = {Import("server._runtime", "Operation", True)}
    imports |= {Import("server.operations", module, True) for module in modules}
    yield RenderJob(
        "server/operations/__init__.py",
        "server/operations_init.py.jinja",
        {"modules": modules, "imports": import_block(imports, api.package)},
        formatted=True,
    )
    count = {"count": len(view.operations)}
    yield RenderJob("server/app.py", "server/app.py.jinja", count, formatted=True)
    yield RenderJob("server/__main__.py", "server/main.py.jinja", {}, formatted=True)
    services = {"services": list(view.services)}
    yield RenderJob("server/__init__.py", "server/init.py.jinja", services, formatted=True)
    yield RenderJob(
        "server/services/__init__.py", "server/services_init.py.jinja", services, formatted=True
    )
    for service in view.services:
        yield RenderJob(
            f"server/services/{service.module}.py",
            "server/service.py.jinja",
            _service_context(api, service),
            formatted=True,
        )


def runtime_files() -> Iterator[RenderJob]:
    for path in sorted(RUNTIME.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        yield RenderJob(f"server/_runtime/{path.name}", VERBATIM, {"text": text}, formatted=True)


def _document(api: Api) -> str:
    return json.dumps(dict(api.document), ensure_ascii=True, separators=(",", ":")) + "\n"


def _table_imports(service: Service) -> set[Import]:
    """What a service's operation table uses: the runtime's classes, the models' codecs."""
    names = {"Operation"}
    names |= {"Param"} if any(op.params for op in service.operations) else set()
    names |= {"Body"} if any(op.body for op in service.operations) else set()
    found = {Import("server._runtime", name, True) for name in names}
    if uses_codecs(service.operations):
        found.add(Import("", "_runtime", True, alias="_rt"))
    return found


def _row(op: ServerOperation) -> dict[str, object]:
    """One entry of the operation table, every value a ready Python expression or literal."""
    return {
        "op": op,
        "params": [{"param": p, "decode": _decoder(p.codec)} for p in op.params],
        "body_decode": _decoder(op.body.codec) if op.body else "None",
        "encode": _encoder(op.encode),
    }


def _decoder(codec: str) -> str:
    return f"lambda value: _rt.decode({codec}, value)" if codec else "None"


def _encoder(codec: str) -> str:
    return f"lambda value: _rt.encode({codec}, value)" if codec else "None"


def _service_context(api: Api, service: Service) -> dict[str, object]:
    return {
        "service": service,
        "imports": import_block(service.imports, api.package),
        "methods": [_method(op) for op in service.operations],
    }


def _method(op: ServerOperation) -> dict[str, object]:
    args = [
        f"{name}: {annotation}" + ("" if required else " = None")
        for name, annotation, required in op.signature
    ]
    operation = op.operation
    lines = [operation.summary, operation.description]
    lines.append(
        f"``{operation.method} {operation.path}`` (operationId ``{operation.operation_id}``)"
    )
    if operation.source:
        lines.append(f"Source: {operation.source}")
    return {
        "name": operation.python_name,
        "args": ", ".join(args),
        "returns": op.returns,
        "operation_id": operation.operation_id,
        "doc": "\n\n".join(line for line in lines if line),
    }
