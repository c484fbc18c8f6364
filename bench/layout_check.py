"""Check ``generator/render/layout.py`` against black on a whole generated package.

Generates the package for a spec in memory, counts the modules layout wrote and those it left to
black, then formats every module with black (in a process pool) and reports each one black would
change. The suite does this for the example and the five shared specs; this script does it for
any spec, including the whole v1.0 docs spec (5,727 modules: minutes).

    python -m bench.layout_check --spec ../shared/openapi-specs/openai.yaml
    python -m bench.layout_check --docs ../shared/graph-docs/v1.0
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _differs(item: tuple[str, str]) -> str | None:
    """The first lines of black's diff for one module, or None when black leaves it as it is."""
    from generator.render.black import format_source

    path, text = item
    formatted = format_source(text)
    if formatted == text:
        return None
    diff = difflib.unified_diff(text.splitlines(), formatted.splitlines(), path, "black", n=1)
    return "\n".join(list(diff)[:12])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spec", type=Path, help="an OpenAPI document")
    parser.add_argument("--docs", type=Path, help="build the spec from this docs folder first")
    args = parser.parse_args()
    from generator.codegen.build import build_api
    from generator.codegen.loader import load_document
    from generator.diagnostics import DiagnosticSink
    from generator.render import generate
    from generator.render.black import format_many

    with tempfile.TemporaryDirectory(prefix="specdown-layout-") as tmp:
        spec = args.spec
        if args.docs is not None:
            from generator.pipeline import docs_to_spec

            spec = Path(tmp) / "corpus.yaml"
            spec.write_text(docs_to_spec(args.docs, validate=False).text, encoding="utf-8")
        if spec is None:
            parser.error("give --spec or --docs")
        sink = DiagnosticSink()
        document = load_document(spec, sink)
        if document is None:
            print("\n".join(d.format() for d in sink.items), file=sys.stderr)
            return 2
        api = build_api(document, package="api", source=str(spec), sink=sink)
        to_black: list[str] = []

        def counting(texts: list[str], cache: Path | None = None) -> list[str | None]:
            to_black.extend(texts)
            return format_many(texts, cache=None)

        setattr(generate, "format_many", counting)  # noqa: B010 (count what reaches black)
        started = time.perf_counter()
        files = generate.render_files(api, sink, black_cache=None)
        seconds = time.perf_counter() - started
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    print(f"spec: {spec.name}: {len(python):,} modules, {sum(map(len, python.values())):,} bytes")
    print(f"rendered in {seconds:.1f} s; {len(to_black)} modules went through black")
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        found = [d for d in pool.map(_differs, sorted(python.items()), chunksize=16) if d]
    for diff in found[:10]:
        print(diff)
    print(f"black would change {len(found)} of {len(python):,} modules")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
