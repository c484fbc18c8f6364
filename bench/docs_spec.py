"""Docs → spec on the v1.0 corpus: cold (no cache), warm (nothing changed), one page changed.

Each run is ``specdown spec DOCS -o FILE --no-validate`` in a fresh process on a copy of the corpus
(so a page can be edited); the parse cache lives in the run's working directory. A page is changed
three ways: a property's description (the edit reaches the spec: the target case, patched into the
last document), a property added (the page's structure changes: checked, then patched) and a
paragraph appended after the page's last section (no reader sees it: the spec stays as it was);
and an operation page by a table row added below its request lines (checked and patched). Each run
checks that its edit did, or did not, change the spec. A page is also added (an operation page for
new endpoints: a full build). Validation is measured on its own line by :mod:`bench.validation`,
plus the default (validating) run: on a document not validated yet, unchanged, after a description
edit (whose patch keeps the last result), after a resource's or an operation's row added (whose
patched entries are proved valid) and after a page added (whose changed entries are proved valid).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
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
    """A resource page from the middle of the corpus (its properties become a schema)."""
    pages = sorted((docs / "resources").glob("*.md"))
    return pages[len(pages) // 2]


def operation_page(docs: Path) -> Path:
    """An operation page from the middle of the corpus with a table below its request lines."""
    pages = sorted((docs / "api").glob("*.md"))
    return next(p for p in pages[len(pages) // 2 :] if _row_below_request(p.read_text("utf-8")))


def add_operation_row(original: str, edit: int) -> str:
    """``original`` with the last row of the first table below its request lines copied under a
    new name (its parameters, headers or body change: the path items it feeds are patched)."""
    lines = original.split("\n")
    row = _row_below_request(original)
    cells = lines[row].strip().strip("|").split("|")
    lines.insert(row + 1, "|" + "|".join([f"benchmark{edit}", *cells[1:]]) + "|")
    return "\n".join(lines)


def _row_below_request(text: str) -> int:
    """The line of the last row of the first table below ``## HTTP request`` (0: none)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("## HTTP request")), None)
    table = next((i for i in range(start or 0, len(lines)) if lines[i].startswith("|")), None)
    if start is None or table is None:
        return 0
    while table + 1 < len(lines) and lines[table + 1].startswith("|"):
        table += 1
    return table


def added_page(original: str, edit: int) -> str:
    """An operation page (``original``) for new endpoints: each request path of its HTTP request
    section gets one more segment, named by the edit number."""
    lines = original.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("## HTTP request"))
    for index in range(start, len(lines)):
        if index > start and lines[index].startswith("## "):
            break
        method, _, path = lines[index].partition(" ")
        if method in {"GET", "POST", "PATCH", "PUT", "DELETE"} and path.startswith("/"):
            lines[index] = f"{method} {path.rstrip()}/benchmark{edit}"
    return "\n".join(lines)


def describe(original: str, edit: int) -> str:
    """``original`` with the description of the last row of its properties table extended by an
    edit number (the last: the first rows are often properties of a base type, described there)."""
    lines = original.split("\n")
    row = _last_property(lines)
    lines[row] = lines[row].rstrip().rstrip("|") + f" Edited by the benchmark ({edit}).|"
    return "\n".join(lines)


def add_row(original: str, edit: int) -> str:
    """``original`` with a property added after the last row of its properties table (a change of
    the page's structure: the schemas it reaches are checked, then patched)."""
    lines = original.split("\n")
    row = _last_property(lines)
    lines.insert(row + 1, f"|benchmark{edit}|String|Added by the benchmark.|")
    return "\n".join(lines)


def _last_property(lines: list[str]) -> int:
    row = next(i for i, line in enumerate(lines) if line.lower().startswith("## properties"))
    while not lines[row].lstrip().startswith("|"):
        row += 1
    while row + 1 < len(lines) and lines[row + 1].lstrip().startswith("|"):
        row += 1
    return row


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
    operation = operation_page(docs)
    edits = Edits(iter(range(1_000_000)))
    cases: list[tuple[str, Path, Callable[[str, int], str], str]] = [
        ("spec changes", page, describe, "a description: patched"),
        ("a row added", page, add_row, "a resource's row: checked and patched"),
        ("spec unchanged", page, lambda text, n: f"{text}\nEdited ({n}).\n", "no build needed"),
        ("an operation's row added", operation, add_operation_row, "checked and patched"),
    ]
    for case, edited, edit, note in cases:

        def checked(case: str = case) -> Run:
            before = out.read_bytes()
            result = once()
            if result.ok and (out.read_bytes() != before) != (case != "spec unchanged"):
                return replace(result, ok=False, error=f"the spec did not follow the edit ({case})")
            return result

        changed = edits.runs(options.runs, checked, edited, edit)
        patched = "patched" in note
        label = f"{note}; {_note(changed, CHANGED_TARGET)}" if patched else note
        rows.append(Row(NAME, f"one page changed, {case}", changed, label))
        once()  # the cache again matches the unedited corpus
    added = edits.additions(options.runs, once, operation)
    rows.append(Row(NAME, "one page added", added, "a full build"))
    once()
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

    validated_cases = [
        ("a description", page, describe, "patched; the last validation result holds"),
        ("a resource's row added", page, add_row, "patched; its schemas proved valid"),
        (
            "an operation's row added",
            operation,
            add_operation_row,
            "patched; its items proved valid",
        ),
    ]
    for case, edited, edit, note in validated_cases:
        sample = edits.runs(options.runs, validated, edited, edit)
        rows.append(Row(NAME, f"one page changed ({case}), validated (default run)", sample, note))
        validated()  # the cache again matches the unedited corpus
    added = edits.additions(options.runs, validated, operation)
    rows.append(
        Row(
            NAME,
            "one page added, validated (default run)",
            added,
            "built; what changed proved valid",
        )
    )
    validated()
    return rows


@dataclass
class Edits:
    """Numbered edits of pages (each edit differs from the last, so each run has work to do)."""

    numbers: Iterator[int]

    def runs(
        self, count: int, run: Callable[[], Run], page: Path, edit: Callable[[str, int], str]
    ) -> Sample:
        """``count`` runs, each after a new edit of ``page``; the page is restored afterwards."""
        original = page.read_text("utf-8")

        def touch() -> None:
            page.write_text(edit(original, next(self.numbers)), "utf-8")

        try:
            return repeat(count, run, before=touch)
        finally:
            page.write_text(original, "utf-8")

    def additions(self, count: int, run: Callable[[], Run], page: Path) -> Sample:
        """``count`` runs, each after a new page beside ``page`` (:func:`added_page` of it); the
        pages added are removed afterwards."""
        original = page.read_text("utf-8")
        added: list[Path] = []

        def add() -> None:
            number = next(self.numbers)
            added.append(page.with_name(f"benchmark-added-{number}.md"))
            added[-1].write_text(added_page(original, number), "utf-8")

        try:
            return repeat(count, run, before=add)
        finally:
            for path in added:
                path.unlink(missing_ok=True)


def _note(sample: Sample, limit: float) -> str:
    return target(sample.median("wall"), limit) if sample.ok else ""
