"""The whole v1.0 corpus: no page fails, every operation and resource page yields or explains."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.markdown.model import PageKind


@pytest.mark.corpus
def test_corpus_pages(corpus_dir: Path, tmp_path: Path) -> None:
    sink = DiagnosticSink()
    pages = read_docs(corpus_dir, sink, cache_dir=tmp_path / "cache")
    assert len(pages) >= 3000 and not sink.items
    failures = [d for p in pages for d in p.diagnostics if d.code == "M018"]
    assert failures == []
    silent_operations = [
        p.path
        for p in pages
        if p.kind is PageKind.OPERATION
        and p.operation is not None
        and not p.operation.requests
        and not any(d.code == "M006" for d in p.diagnostics)
    ]
    assert silent_operations == []
    silent_resources = [
        p.path
        for p in pages
        if p.kind is PageKind.RESOURCE
        and p.resource is None
        and not any(d.code == "M007" for d in p.diagnostics)
    ]
    assert silent_resources == []
    operations = [p.operation for p in pages if p.operation is not None]
    assert sum(1 for o in operations if o.requests) / len(operations) > 0.99
    resources = [p.resource for p in pages if p.resource is not None]
    assert len(resources) > 1000
    assert sum(len(r.properties) for r in resources) > 6000
