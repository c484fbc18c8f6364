"""Server startup: how long until a generated server can answer, and why Starlette rather than FastAPI.

Two measurements, each in a fresh process (imports included), best of ``--repeat``:

- ``--spec SPEC``: generate the server for SPEC into a temporary directory, then time
  ``import <package>.server; create_mock_app()`` plus the first request. The target for the whole
  v1.0 docs spec is at most 2 s.
- ``--compare N``: N Graph-shaped synthetic operations (collections, items, nested children; a
  10-property JSON body on POST/PATCH) mounted on the specdown runtime (Starlette, validators built
  lazily) versus on FastAPI (one typed endpoint and pydantic model per operation, the shape
  fastapi-code-generator emits). Needs ``fastapi`` importable; pass ``--python`` to use another venv.

    python -m bench.server_startup --compare 3000 --python /path/to/venv-with-fastapi/bin/python
    python -m bench.server_startup --spec spec/openapi.yaml
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "templates" / "server" / "runtime"
METHODS = {
    "": ("get", "post"),
    "/{item-id}": ("get", "patch", "delete"),
    "/{item-id}/children": ("get", "post"),
}

_SPECDOWN = """
import importlib.util, json, sys, time
started = time.perf_counter()
spec = importlib.util.spec_from_file_location(
    "rt", {runtime!r} + "/__init__.py", submodule_search_locations=[{runtime!r}]
)
rt = importlib.util.module_from_spec(spec); sys.modules["rt"] = rt; spec.loader.exec_module(rt)
doc = json.loads(open({doc!r}).read())
ops = []
for path, item in doc["paths"].items():
    route = path.replace("{{item-id}}", "{{item_id}}")
    for method, op in item.items():
        params = tuple(
            rt.Param(p["name"], p["in"], p["name"].replace("-", "_"), p["required"],
                     f"/paths/{{path.replace('/', '~1')}}/{{method}}/parameters/{{i}}/schema",
                     route_key=p["name"].replace("-", "_"))
            for i, p in enumerate(op.get("parameters", [])))
        body = None
        if "requestBody" in op:
            body = rt.Body(True, ("application/json",),
                           f"/paths/{{path.replace('/', '~1')}}/{{method}}/requestBody/content/application~1json/schema")
        ops.append(rt.Operation(op["operationId"], method.upper(), path, route, "S", op["operationId"],
                                f"/paths/{{path.replace('/', '~1')}}/{{method}}", 200, params, body))
app = rt.build_app(ops, [], rt.Settings("x", rt.Spec(doc), mock=True))
ready = time.perf_counter()
"""

_FASTAPI = """
import json, time
started = time.perf_counter()
from typing import Optional
import fastapi, pydantic
doc = json.loads(open({doc!r}).read())
app = fastapi.FastAPI()
models = {{}}
for name, schema in doc["components"]["schemas"].items():
    fields = {{p: (Optional[str], None) for p in schema["properties"]}}
    models[name] = pydantic.create_model(name, **fields)
def make(op, path):
    names = [p["name"].replace("-", "_") for p in op.get("parameters", []) if p["in"] == "path"]
    ref = op.get("requestBody", {{}}).get("content", {{}}).get("application/json", {{}}).get("schema", {{}})
    body = models[ref["$ref"].rsplit("/", 1)[1]] if ref else None
    args = ", ".join([f"{{n}}: str" for n in names] + (["body: Body"] if body else []) + ["top: Optional[int] = None"])
    ns = {{"Optional": Optional, "Body": body}}
    exec(f"async def endpoint({{args}}):\\n    return {{{{}}}}", ns)
    return ns["endpoint"]
for path, item in doc["paths"].items():
    for method, op in item.items():
        app.add_api_route(path.replace("{{item-id}}", "{{item_id}}"), make(op, path), methods=[method.upper()])
ready = time.perf_counter()
"""

_FIRST_REQUEST = """
import asyncio, httpx
async def first():
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        response = await client.get({url!r})
        assert response.status_code == 200, response.text
asyncio.run(first())
done = time.perf_counter()
print(json.dumps({{"ready": ready - started, "first_request": done - started}}))
"""


def synthetic_spec(operations: int) -> dict[str, Any]:
    """A Graph-shaped OpenAPI 3.0 document with about ``operations`` operations."""
    sets = max(1, operations // 7)
    paths: dict[str, object] = {}
    schemas: dict[str, object] = {}
    for index in range(sets):
        name = f"thing{index}"
        schemas[name] = {
            "type": "object",
            "properties": {f"prop{k}": {"type": "string", "nullable": True} for k in range(10)},
        }
        for suffix, methods in METHODS.items():
            item: dict[str, object] = {}
            for method in methods:
                params = [
                    {
                        "name": "$top",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "integer"},
                    }
                ]
                if "{item-id}" in suffix:
                    params.append(
                        {
                            "name": "item-id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    )
                op: dict[str, object] = {
                    "operationId": f"{method}_{name}{suffix.replace('/', '_').replace('{', '').replace('}', '').replace('-', '_')}",
                    "parameters": params,
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{name}"}
                                }
                            },
                        }
                    },
                }
                if method in ("post", "patch"):
                    op["requestBody"] = {
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                        }
                    }
                item[method] = op
            paths[f"/{name}s{suffix}"] = item
    return {
        "openapi": "3.0.3",
        "info": {"title": "bench", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _time(python: str, script: str, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([python, "-c", script], capture_output=True, text=True, check=False)
        if out.returncode:
            raise SystemExit(f"benchmark process failed:\n{out.stderr}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: min(run[key] for run in runs) for key in runs[0]}


def compare(operations: int, python: str, repeat: int) -> None:
    doc = synthetic_spec(operations)
    count = sum(len(item) for item in doc["paths"].values())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "spec.json"
        path.write_text(json.dumps(doc))
        first = _FIRST_REQUEST.format(url="/thing0s/abc")
        ours = _time(python, _SPECDOWN.format(runtime=str(RUNTIME), doc=str(path)) + first, repeat)
        theirs = _time(python, _FASTAPI.format(doc=str(path)) + first, repeat)
    print(f"{count} operations, best of {repeat}, fresh process, imports included:")
    for label, figures in (("specdown runtime (Starlette)", ours), ("FastAPI + pydantic", theirs)):
        print(
            f"  {label:30s} app ready {figures['ready']:.2f} s; first response {figures['first_request']:.2f} s"
        )


def spec_startup(spec: Path, python: str, repeat: int, generated: Path | None) -> None:
    """Time a fresh process until the mock app for ``spec`` answers (``generated``: reuse it)."""
    from generator.pipeline import spec_to_code

    with tempfile.TemporaryDirectory() as tmp:
        root, package, note = generated or Path(tmp), "benchapi", "reused"
        if generated is None:
            result = spec_to_code(spec, root, package=package, check=False)
            note = f"generated in {result.seconds:.1f} s"
        else:
            package = next(p.parent.parent.name for p in root.glob("*/server/app.py"))
        # Byte-compile as ``pip install`` does, so the figure is an installed package's startup.
        subprocess.run([python, "-m", "compileall", "-q", str(root / package)], check=True)
        script = textwrap.dedent(
            """
            import json, sys, time
            sys.path.insert(0, {root!r})
            started = time.perf_counter()
            from {package}.server import create_mock_app
            app = create_mock_app()
            ready = time.perf_counter()
            """
        ).format(root=str(root), package=package) + _FIRST_REQUEST.format(url="/openapi.json")
        figures = _time(python, script, repeat)
        count = len(importlib_operations(python, root, package))
    print(
        f"{spec}: {count} operations ({note}, byte-compiled); server ready {figures['ready']:.2f} s "
        f"(target <= 2 s); first response {figures['first_request']:.2f} s"
    )


def importlib_operations(python: str, root: Path, package: str) -> list[str]:
    script = (
        f"import sys; sys.path.insert(0, {str(root)!r}); "
        f"from {package}.server.operations import OPERATIONS; "
        "print('\\n'.join(op.operation_id for op in OPERATIONS))"
    )
    out = subprocess.run([python, "-c", script], capture_output=True, text=True, check=True)
    return out.stdout.split()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path)
    parser.add_argument("--compare", type=int, metavar="N")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--generated", type=Path, help="a package already generated from SPEC")
    args = parser.parse_args(argv)
    if args.compare:
        compare(args.compare, args.python, args.repeat)
    if args.spec:
        spec_startup(args.spec, args.python, args.repeat, args.generated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
