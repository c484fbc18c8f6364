"""Where a cold docs → spec run's CPU goes, and the wall time no scheduling of it can beat here.

    python -m bench.cold_floor [DOCS_DIR]   (default ../shared/graph-docs/v1.0)

Each stage runs in this process, on one core (the dump too, which a run shares with a forked
child), with the collector paused as a run pauses it, and is timed in CPU seconds:

- parse: every page, as a cold run parses it;
- parse, markdown-it replayed: the same again, with markdown-it-py's block and inline results
  looked up from the first pass (specdown's own memo of them, ``blocks.SECTIONS`` and
  ``blocks.CELLS``, starts empty in each pass, as in a cold run). That is what the parse would
  cost with a markdown parser that took no time. The pages must come out equal to the first
  pass's, or the figure is not printed;
- build and dump: the document from the pages, and its YAML text.

Then the floor: the replayed parse and the dump spread over every core with no loss, plus the
build, which needs every page and runs on one. Start-up, the file scan and the cache writes are
left out, so a real run can only be slower.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from generator.collector import paused
from generator.diagnostics import DiagnosticSink
from generator.forked import cores
from generator.markdown.blocks import MD, forget
from generator.markdown.reader import parse_file
from generator.openapi import dump
from generator.openapi.document import build_document
from generator.openapi.dump import dump_fragments

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "graph-docs" / "v1.0"
T = TypeVar("T")


def _cpu(job: Callable[[], T]) -> tuple[T, float]:
    started = time.process_time()
    result = job()
    return result, time.process_time() - started


@contextmanager
def _replayed() -> Iterator[None]:
    """markdown-it's block and inline parsers answering from a memo of their first result for
    each source (the token lists are shared, not copied: the page readers only read them)."""
    block, inline = MD.block, MD.inline

    def replaying(
        parse: Callable[..., Any], memo: dict[Any, list[Any]], *, links: bool
    ) -> Callable[..., Any]:
        def replay(source: str, md: Any, env: Any, tokens: list[Any]) -> None:
            # inline, a page's reference definitions decide what its reference links are
            key = (source, repr(env["references"])) if links and env["references"] else source
            found = memo.get(key)
            if found is None:
                found = memo[key] = []
                parse(source, md, env, found)
            tokens.extend(found)

        return replay

    block.parse = replaying(block.parse, {}, links=False)  # type: ignore[method-assign]
    inline.parse = replaying(inline.parse, {}, links=True)  # type: ignore[method-assign]
    try:
        yield
    finally:
        del block.parse, inline.parse  # the class's methods again


@contextmanager
def _one_process() -> Iterator[None]:
    """The dump written by this process alone (a run shares it with a forked child)."""
    saved = dump.PARALLEL_ENTRIES
    dump.PARALLEL_ENTRIES = sys.maxsize
    try:
        yield
    finally:
        dump.PARALLEL_ENTRIES = saved


def main() -> int:
    docs = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not docs.is_dir():
        print(f"error: {docs} is not a directory", file=sys.stderr)
        return 2
    files = sorted(
        (path.relative_to(docs).as_posix(), path.read_bytes()) for path in docs.rglob("*.md")
    )
    count = cores()

    def parse_all() -> list[Any]:
        forget()  # each pass as a cold run's first: nothing seen before
        with paused():  # as a run parses, builds and dumps: the collector off
            return [parse_file(relative, data) for relative, data in files]

    pages, parse = _cpu(parse_all)
    with _replayed():
        _cpu(parse_all)  # fills the memo
        replayed_pages, replayed = _cpu(parse_all)
    with paused(freeze=True):
        document, build = _cpu(lambda: build_document(pages, sink=DiagnosticSink()))
    with _one_process():
        _, dump = _cpu(lambda: dump_fragments(document, {}))
    print(f"{len(files)} pages in {docs}; CPU seconds on one core:")
    print(f"  parse                        {parse:6.2f}")
    if replayed_pages != pages:
        print("  parse, markdown-it replayed: the pages differ from the first pass, not measured")
        return 1
    print(f"  parse, markdown-it replayed  {replayed:6.2f}  (markdown-it: {parse - replayed:.2f})")
    print(f"  build                        {build:6.2f}")
    print(f"  dump                         {dump:6.2f}")
    floor = (replayed + dump) / count + build
    print(
        f"floor on {count} cores with a markdown parser that takes no time: {floor:.2f} s wall "
        f"(with markdown-it-py: {(parse + dump) / count + build:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
