"""Markdown stage figures on a docs folder: pages by kind, operations, diagnostics, wall time.

    python -m bench.parse_docs [DOCS_DIR]   (default ../shared/graph-docs/v1.0)

Runs ``read_docs`` three times: cold (no cache, all cores), warm (cache filled), and warm after one
page changed (a copy of the folder in a temporary directory), and once serially without cache.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.markdown.model import Page

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "graph-docs" / "v1.0"


def _timed(docs: Path, cache: Path | None, workers: int | None = None) -> tuple[list[Page], float]:
    """Wall seconds, plus this process's CPU seconds printed alongside (not its children's)."""
    started, cpu = time.perf_counter(), time.process_time()
    pages = read_docs(docs, DiagnosticSink(), cache_dir=cache, workers=workers)
    wall = time.perf_counter() - started
    print(
        f"  read_docs(workers={workers}, cache={'on' if cache else 'off'}): wall {wall:.2f}s, "
        f"cpu here {time.process_time() - cpu:.2f}s",
        flush=True,
    )
    return pages, wall


def summary(pages: list[Page]) -> None:
    kinds = Counter(page.kind.value for page in pages)
    operations = [page.operation for page in pages if page.operation]
    resources = [page.resource for page in pages if page.resource]
    codes = Counter(f"{d.code} {d.severity}" for page in pages for d in page.diagnostics)
    print(f"pages: {len(pages)}  by kind: {dict(sorted(kinds.items()))}")
    print(
        f"operations: {len(operations)}  with request lines: {sum(1 for o in operations if o.requests)}"
        f"  request lines: {sum(len(o.requests) for o in operations)}"
        f"  examples: {sum(len(o.examples) for o in operations)}"
        f"  (json ok: {sum(1 for o in operations for e in o.examples if e.json_ok)})"
    )
    print(
        f"resources: {len(resources)}  properties: {sum(len(r.properties) for r in resources)}"
        f"  relationships: {sum(len(r.relationships) for r in resources)}"
        f"  with base type: {sum(1 for r in resources if r.base_type)}"
    )
    enums = [enum for page in pages for enum in page.enums]
    print(
        f"enums: {len(enums)} by source: {dict(sorted(Counter(e.source for e in enums).items()))}"
    )
    print("diagnostics by code:")
    for code, count in sorted(codes.items()):
        print(f"  {code}: {count}")


def main() -> None:
    docs = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp) / "docs"
        shutil.copytree(docs, copy)
        cache = Path(temp) / "cache"
        _, serial = _timed(copy, None, workers=1)
        pages, cold = _timed(copy, cache)
        _, warm = _timed(copy, cache)
        victim = sorted(copy.rglob("*.md"))[len(pages) // 2]
        victim.write_text(
            victim.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8"
        )
        _, changed = _timed(copy, cache)
    summary(pages)
    print(
        f"read_docs wall: serial no cache {serial:.2f}s, cold (all cores, empty cache) {cold:.2f}s,"
    )
    print(f"  warm {warm:.2f}s, one page changed {changed:.2f}s")
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")


if __name__ == "__main__":
    main()
