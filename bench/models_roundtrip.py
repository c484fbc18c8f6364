"""Round trip of every JSON response example in a spec through the generated models.

For each response example attached to an operation (``content.<json>.example(s)``), decode it with the
codec of the response schema (from the codegen model, by JSON pointer) and encode it back; report how
many came back equal, and the failures by cause.

    python -m bench.models_roundtrip [SPEC] [--out DIR] [--package NAME]   (SPEC: spec/openapi.yaml)

Without ``--out`` the package is generated (models only, into a temporary directory).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from generator.codegen.build import build_api
from generator.codegen.loader import child, load_document
from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink
from generator.render.black import format_many
from generator.render.env import environment
from generator.render.products import models, package
from generator.render.writer import write_tree


def json_examples(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(schema pointer, example name, value) for every JSON response example under ``paths``."""
    for path, item in sorted((document.get("paths") or {}).items()):
        for method, op in sorted(item.items()) if isinstance(item, Mapping) else []:
            responses = op.get("responses") if isinstance(op, Mapping) else None
            for status, response in sorted((responses or {}).items()):
                content = response.get("content") if isinstance(response, Mapping) else None
                for media, entry in sorted((content or {}).items()):
                    if "json" not in media or not isinstance(entry, Mapping):
                        continue
                    where = child("#/paths", path, method, "responses", status, "content", media)
                    pointer = child(where, "schema")
                    if "example" in entry:
                        yield pointer, f"{where}/example", entry["example"]
                    for name, example in sorted((entry.get("examples") or {}).items()):
                        if isinstance(example, Mapping) and "value" in example:
                            yield pointer, f"{where}/examples/{name}", example["value"]


def write_models(api: Api, out: Path) -> None:
    """Only the models and the package files: enough to decode and encode."""
    sink = DiagnosticSink()
    env = environment()
    files: dict[str, str] = {}
    for job in [*models.files(api, sink), *package.files(api, sink)]:
        path = job.path if job.root else f"{api.package}/{job.path}"
        context = {**job.context, "api": api, "package": api.package}
        files[path] = env.get_template(job.template).render(context)
    python = [p for p in files if p.endswith(".py")]
    for path, text in zip(python, format_many([files[p] for p in python]), strict=True):
        files[path] = text if text is not None else files[path]
    write_tree(out, files)


def roundtrip(api: Api, root: Path) -> tuple[int, Counter[str], list[str], Counter[str]]:
    """(examples equal after the round trip, failures by cause, a few failure details, and the
    first reason strict decoding refuses an example: values kept as read by lenient decoding)."""
    sys.path.insert(0, str(root))
    runtime = importlib.import_module(f"{api.package}._runtime")
    ok, causes, details, misfits = 0, Counter[str](), [], Counter[str]()
    for pointer, where, value in json_examples(api.document):
        expr = api.schema_types.get(pointer)
        if expr is None:
            causes["no schema"] += 1
            continue
        try:
            codec = eval(expr.codec, {"_rt": runtime})  # our own codec expression
            back = runtime.encode(codec, runtime.decode(codec, value))
        except runtime.DecodeError as exc:
            causes[f"does not decode: {exc.message.split(',')[0]}"] += 1
            details.append(f"{where}: {exc}")
            continue
        try:
            runtime.decode(codec, value, strict=True)
        except runtime.DecodeError as exc:
            misfits[exc.message.split(",")[0].split(" is not valid")[0][:60]] += 1
        if back == value:
            ok += 1
        else:
            causes["decoded but not equal"] += 1
            details.append(f"{where}: {value!r:.200} → {back!r:.200}")
    return ok, causes, details, misfits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.models_roundtrip")
    parser.add_argument("spec", type=Path, nargs="?", default=Path("spec/openapi.yaml"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--package", default="roundtrip")
    args = parser.parse_args(argv)
    if not args.spec.is_file():
        print(f"{args.spec} does not exist: nothing to measure")
        return 0
    sink = DiagnosticSink()
    document = load_document(args.spec, sink)
    if document is None:
        print("\n".join(d.format() for d in sink.items))
        return 1
    api = build_api(document, package=args.package, source=str(args.spec), sink=sink)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.out or Path(tmp) / "out"
        if not (root / args.package).is_dir():
            started = time.perf_counter()
            write_models(api, root)
            print(f"models generated in {time.perf_counter() - started:.1f}s")
        ok, causes, details, misfits = roundtrip(api, root)
    total = ok + sum(causes.values())
    print(f"{ok}/{total} JSON response examples round-trip equal")
    for cause, count in causes.most_common():
        print(f"  {count:5d}  {cause}")
    strict = total - sum(misfits.values()) - sum(causes.values())
    print(f"{strict}/{total} decode strictly (every value fits its declared type); the others hold")
    print("values that do not fit, kept as read; first misfit per example, by kind:")
    for kind, count in misfits.most_common(12):
        print(f"  {count:5d}  {kind}")
    for line in details[:20]:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
