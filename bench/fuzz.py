"""Mutation fuzzer for the markdown stage over real reference pages.

    python -m bench.fuzz [--pages N] [--seed S] [--docs DOCS_DIR] [--seconds T]

Takes pages from the corpus (default ../shared/graph-docs/v1.0), applies one to three seeded mutations
to each (dropped, duplicated and shuffled lines, broken table pipes, truncated fences, corrupt
annotation JSON, CRLF and lone CR, tabs, a BOM, invalid UTF-8, huge cells, deeply nested lists and
quotes, control and bidi characters), writes them into a temporary docs folder and reads them with
``read_docs`` exactly as ``specdown spec`` does. Every page must come back without an internal error
(M018), and every diagnostic must name that page's file and a line inside it. Prints the count and
every failure; exits 1 when there is one. Bounded by ``--pages`` and ``--seconds``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.markdown.model import Page
from generator.markdown.page import normalise_text

DEFAULT_DOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "graph-docs" / "v1.0"

Lines = list[str]


def _span(rng: random.Random, lines: Lines) -> tuple[int, int]:
    start = rng.randrange(len(lines) or 1)
    return start, min(len(lines), start + rng.randint(1, 8))


def drop_lines(rng: random.Random, lines: Lines) -> Lines:
    start, end = _span(rng, lines)
    return lines[:start] + lines[end:]


def duplicate_lines(rng: random.Random, lines: Lines) -> Lines:
    start, end = _span(rng, lines)
    return lines[:end] + lines[start:end] + lines[end:]


def shuffle_lines(rng: random.Random, lines: Lines) -> Lines:
    start, end = _span(rng, lines)
    window = lines[start:end]
    rng.shuffle(window)
    return lines[:start] + window + lines[end:]


def break_pipes(rng: random.Random, lines: Lines) -> Lines:
    rows = [i for i, line in enumerate(lines) if "|" in line] or [0]
    out = list(lines)
    for index in rng.sample(rows, min(len(rows), rng.randint(1, 4))):
        line = out[index] if index < len(out) else ""
        pipes = [i for i, char in enumerate(line) if char == "|"]
        choice = rng.randrange(4)
        if choice == 0 and pipes:  # a cell too few
            cut = rng.choice(pipes)
            line = line[:cut] + line[cut + 1 :]
        elif choice == 1:  # a cell too many
            cut = rng.randrange(len(line) + 1)
            line = line[:cut] + "|" + line[cut:]
        elif choice == 2:  # an escaped pipe, or a pipe inside code
            line = line.replace("|", rng.choice(["\\|", "`|`", "||"]), 1)
        else:  # a broken delimiter row
            line = rng.choice(["|---", "|:-:|-", "|", "| --- | --- |  --- | --- |"])
        if index < len(out):
            out[index] = line
    return out


def truncate_fence(rng: random.Random, lines: Lines) -> Lines:
    fences = [i for i, line in enumerate(lines) if line.lstrip().startswith(("```", "~~~"))]
    if not fences:
        return [*lines, "```json", '{"unterminated": ']
    at = rng.choice(fences)
    if rng.random() < 0.5:
        return lines[:at] + lines[at + 1 :]  # one fence line gone: everything after flips
    return lines[: at + rng.randint(1, 4)]  # the file ends inside the fence


def corrupt_annotation(rng: random.Random, lines: Lines) -> Lines:
    notes = [i for i, line in enumerate(lines) if "<!--" in line or '"blockType"' in line]
    out = list(lines)
    if not notes:
        out.insert(rng.randrange(len(out) + 1), '<!-- { "blockType": "request", "name": -->')
        return out
    at = rng.choice(notes)
    line = out[at]
    damage = rng.choice(['"', "{", "}", ",", ":", "\\", "[", "\u201c", "-->", "<!--"])
    cut = rng.randrange(len(line) + 1)
    if rng.random() < 0.5:
        out[at] = line[:cut] + damage + line[cut:]
    else:
        out[at] = line[:cut]
    return out


def tabs(rng: random.Random, lines: Lines) -> Lines:
    return [
        ("\t" + line.lstrip(" ") if line.startswith(" ") else line.replace(" | ", "\t|\t", 1))
        if rng.random() < 0.3
        else line
        for line in lines
    ]


def huge_cell(rng: random.Random, lines: Lines) -> Lines:
    rows = [i for i, line in enumerate(lines) if line.count("|") >= 3] or [len(lines)]
    at = rng.choice(rows)
    unit = rng.choice(["x", "[a](b.md) ", "`c` ", "**", "\\|", "é"])
    filler = unit * (rng.randint(2_000, 20_000) // len(unit))  # 2k-20k characters
    row = f"|{filler}|String|{filler}|"
    return [*lines[:at], row, *lines[at:]]


def nested(rng: random.Random, lines: Lines) -> Lines:
    depth = rng.randint(50, 400)
    if rng.random() < 0.5:
        block = [" " * (2 * level) + "- item" for level in range(depth)]
    else:
        block = [">" * depth + " quoted", "[" * depth + "link" + "]" * depth + "(x.md)"]
    at = rng.randrange(len(lines) + 1)
    return [*lines[:at], *block, *lines[at:]]


def hostile_characters(rng: random.Random, lines: Lines) -> Lines:
    out = list(lines)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out) or 1)
        line = out[at] if out else ""
        cut = rng.randrange(len(line) + 1)
        junk = rng.choice(["\x00", "\u202e", "\u200b", "\ufeff", "\x0b", "\x0c", "\u2028", "🦄"])
        if out:
            out[at] = line[:cut] + junk + line[cut:]
    return out


def truncate(rng: random.Random, lines: Lines) -> Lines:
    return lines[: rng.randrange(len(lines) + 1)]


LINE_MUTATORS: dict[str, Callable[[random.Random, Lines], Lines]] = {
    "drop": drop_lines,
    "duplicate": duplicate_lines,
    "shuffle": shuffle_lines,
    "pipes": break_pipes,
    "fence": truncate_fence,
    "annotation": corrupt_annotation,
    "tabs": tabs,
    "huge_cell": huge_cell,
    "nested": nested,
    "characters": hostile_characters,
    "truncate": truncate,
}

#: Byte-level damage applied after encoding: invalid UTF-8 sequences of several kinds.
INVALID_UTF8 = [b"\xff", b"\xfe\xfe", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe2\x82", b"\x80"]


def encode(rng: random.Random, text: str) -> tuple[bytes, list[str]]:
    """The page's bytes: CRLF or lone CR line ends, a BOM, invalid UTF-8 — each sometimes."""
    applied = []
    if rng.random() < 0.15:
        text = text.replace("\n", "\r\n")
        applied.append("crlf")
    elif rng.random() < 0.05:
        text = text.replace("\n", "\r")
        applied.append("cr")
    data = text.encode("utf-8")
    if rng.random() < 0.15:
        data = b"\xef\xbb\xbf" + data
        applied.append("bom")
    if rng.random() < 0.15:
        for _ in range(rng.randint(1, 3)):
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] + rng.choice(INVALID_UTF8) + data[cut:]
        applied.append("utf8")
    return data, applied


def mutate(rng: random.Random, text: str) -> tuple[bytes, list[str]]:
    """One to three line mutations, then the byte-level ones; returns the bytes and what was done."""
    lines = text.split("\n")
    names = rng.sample(sorted(LINE_MUTATORS), rng.randint(1, 3))
    for name in names:
        lines = LINE_MUTATORS[name](rng, lines)
    data, applied = encode(rng, "\n".join(lines))
    return data, names + applied


@dataclass(frozen=True)
class Case:
    relative: str  # where the mutated page is written, docs-relative
    source: str  # the corpus page it came from
    mutations: tuple[str, ...]
    data: bytes


def cases(sources: list[tuple[str, str]], count: int, seed: int) -> Iterable[Case]:
    """``count`` mutated pages from (relative path, text) sources, reproducible from ``seed``."""
    rng = random.Random(seed)
    for number in range(count):
        relative, text = sources[rng.randrange(len(sources))]
        data, names = mutate(rng, text)
        folder, _, name = relative.rpartition("/")
        target = f"{folder or 'api'}/f{number:05d}-{name}"
        yield Case(target, relative, tuple(names), data)


def problems(page: Page, data: bytes) -> list[str]:
    """What is wrong with the result of parsing ``data``: internal errors, misplaced diagnostics."""
    lines = normalise_text(data.decode("utf-8-sig", errors="replace")).count("\n") + 1
    found = []
    for item in page.diagnostics:
        if item.code == "M018":
            found.append(f"internal error: {item.message}")
        if item.path != page.path:
            found.append(f"diagnostic names {item.path!r}: {item.format()}")
        if not 0 <= item.line <= lines:
            found.append(f"line {item.line} outside 1..{lines}: {item.format()}")
    return found


def check(batch: list[Case], folder: Path) -> list[str]:
    """Write ``batch`` into an empty ``folder``, read it with read_docs; the failures found."""
    for case in batch:
        path = folder / case.relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(case.data)
    sink = DiagnosticSink()
    pages = read_docs(folder, sink, cache_dir=None)
    failures = [f"read_docs: {item.format()}" for item in sink.items]
    by_path = {page.path: page for page in pages}
    for case in batch:
        page = by_path.get(case.relative)
        if page is None:
            failures.append(f"{case.relative}: page lost")
            continue
        failures.extend(
            f"{case.relative} (from {case.source}, {'+'.join(case.mutations)}): {problem}"
            for problem in problems(page, case.data)
        )
    return failures


def load_sources(docs: Path, limit: int | None, seed: int) -> list[tuple[str, str]]:
    files = sorted(docs.rglob("*.md"))
    if limit is not None and limit < len(files):
        files = sorted(random.Random(seed).sample(files, limit))
    return [
        (path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
        for path in files
    ]


def run(
    docs: Path, pages: int, seed: int, *, batch: int = 500, seconds: float | None = None
) -> tuple[int, list[str]]:
    """Fuzz ``pages`` pages (or fewer if ``seconds`` runs out); (pages checked, failures)."""
    started = time.perf_counter()
    sources = load_sources(docs, None, seed)
    done = 0
    failures: list[str] = []
    pending: list[Case] = []
    for case in cases(sources, pages, seed):
        pending.append(case)
        if len(pending) == batch:
            failures += _check_batch(pending)
            done += len(pending)
            pending = []
            if seconds is not None and time.perf_counter() - started > seconds:
                break
    if pending:
        failures += _check_batch(pending)
        done += len(pending)
    return done, failures


def _check_batch(batch: list[Case]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="specdown-fuzz-") as folder:
        return check(batch, Path(folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--seconds", type=float, default=600.0, help="stop after this long")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{args.docs} is absent: nothing to fuzz", file=sys.stderr)
        return 0
    started = time.perf_counter()
    done, failures = run(args.docs, args.pages, args.seed, seconds=args.seconds)
    for failure in failures:
        print(failure)
    print(
        f"fuzzed pages: {done} (seed {args.seed}); failures: {len(failures)}; "
        f"{time.perf_counter() - started:.1f}s"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
