"""read_docs: file discovery, decoding, the content cache and the parse shared between processes."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import forked
from generator.diagnostics import DiagnosticSink
from generator.markdown import file_index, parse_page, read_docs, reader
from generator.markdown.cache import PageCache, fingerprint
from generator.markdown.frontmatter import split_front_matter
from generator.markdown.model import PageKind

RESOURCE = "---\ndoc_type: resourcePageType\n---\n# {name} resource type\n\n## Properties\n|Property|Type|Description|\n|--|--|--|\n|a|String|x|\n"
OPERATION = (
    "---\ndoc_type: apiPageType\n---\n# Get\n\n## HTTP request\n```http\nGET /things/{{id}}\n```\n"
)


def make_docs(root: Path, count: int = 3) -> Path:
    (root / "api").mkdir(parents=True)
    (root / "resources").mkdir()
    for index in range(count):
        (root / "resources" / f"thing{index}.md").write_text(RESOURCE.format(name=f"thing{index}"))
        (root / "api" / f"thing{index}-get.md").write_text(OPERATION)
    (root / "resources" / "notes.md.txt").write_text("not a page")
    return root


def test_reads_every_md_page_sorted_by_path(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs")
    pages = read_docs(docs, DiagnosticSink(), cache_dir=None)
    assert [p.path for p in pages] == sorted(p.path for p in pages)
    assert len(pages) == 6 and pages[0].path == "api/thing0-get.md"
    assert {p.kind for p in pages} == {PageKind.OPERATION, PageKind.RESOURCE}


def test_bom_and_crlf_are_tolerated(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = RESOURCE.format(name="thing").replace("\n", "\r\n")
    (docs / "thing.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (page,) = read_docs(docs, DiagnosticSink(), cache_dir=None)
    assert page.resource is not None and page.resource.name == "thing"
    assert page.resource.properties[0].line == 9 and page.diagnostics == ()


def test_invalid_utf8_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad.md").write_bytes(RESOURCE.format(name="bad").encode() + b"|b|\xff\xfe|x|\n")
    (page,) = read_docs(docs, DiagnosticSink(), cache_dir=None)
    assert [(d.code, d.line) for d in page.diagnostics if d.code == "M017"] == [("M017", 10)]
    assert page.resource is not None and len(page.resource.properties) == 2


def test_cache_hits_and_invalidates_on_change(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs")
    cache = tmp_path / "cache"
    first = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    assert (cache / f"pages-{fingerprint()}.pickle").exists()
    assert read_docs(docs, DiagnosticSink(), cache_dir=cache) == first
    (docs / "resources" / "thing1.md").write_text(RESOURCE.format(name="changed"))
    changed = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    names = [p.resource.name for p in changed if p.resource]
    assert names == ["thing0", "changed", "thing2"]
    assert changed == read_docs(docs, DiagnosticSink(), cache_dir=None)


def test_cache_is_keyed_by_path_too(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(OPERATION)
    cache = tmp_path / "cache"
    read_docs(docs, DiagnosticSink(), cache_dir=cache)
    (docs / "a.md").rename(docs / "b.md")
    (page,) = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    assert page.path == "b.md"


def test_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs")
    cache = tmp_path / "cache"
    expected = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    file = cache / f"pages-{fingerprint()}.pickle"
    file.write_bytes(file.read_bytes()[:100])
    sink = DiagnosticSink()
    assert read_docs(docs, sink, cache_dir=cache) == expected
    assert [d.code for d in sink.items] == ["C003"]
    loaded = PageCache(cache)
    loaded.load()
    assert not loaded.damaged and len(loaded.pages) == len(expected)


def test_cache_compacts_stale_records(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    cache = tmp_path / "cache"
    for version in range(5):
        (docs / "a.md").write_text(RESOURCE.format(name=f"v{version}"))
        read_docs(docs, DiagnosticSink(), cache_dir=cache)
    loaded = PageCache(cache)
    loaded.load()
    assert loaded.records <= 2


def test_shared_and_serial_parses_agree(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", count=120)
    serial = read_docs(docs, DiagnosticSink(), cache_dir=None, workers=1)
    shared = read_docs(docs, DiagnosticSink(), cache_dir=None, workers=2)
    assert shared == serial


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork and two cores")
def test_pages_are_shared_between_this_process_and_a_child(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", count=120)
    files = [(relative, Path(full).read_bytes()) for relative, full in reader._markdown_files(docs)]
    parsed = reader._parse_all(files, 2)
    assert [page.path for page, _ in parsed] == [relative for relative, _ in files]
    here = [page for page, blob in parsed if blob is None]
    there = [(page, blob) for page, blob in parsed if blob is not None]
    assert here and there  # both processes parsed; a child's pages come with their pickle
    assert all(pickle.loads(blob) == page for page, blob in there)


@pytest.mark.parametrize("workers", [1, 2])
def test_each_page_parsed_this_run_is_seen_here(tmp_path: Path, workers: int) -> None:
    """``each`` (work of the caller's on single pages) runs in this process on every page parsed,
    whichever process parsed it, and never on a page from the cache."""
    docs = make_docs(tmp_path / "docs", count=120)
    cache = tmp_path / "cache"
    seen: list[tuple[str, int]] = []

    def each(page: Any) -> None:
        seen.append((page.path, os.getpid()))

    scan = reader.scan_docs(docs, DiagnosticSink(), cache_dir=cache)
    loaded = reader.open_pages(scan, DiagnosticSink(), workers=workers, each=each)
    loaded.store()
    assert sorted(seen) == sorted((page.path, os.getpid()) for page in loaded.pages)
    (docs / "resources" / "thing1.md").write_text(RESOURCE.format(name="changed"))
    seen.clear()
    scan = reader.scan_docs(docs, DiagnosticSink(), cache_dir=cache)
    reader.open_pages(scan, DiagnosticSink(), workers=workers, each=each)
    assert seen == [("resources/thing1.md", os.getpid())]


def _forks_counted(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], Any]]:
    """The jobs the reader starts in a forked child, as it starts them."""
    jobs: list[Callable[[], Any]] = []

    def start(job: Callable[[], Any]) -> Callable[[], Any]:
        jobs.append(job)
        return forked.started(job)

    monkeypatch.setattr(reader, "started", start)
    return jobs


def test_pages_parsed_on_both_cores_are_all_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_docs(tmp_path / "docs", count=40)
    cache = tmp_path / "cache"
    monkeypatch.setattr(reader, "PARALLEL_THRESHOLD", 10)  # this process's pages pickled in a child
    jobs = _forks_counted(monkeypatch)
    first = read_docs(docs, DiagnosticSink(), cache_dir=cache, workers=2)
    assert len(jobs) == 1
    loaded = PageCache(cache)
    loaded.load()
    assert not loaded.damaged
    assert sorted(loaded.pages.values(), key=lambda page: page.path) == first
    assert read_docs(docs, DiagnosticSink(), cache_dir=cache, workers=2) == first


def test_a_cache_the_child_cannot_write_is_reported_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forked child pickles and stores the pages; its failure to write reaches this sink."""
    docs = make_docs(tmp_path / "docs", count=40)
    monkeypatch.setattr(reader, "PARALLEL_THRESHOLD", 10)
    jobs = _forks_counted(monkeypatch)

    def full(*_: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(PageCache, "store", full)
    sink = DiagnosticSink()
    pages = read_docs(docs, sink, cache_dir=tmp_path / "cache", workers=2)
    assert len(jobs) == 1
    assert pages == read_docs(docs, DiagnosticSink(), cache_dir=None)
    assert [(d.code, d.message) for d in sink.items if d.code == "C003"] == [
        ("C003", "cannot write the parse cache: No space left on device")
    ]


@pytest.mark.parametrize("protocol", [pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL])
def test_pages_round_trip_through_pickle(seed_page: Path, protocol: int) -> None:
    page = parse_page("api/onlinemeeting-createorget.md", seed_page.read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(page, protocol=protocol)) == page


@pytest.mark.parametrize(
    "front",
    [
        'title: "Get a user"\ndoc_type: apiPageType\nms.prod: ""',
        "title: 'Get a user'\ndoc_type: \"apiPageType\"\nauthor:",
        "title: Get a user's OneDrive\ndoc_type: apiPageType\nms.date: 09/13/2019",
        "title: x\ndoc_type: apiPageType\nlocalization_priority: 1\nflag: true",
        "title: x\ndoc_type: apiPageType\nkeywords: [a, b]\nnested:\n  key: value",
    ],
)
def test_front_matter_fast_path_agrees_with_yaml(front: str) -> None:
    data, _, problem = split_front_matter(["---", *front.split("\n"), "---"])
    assert problem == "" and data == yaml.safe_load(front)


def _reads_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the scan reads, as it reads them."""
    opened: list[str] = []
    read = reader._read

    def counting(path: str, size: int) -> bytes:
        opened.append(path)
        return read(path, size)

    monkeypatch.setattr(reader, "_read", counting)
    return opened


def test_file_index_spares_reading_unchanged_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_index, "RACY_NS", 0)
    docs = make_docs(tmp_path / "docs")
    cache = tmp_path / "cache"
    first = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    opened = _reads_counted(monkeypatch)
    assert read_docs(docs, DiagnosticSink(), cache_dir=cache) == first
    assert opened == []
    page = docs / "resources" / "thing1.md"
    before = page.stat()
    page.write_text(RESOURCE.format(name="thingX"))  # same size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    changed = read_docs(docs, DiagnosticSink(), cache_dir=cache)
    assert opened == [str(page)]
    assert [p.resource.name for p in changed if p.resource] == ["thing0", "thingX", "thing2"]


def test_racy_entries_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_index, "RACY_NS", 10**18)  # every file is "just written"
    docs = make_docs(tmp_path / "docs", count=1)
    cache = tmp_path / "cache"
    read_docs(docs, DiagnosticSink(), cache_dir=cache)
    opened = _reads_counted(monkeypatch)
    read_docs(docs, DiagnosticSink(), cache_dir=cache)
    assert len(opened) == 2


@pytest.mark.parametrize("stated", [0, 10, 100_000, 200_000])
def test_a_page_is_read_whole_whatever_its_stat_said(tmp_path: Path, stated: int) -> None:
    """The scan reads each page in one call of the size ``stat`` gave; a page that grew or shrank
    since is still read whole."""
    page = tmp_path / "page.md"
    page.write_bytes(b"x" * 100_000)
    assert reader._read(str(page), stated) == b"x" * 100_000
