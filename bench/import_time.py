"""Client import cost: ``from <package>.client import Client`` beyond ``import httpx``, fresh processes.

The generated package is byte-compiled first (as ``pip install`` does), then each run is a new
interpreter that imports httpx, then the client, creates a ``Client`` and walks one navigation
step; the figure is the median over ``--repeat`` runs. The target for the whole v1.0 docs spec is
at most 0.15 s beyond httpx (msgraph-sdk's ``import msgraph`` takes 0.28-0.30 s).

    python -m bench.import_time                          # synthetic Graph-shaped spec, 5,000 ops
    python -m bench.import_time --spec spec/openapi.yaml
    python -m bench.import_time --docs ../shared/graph-docs/v1.0   # the whole v1.0 docs spec
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_PROBE = """
import json, time
t0 = time.perf_counter()
import httpx
t1 = time.perf_counter()
from {package}.client import AsyncClient, Client
t2 = time.perf_counter()
client = Client(credential="token")
t3 = time.perf_counter()
builder = getattr(client, {first!r})
t4 = time.perf_counter()
print(json.dumps({{"httpx": t1 - t0, "client": t2 - t1, "construct": t3 - t2, "first_step": t4 - t3}}))
"""


def synthetic_spec(operations: int) -> dict[str, Any]:
    """Graph-shaped: entity sets with collection, item, navigation children and an action."""
    paths: dict[str, Any] = {}
    count, index = 0, 0
    string = {"type": "string"}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": string}}}}
    while count < operations:
        base = f"/set{index}"
        item, child = f"/{{set{index}-id}}", f"/{{child{index}-id}}"
        key = {"name": f"set{index}-id", "in": "path", "required": True, "schema": string}
        child_key = {"name": f"child{index}-id", "in": "path", "required": True, "schema": string}
        top = {"name": "$top", "in": "query", "schema": {"type": "integer"}}
        body = {"content": {"application/json": {"schema": {"type": "object"}}}}
        paths[base] = {
            "get": {"operationId": f"set{index}.list", "parameters": [top], "responses": ok},
            "post": {"operationId": f"set{index}.create", "requestBody": body, "responses": ok},
        }
        paths[base + item] = {
            "parameters": [key],
            "get": {"operationId": f"set{index}.get", "responses": ok},
            "patch": {"operationId": f"set{index}.update", "requestBody": body, "responses": ok},
            "delete": {
                "operationId": f"set{index}.delete",
                "responses": {"204": {"description": "x"}},
            },
        }
        paths[base + item + "/children"] = {
            "parameters": [key],
            "get": {"operationId": f"set{index}.children.list", "responses": ok},
            "post": {
                "operationId": f"set{index}.children.create",
                "requestBody": body,
                "responses": ok,
            },
        }
        paths[base + item + "/children" + child] = {
            "parameters": [key, child_key],
            "get": {"operationId": f"set{index}.children.get", "responses": ok},
        }
        paths[base + item + "/doSomething"] = {
            "parameters": [key],
            "post": {
                "operationId": f"set{index}.doSomething",
                "requestBody": body,
                "responses": ok,
            },
        }
        count += 10
        index += 1
    return {
        "openapi": "3.0.3",
        "info": {"title": "Synthetic", "version": "1"},
        "servers": [{"url": "https://example.com/v1.0"}],
        "paths": paths,
    }


def _unformatted(texts: list[str], *args: object, **kwargs: object) -> list[str]:
    return texts


def generate(spec: Path, out: Path, package: str, *, black: bool = True) -> None:
    """Generate and byte-compile (as an installed package would be).

    ``black=False`` skips formatting (minutes for a spec of thousands of operations on a busy
    machine): black changes only the layout, so the modules import the same code.
    """
    from generator.pipeline import spec_to_code

    if not black:
        import generator.render.generate as render

        vars(render)["format_many"] = _unformatted

    spec_to_code(spec, out, package=package)
    compileall.compile_dir(out / package, quiet=1, workers=0)


def measure(out: Path, package: str, repeat: int) -> dict[str, float]:
    client_source = (out / package / "client" / "_client.py").read_text(encoding="utf-8")
    found = re.search(r"@property\s+def (\w+)\(self\)", client_source)
    first = found.group(1) if found else "close"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(out)
    runs = []
    for _ in range(repeat):
        probe = _PROBE.format(package=package, first=first)
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
        )
        runs.append(json.loads(done.stdout))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spec", type=Path, help="an OpenAPI document (default: synthetic)")
    parser.add_argument("--docs", type=Path, help="build the spec from this docs folder first")
    parser.add_argument("--operations", type=int, default=5000, help="synthetic spec size")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--generated", type=Path, help="measure this already generated OUT_DIR (with --package)"
    )
    parser.add_argument("--package", default="import_probe")
    parser.add_argument("--skip-black", action="store_true", help="generate without formatting")
    args = parser.parse_args()
    if args.generated is not None:
        compileall.compile_dir(args.generated / args.package, quiet=1, workers=0)
        figures = measure(args.generated, args.package, args.repeat)
        return report(figures, f"{args.generated}/{args.package}", None, args.repeat)
    with tempfile.TemporaryDirectory(prefix="specdown-import-") as tmp:
        work = Path(tmp)
        spec = args.spec
        if args.docs is not None:
            from generator.pipeline import docs_to_spec

            spec = work / "corpus.yaml"
            spec.write_text(docs_to_spec(args.docs).text, encoding="utf-8")
        if spec is None:
            spec = work / "synthetic.json"
            spec.write_text(json.dumps(synthetic_spec(args.operations)), encoding="utf-8")
        package = "import_probe"
        generate(spec, work / "out", package, black=not args.skip_black)
        operations = _count_operations(spec)
        figures = measure(work / "out", package, args.repeat)
    name = spec.name if args.spec or args.docs else "synthetic"
    return report(figures, name, operations, args.repeat)


def report(figures: dict[str, float], name: str, operations: int | None, repeat: int) -> int:
    beyond = figures["client"]
    print(f"spec: {name}" + (f", {operations} operations" if operations is not None else ""))
    print(f"import httpx:                         {figures['httpx'] * 1000:7.1f} ms")
    print(
        f"import Client, AsyncClient beyond httpx: {beyond * 1000:7.1f} ms (target <= 150 ms; "
        f"{beyond / figures['httpx']:.0%} of httpx's own import, a load-independent ratio)"
    )
    print(f"Client() (httpx.Client: SSL context):  {figures['construct'] * 1000:7.1f} ms")
    print(f"first navigation step (lazy module):  {figures['first_step'] * 1000:7.1f} ms")
    print(f"median of {repeat} fresh processes")
    return 0 if beyond <= 0.15 else 1


def _count_operations(spec: Path) -> int:
    from generator.codegen.loader import load_document
    from generator.codegen.operations import iter_operations
    from generator.diagnostics import DiagnosticSink

    document = load_document(spec, DiagnosticSink()) or {}
    return sum(1 for _ in iter_operations(document))


if __name__ == "__main__":
    raise SystemExit(main())
