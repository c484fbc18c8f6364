"""Docs → spec on the v1.0 corpus: cold (no cache), warm (nothing changed), one page changed.

Each run is ``specdown spec DOCS -o FILE --no-validate`` in a fresh process on a copy of the corpus
(so a page can be edited); the parse cache lives in the run's working directory. Validation is
measured on its own line by :mod:`bench.validation`, plus one default (validating) warm run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.measure import Run, Sample, repeat, run_command
from bench.options import CORPUS, Options
from bench.table import Row, target

NAME = "docs→spec"
COLD_TARGET = 3.0
CHANGED_TARGET = 0.5


def corpus_copy(options: Options) -> Path:
    """A private copy of the corpus (pages are edited by the incremental case)."""
    copy = options.work / "docs"
    if not copy.is_dir():
        shutil.copytree(CORPUS, copy)
    return copy


def touched_page(docs: Path) -> Path:
    """A resource page from the middle of the corpus: its edit reaches the spec's schemas."""
    pages = sorted((docs / "resources").glob("*.md"))
    return pages[len(pages) // 2]


def run(options: Options) -> list[Row]:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return []
    docs = corpus_copy(options)
    cwd = options.work / "docs-run"
    cwd.mkdir(exist_ok=True)
    cache = cwd / ".specdown-cache"
    out = cwd / "openapi.yaml"
    command = options.specdown("spec", str(docs), "-o", str(out), "--no-validate", "-q")

    def once() -> Run:
        return run_command(command, cwd=cwd)

    rows: list[Row] = []
    cold = repeat(options.runs, once, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    rows.append(Row(NAME, "cold (no cache)", cold, _note(cold, COLD_TARGET)))
    warm = repeat(options.runs, once)
    rows.append(Row(NAME, "warm (nothing changed)", warm))
    page = touched_page(docs)
    original = page.read_bytes()
    edits = iter(range(1_000_000))

    def touch() -> None:
        page.write_bytes(original + f"\nEdited by the benchmark ({next(edits)}).\n".encode())

    try:
        changed = repeat(options.runs, once, before=touch)
    finally:
        page.write_bytes(original)
    rows.append(Row(NAME, "one page changed", changed, _note(changed, CHANGED_TARGET)))
    once()  # the cache again matches the unedited corpus
    validating = options.specdown("spec", str(docs), "-o", str(out), "-q")

    def validated() -> Run:  # exit 1 when the spec is invalid: a finding, not a failed run
        return run_command(validating, cwd=cwd, accept=(0, 1))

    def forget() -> None:  # the validation result, and the cached run that carries one
        for folder in ("validation", "spec"):
            shutil.rmtree(cache / folder, ignore_errors=True)

    first = repeat(options.runs, validated, before=forget)
    rows.append(
        Row(NAME, "warm parse, validated (default run)", first, "document not yet validated")
    )
    again = repeat(options.runs, validated)
    rows.append(Row(NAME, "warm, validated, unchanged", again, "validation result cached"))
    return rows


def _note(sample: Sample, limit: float) -> str:
    return target(sample.median("wall"), limit) if sample.ok else ""
