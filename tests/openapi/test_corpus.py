"""The whole v1.0 corpus → one spec, valid as OpenAPI 3.0.3 and 3.1.0; prints the figures.

Run: ``.venv/bin/pytest -m corpus tests/openapi/test_corpus.py -s``.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.markdown.model import Page
from generator.openapi import build_document, dump_yaml, validate_document

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_pages(corpus_dir: Path) -> tuple[list[Page], DiagnosticSink]:
    sink = DiagnosticSink()
    return read_docs(corpus_dir, sink), sink


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_corpus_spec_validates(
    corpus_pages: tuple[list[Page], DiagnosticSink], version: str
) -> None:
    pages, _ = corpus_pages
    sink = DiagnosticSink()
    started = time.perf_counter()
    document = build_document(pages, version=version, sink=sink)
    built = time.perf_counter()
    text = dump_yaml(document)
    dumped = time.perf_counter()
    errors = validate_document(document)
    validated = time.perf_counter()
    operations = sum(len(item) for item in document["paths"].values())
    codes = Counter(d.code for d in sink.items)
    print(
        f"\nv1.0 corpus as {version}: {len(pages)} pages, {len(document['paths'])} paths, "
        f"{operations} operations, {len(document['components']['schemas'])} schemas, "
        f"{len(text) / 1e6:.1f} MB; diagnostics {dict(sorted(codes.items()))}; "
        f"build {built - started:.1f}s, dump {dumped - built:.1f}s, "
        f"validation {validated - dumped:.1f}s"
    )
    assert [e.format() for e in errors[:10]] == []
    assert operations > 2500 and len(document["components"]["schemas"]) > 1000
    ids = [op["operationId"] for item in document["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))


def test_every_operation_page_yields_an_operation_or_a_diagnostic(
    corpus_pages: tuple[list[Page], DiagnosticSink],
) -> None:
    pages, parse_sink = corpus_pages
    sink = DiagnosticSink()
    document = build_document(pages, version="3.0.3", sink=sink)
    sources = {
        op["x-specdown-source"].rsplit(":", 1)[0]
        for item in document["paths"].values()
        for op in item.values()
    }
    explained = {d.path for d in (*sink.items, *parse_sink.items)}
    silent = [
        p.path
        for p in pages
        if p.operation is not None
        and p.path not in sources
        and p.path not in explained
        and not any(d.code == "O003" for d in sink.items if d.path == p.path)
    ]
    assert silent == []


def test_the_meta_pass_agrees_on_the_mutated_corpus_spec(
    corpus_pages: tuple[list[Page], DiagnosticSink],
) -> None:
    """jsonschema-rs and upstream's Python backend find the same meta-schema errors on the real
    spec, valid and with 60 objects damaged (see test_fast_validator.py)."""
    from tests.openapi.test_fast_validator import mutated, python_meta, rust_meta

    pages, _ = corpus_pages
    document = build_document(pages, version="3.0.3", sink=DiagnosticSink())
    assert rust_meta(document) == python_meta(document) == []
    damaged = mutated(document, seed=7, count=60)
    expected = python_meta(damaged)
    assert rust_meta(damaged) == expected
    assert len(expected) > 30
