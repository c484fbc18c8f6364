"""Validation of the v1.0 corpus spec on its own line: ``validate_document`` timed in a child process.

The child builds the document from a warm parse cache (not timed), then times only the validator,
and prints ``{"wall": s, "cpu": s, "errors": n}``; the table shows those figures and the child's
peak RSS. ``python -m bench.validation DOCS`` runs the child.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from bench.docs_spec import corpus_copy
from bench.measure import Run, Sample, run_command
from bench.options import CORPUS, ROOT, Options
from bench.table import Row

NAME = "validation"


def run(options: Options) -> list[Row]:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return []
    docs = corpus_copy(options)
    cwd = options.work / "docs-run"  # shares the docs benchmark's warm cache when it ran first
    cwd.mkdir(exist_ok=True)
    command = [options.python, "-m", "bench.validation", str(docs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the child runs this module from elsewhere
    sample = Sample()
    errors = ""
    for _ in range(options.runs):
        outer = run_command(command, cwd=cwd, env=env)
        if not outer.ok:
            sample.runs.append(outer)
            break
        inner = json.loads(outer.output.strip().splitlines()[-1])
        sample.runs.append(Run(inner["wall"], inner["cpu"], outer.rss_mb, ok=True))
        errors = f"{inner['errors']} errors (O008)"
    return [Row(NAME, "openapi-spec-validator, v1.0 spec", sample, errors)]


def child(docs: Path) -> None:
    from generator.openapi import validate_document
    from generator.pipeline import docs_to_spec

    document = docs_to_spec(docs, validate=False).document
    wall, cpu = time.perf_counter(), time.process_time()
    found = validate_document(document, cache_dir=None)  # the validator itself, never the cache
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"wall": wall, "cpu": cpu, "errors": len(found)}))


if __name__ == "__main__":
    child(Path(sys.argv[1]))
