"""Acceptance: every JSON response example of the v1.0 corpus decodes into the model of its
operation's response and encodes back equal (the spec is built from ../shared/graph-docs/v1.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.models_roundtrip import json_examples, roundtrip, write_models
from generator.codegen.build import build_api
from generator.diagnostics import DiagnosticSink
from generator.pipeline import docs_to_spec

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_corpus_examples_round_trip(corpus_dir: Path, tmp_path: Path) -> None:
    document = docs_to_spec(corpus_dir, validate=False).document
    examples = len(list(json_examples(document)))
    assert examples > 2000, f"only {examples} JSON response examples in the corpus spec"
    api = build_api(document, package="corpusmodels", source="corpus", sink=DiagnosticSink())
    write_models(api, tmp_path)
    ok, causes, details, misfits = roundtrip(api, tmp_path)
    print(f"{ok}/{examples} round-trip equal; {examples - sum(misfits.values())} decode strictly")
    assert ok == examples, f"failures by cause: {dict(causes)}; e.g. {details[:5]}"
    assert sum(misfits.values()) < examples * 0.1, misfits.most_common(10)
