"""The markdown stage on damaged pages: never an internal error, and every diagnostic names the page's
own file and a line inside it. Mutations of real corpus pages (bench/fuzz.py runs 10,000 of them;
here a seeded sample of a few hundred) and hypothesis properties over bytes and page fragments."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import fuzz
from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.markdown.reader import parse_file

SAMPLE_SOURCES = 40
SAMPLE_PAGES = 240


@pytest.fixture(scope="module")
def sources(corpus_dir: Path) -> list[tuple[str, str]]:
    return fuzz.load_sources(corpus_dir, SAMPLE_SOURCES, seed=6)


@pytest.mark.corpus
def test_mutated_corpus_pages_through_read_docs(
    sources: list[tuple[str, str]], tmp_path: Path
) -> None:
    batch = list(fuzz.cases(sources, SAMPLE_PAGES, seed=6))
    assert {name for case in batch for name in case.mutations} >= {
        *fuzz.LINE_MUTATORS,
        "crlf",
        "bom",
        "utf8",
    }, "the sample exercises every mutation"
    failures = fuzz.check(batch, tmp_path)
    assert not failures, "\n".join(failures[:20])


@pytest.mark.corpus
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.integers(0, SAMPLE_SOURCES - 1))
def test_mutation_property(sources: list[tuple[str, str]], rng: random.Random, index: int) -> None:
    relative, text = sources[index]
    data, names = fuzz.mutate(rng, text)
    page = parse_file(relative, data)
    assert not fuzz.problems(page, data), (names, fuzz.problems(page, data))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    page = parse_file("api/bytes.md", data)
    assert not fuzz.problems(page, data)


LINES = st.sampled_from(
    [
        "---",
        "doc_type: apiPageType",
        "doc_type: resourcePageType",
        "# Title",
        "## HTTP request",
        "## Properties",
        "## Relationships",
        "## Response",
        "## Request body",
        "## Members",
        "```http",
        "```json",
        "```",
        "GET /users/{id}/x",
        "POST https://graph.microsoft.com/v1.0/me/events",
        "HTTP/1.1 201 Created",
        '<!-- { "blockType": "request", "name": "x" } -->',
        '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": -->',
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|id|String|Read-only.|",
        "|items|[item](item.md) collection|Nullable.|",
        "|a|b|",
        '{"value": [{"a": 1,}',
        "}",
        "- item",
        "    - nested",
        "\t|x|\t",
        "\x00\u202e🦄",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(LINES, max_size=40),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_page_fragments_with_any_line_ends(lines: list[str], end: str, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + end.join(lines).encode()
    page = parse_file("resources/fragments.md", data)
    assert not fuzz.problems(page, data)


def test_invalid_utf8_is_reported_on_its_line(tmp_path: Path) -> None:
    page = b"# Title\n\nGood line.\n\nBad \xff byte here.\n"
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "bad.md").write_bytes(page)
    sink = DiagnosticSink()
    [parsed] = read_docs(tmp_path, sink, cache_dir=None)
    found = [d for d in parsed.diagnostics if d.code == "M017"]
    assert [(d.path, d.line) for d in found] == [("api/bad.md", 5)]


def test_deeply_nested_lists_and_quotes() -> None:
    nested = "\n".join("  " * level + "- item" for level in range(800))  # 640 kB of indent
    quotes = ">" * 3_000 + " deep"
    for text in (nested, quotes, "# t\n## Properties\n" + nested):
        data = text.encode()
        page = parse_file("resources/deep.md", data)
        assert not fuzz.problems(page, data)
