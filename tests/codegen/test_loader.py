"""load_document: YAML and JSON specs as plain dicts, bad files as diagnostics, the parse cache,
and large YAML parsed in a child process with the same result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.codegen import loader
from generator.codegen.loader import load_document
from generator.diagnostics import DiagnosticSink

YAML = """openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        200: {description: ok, content: {application/json: {example: {when: 2021-07-01}}}}
"""


def _load(path: Path, **kwargs: Path | None) -> tuple[object, list[str]]:
    sink = DiagnosticSink()
    document = load_document(path, sink, **kwargs)
    return document, [d.format() for d in sink.items]


def test_yaml_reads_as_json_would(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(YAML, "utf-8")
    document, problems = _load(spec)
    assert problems == []
    assert isinstance(document, dict)
    response = document["paths"]["/a"]["get"]["responses"]["200"]  # an int key becomes a string
    assert response["content"]["application/json"]["example"] == {"when": "2021-07-01"}
    json_spec = tmp_path / "s.json"
    json_spec.write_text(json.dumps(document), "utf-8")
    assert _load(json_spec)[0] == document


@pytest.mark.parametrize("large", [False, True])
def test_bad_files_are_diagnostics_in_process_or_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    if large:
        monkeypatch.setattr(loader, "LARGE", 0)  # every YAML file goes to the child process
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.0.3\npaths:\n  /a: [unclosed\n", "utf-8")
    document, problems = _load(spec)
    assert document is None
    assert (
        len(problems) == 1 and "bad.yaml:4: error: the spec is not valid YAML/JSON" in problems[0]
    )
    spec.write_text("- a list\n", "utf-8")
    assert _load(spec)[1] == [f"{spec}: error: the spec is not a mapping at the top level [C001]"]
    good = tmp_path / "good.yaml"
    good.write_text(YAML, "utf-8")
    monkeypatch.setattr(loader, "LARGE", 10**9)
    in_process = _load(good)[0]
    monkeypatch.setattr(loader, "LARGE", 0)
    assert _load(good)[0] == in_process


def test_parsed_documents_are_cached_by_content(tmp_path: Path) -> None:
    spec, cache = tmp_path / "s.yaml", tmp_path / "cache"
    spec.write_text(YAML, "utf-8")
    first = _load(spec, cache_dir=cache)[0]
    (stored,) = (cache / "specs").iterdir()
    assert _load(spec, cache_dir=cache)[0] == first
    spec.write_text(YAML.replace("title: T", "title: Changed"), "utf-8")
    changed = _load(spec, cache_dir=cache)[0]
    assert isinstance(changed, dict) and changed["info"]["title"] == "Changed"
    assert len(list((cache / "specs").iterdir())) == 2
    stored.write_bytes(b"\x00garbage")  # a damaged entry is a miss, not a crash
    spec.write_text(YAML, "utf-8")
    assert _load(spec, cache_dir=cache)[0] == first


def test_an_early_parse_in_a_child_gives_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """start_loading parses a YAML spec in a forked child while the caller goes on; the
    document, the diagnostics and the cache entry are those of load_document."""
    monkeypatch.setattr(loader, "EARLY", 0)
    spec, cache = tmp_path / "s.yaml", tmp_path / "cache"
    spec.write_text(YAML, "utf-8")
    loading = loader.start_loading(spec, cache_dir=cache)
    assert loading.child is not None or not loader.sys.platform.startswith("linux")
    sink = DiagnosticSink()
    assert loading.result(sink) == _load(spec)[0]
    assert sink.items == []
    assert len(list((cache / "specs").iterdir())) == 1
    spec.write_text("openapi: 3.0.3\npaths:\n  /a: [unclosed\n", "utf-8")
    sink = DiagnosticSink()
    assert loader.start_loading(spec).result(sink) is None
    assert [d.code for d in sink.items] == ["C001"]
