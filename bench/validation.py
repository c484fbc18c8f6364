"""Validation of the v1.0 corpus spec on its own line: ``validate_document`` timed in a child process.

The child builds the document as OpenAPI 3.0.3 and as 3.1.0 from a warm parse cache (not timed),
then times only the validators: upstream openapi-spec-validator on its Python backend (jsonschema)
and specdown's ``find_errors`` (meta-schema pass on jsonschema-rs, set-based keyword pass with
jsonschema-rs answering the per-schema checks it certainly passes, tried as two halves at once
on a large document: what ``specdown spec`` runs; CPU times include that child),
checks they report the same errors (the same JSON paths; the wording of meta-schema messages
differs), and prints the figures as JSON; the table shows them and the child's peak RSS. ``python
-m bench.validation DOCS`` runs the child.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.docs_spec import corpus_copy
from bench.measure import Run, Sample, run_command
from bench.options import CORPUS, ROOT, Options
from bench.table import Row

NAME = "validation"
VERSIONS = ("3.0.3", "3.1.0")


def run(options: Options) -> list[Row]:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return []
    docs = corpus_copy(options)
    cwd = options.work / "docs-run"  # shares the docs benchmark's warm cache when it ran first
    cwd.mkdir(exist_ok=True)
    command = [options.python, "-m", "bench.validation", str(docs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the child runs this module from elsewhere
    samples = {(v, name): Sample() for v in VERSIONS for name in ("upstream", "fast")}
    notes = dict.fromkeys(VERSIONS, "")
    for _ in range(options.runs):
        outer = run_command(command, cwd=cwd, env=env)
        if not outer.ok:
            for sample in samples.values():
                sample.runs.append(outer)
            break
        inner = json.loads(outer.output.strip().splitlines()[-1])
        for (version, name), sample in samples.items():
            wall, cpu = inner[version][name]
            sample.runs.append(Run(wall, cpu, outer.rss_mb, ok=True))
        for version in VERSIONS:
            figures = inner[version]
            notes[version] = (
                f"{figures['errors']} errors; same errors as upstream: {figures['agree']}"
            )
    rows: list[Row] = []
    for version in VERSIONS:
        fast, upstream = samples[(version, "fast")], samples[(version, "upstream")]
        note = notes[version]
        if fast.ok and upstream.ok:
            ratio = fast.median("cpu") / upstream.median("cpu")
            note = f"{ratio:.2f}× upstream cpu; {note}"
        rows.append(Row(NAME, f"v1.0 spec {version}: openapi-spec-validator", upstream))
        rows.append(
            Row(
                NAME,
                f"v1.0 spec {version}: specdown find_errors",
                fast,
                note,
            )
        )
    return rows


def _timed(run: Callable[[], Any]) -> tuple[Any, tuple[float, float]]:
    """``run()``, its wall time and its CPU time, that of the children it waited for included
    (specdown's keyword pass runs half its work in a forked child on large documents)."""
    wall, cpu = time.perf_counter(), _cpu()
    found = run()
    return found, (time.perf_counter() - wall, _cpu() - cpu)


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def child(docs: Path) -> None:
    # The reference: upstream as it runs without jsonschema-rs (its "auto" backend would pick it).
    os.environ["OPENAPI_SPEC_VALIDATOR_SCHEMA_VALIDATOR_BACKEND"] = "jsonschema"
    from generator.pipeline import docs_to_spec

    result = {
        version: _compare(docs_to_spec(docs, version=version, validate=False).document)
        for version in VERSIONS
    }
    print(json.dumps(result))


def _compare(document: dict[str, Any]) -> dict[str, Any]:
    """Upstream's and specdown's validation of ``document``: times, and whether they agree."""
    from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    from generator.openapi.fast_validator import _collect, find_errors

    v31 = str(document["openapi"]).startswith("3.1")
    upstream_class = OpenAPIV31SpecValidator if v31 else OpenAPIV30SpecValidator
    expected, upstream = _timed(
        lambda: _collect(
            (list(e.absolute_path), str(e.message)) for e in upstream_class(document).iter_errors()
        )
    )
    found, fast = _timed(lambda: find_errors(document))
    return {
        "upstream": upstream,
        "fast": fast,
        "errors": len(found[0]),
        "agree": _places(found) == _places(expected),
    }


def _places(result: tuple[list[tuple[list[Any], str]], str | None]) -> tuple[list[str], str | None]:
    """Where the errors are (sorted: the two meta-schema backends order siblings differently)."""
    found, stopped = result
    return sorted(repr(path) for path, _ in found), stopped


if __name__ == "__main__":
    child(Path(sys.argv[1]))
