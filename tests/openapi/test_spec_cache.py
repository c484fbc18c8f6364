"""The whole-run cache of docs → spec (generator.spec_cache) and the fragment reuse of the YAML writer:
a cached run answers exactly what building would, and any change of input is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.openapi.dump import dump_fragments, dump_yaml
from generator.pipeline import SpecResult, docs_to_spec

RESOURCE = """---
doc_type: resourcePageType
---
# {name} resource type

Namespace: microsoft.graph

## Properties
|Property|Type|Description|
|:--|:--|:--|
|id|String|The identifier.|
|size|{kind}|How big the {name} is.|
"""
OPERATION = """---
doc_type: apiPageType
---
# Get {name}

## HTTP request
```http
GET /{name}s/{{id}}
```

## Response
If successful, this method returns a `200 OK` response code and a [{name}](../resources/{name}.md) object in the response body.

## Example
### Response
```http
HTTP/1.1 200 OK
Content-type: application/json

{{"id": "1", "size": {size}}}
```
"""


def _docs(root: Path) -> Path:
    (root / "api").mkdir(parents=True)
    (root / "resources").mkdir()
    for index in range(3):
        name = f"thing{index}"
        (root / "resources" / f"{name}.md").write_text(
            RESOURCE.format(name=name, kind="Int32"), "utf-8"
        )
        (root / "api" / f"{name}-get.md").write_text(OPERATION.format(name=name, size=1), "utf-8")
    (root / "api" / "broken.md").write_text("---\ndoc_type: apiPageType\n---\n# Broken\n", "utf-8")
    return root


def _same(a: SpecResult, b: SpecResult) -> None:
    assert a.text == b.text
    assert a.diagnostics == b.diagnostics
    assert (a.pages, a.stats) == (b.pages, b.stats)


def test_an_unchanged_run_is_answered_from_the_cache(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    first = docs_to_spec(docs, validate=False, cache_dir=cache)
    second = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not first.cached and second.cached
    _same(second, first)
    _same(second, docs_to_spec(docs, validate=False, cache_dir=None))
    assert second.diagnostics  # the broken page's diagnostics come back too
    assert second.document == first.document  # read back from the cache


def test_a_changed_page_misses_and_reuses_the_rest(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    before = docs_to_spec(docs, validate=False, cache_dir=cache)
    page = docs / "resources" / "thing1.md"
    page.write_text(RESOURCE.format(name="thing1", kind="String"), "utf-8")
    changed = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not changed.cached
    _same(changed, docs_to_spec(docs, validate=False, cache_dir=None))
    schemas = ("microsoft.graph.thing0", "microsoft.graph.thing1")
    old, new = (
        [r.document["components"]["schemas"][name] for name in schemas] for r in (before, changed)
    )
    assert old[0] == new[0] and old[1] != new[1]
    assert "string" in str(new[1]) and "int32" not in str(new[1])


def test_an_edit_no_reader_sees_is_answered_from_the_last_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Prose after the last example and a comment leave every page model as it was: the last run
    answers, after parsing only the edited page; the next build does not parse it again."""
    from generator.markdown import reader

    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    before = docs_to_spec(docs, validate=False, cache_dir=cache)
    page = docs / "api" / "thing1-get.md"
    page.write_text(page.read_text("utf-8") + "\nA remark.\n\n<!-- a note -->\n", "utf-8")
    parsed: list[str] = []
    parse_file = reader.parse_file
    monkeypatch.setattr(
        reader, "parse_file", lambda path, data: parsed.append(path) or parse_file(path, data)
    )
    monkeypatch.setattr(reader, "started", lambda job: job)  # parsed here, where it is counted
    edited = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert edited.cached and parsed == ["api/thing1-get.md"]
    _same(edited, before)
    _same(edited, docs_to_spec(docs, validate=False, cache_dir=None))
    assert edited.document == before.document
    parsed.clear()
    validated = docs_to_spec(docs, validate=True, cache_dir=cache)  # the stored document serves
    assert validated.cached and parsed == []
    other = docs_to_spec(docs, version="3.1.0", validate=False, cache_dir=cache)
    assert not other.cached and parsed == []  # a build, from the parse cache alone
    _same(other, docs_to_spec(docs, version="3.1.0", validate=False, cache_dir=None))


def test_an_edit_a_reader_sees_is_built(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    before = docs_to_spec(docs, validate=False, cache_dir=cache)
    page = docs / "api" / "thing1-get.md"
    page.write_text(page.read_text("utf-8").replace('"size": 1', '"size": 7'), "utf-8")
    edited = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not edited.cached and edited.text != before.text and '"size": 7' not in before.text
    _same(edited, docs_to_spec(docs, validate=False, cache_dir=None))
    page.write_text(page.read_text("utf-8").replace('"size": 7', '"size": 1'), "utf-8")
    back = docs_to_spec(docs, validate=False, cache_dir=cache)  # the first build's pages again
    _same(back, before)


@pytest.mark.parametrize("change", ["deleted page", "damaged models", "over the limit"])
def test_the_model_check_falls_back_to_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    from generator import pipeline

    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, validate=False, cache_dir=cache)
    page = docs / "api" / "thing1-get.md"
    page.write_text(page.read_text("utf-8") + "\nA remark.\n", "utf-8")  # no reader sees it
    if change == "deleted page":
        (docs / "api" / "thing2-get.md").unlink()
    elif change == "damaged models":
        (cache / "spec" / "models.marshal").write_bytes(b"\0garbage")
    else:
        monkeypatch.setattr(pipeline, "MODEL_CHECK_LIMIT", 0)
    edited = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert edited.cached == (change == "damaged models")  # every page parsed again, all equal
    _same(edited, docs_to_spec(docs, validate=False, cache_dir=None))


def test_the_options_are_part_of_the_key(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, validate=False, cache_dir=cache)
    other = docs_to_spec(docs, version="3.1.0", validate=False, cache_dir=cache)
    assert not other.cached and other.text.startswith("openapi: 3.1.0")


def test_a_validated_run_after_an_unvalidated_one_validates(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, validate=False, cache_dir=cache)
    validated = docs_to_spec(docs, validate=True, cache_dir=cache)
    _same(validated, docs_to_spec(docs, validate=True, cache_dir=None))
    again = docs_to_spec(docs, validate=True, cache_dir=cache)
    assert again.cached
    _same(again, validated)


def test_validating_in_a_forked_child_gives_the_in_process_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large documents are validated in a child beside the dump: its findings reach the result
    and the cache as they would from this process."""
    from generator import pipeline
    from generator.openapi import fast_validator

    docs = _docs(tmp_path / "docs")
    found = ([(["paths", "/thing1s/{id}", "get"], "a finding of the validator")], None)
    monkeypatch.setattr(fast_validator, "find_errors", lambda document: found)
    monkeypatch.setattr(pipeline, "PARALLEL_VALIDATION", 10**6)
    alone = docs_to_spec(docs, validate=True, cache_dir=None)
    monkeypatch.setattr(pipeline, "PARALLEL_VALIDATION", 0)
    beside = docs_to_spec(docs, validate=True, cache_dir=tmp_path / "cache")
    _same(beside, alone)
    assert [d.code for d in beside.diagnostics].count("O008") == 1
    again = docs_to_spec(docs, validate=True, cache_dir=tmp_path / "cache")
    assert again.cached
    _same(again, alone)


def test_the_text_is_read_only_for_a_cached_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The YAML text is stored apart from the run record: a build never reads it, a cached run
    returns it byte for byte, and a run whose text is missing or damaged is built again."""
    from generator.markdown import reader
    from generator.spec_cache import SpecCache

    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    first = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert first.data == first.text.encode("utf-8")
    again = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert again.cached and again.data == first.data
    text_file = cache / "spec" / "text.raw"
    text_file.write_bytes(text_file.read_bytes()[:-10])
    damaged = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not damaged.cached
    _same(damaged, first)
    reads: list[str] = []
    real_text = SpecCache.text
    # parsed here: a run that parses the edited page in a child reads the text meanwhile, in case
    # the edit can be patched
    monkeypatch.setattr(reader, "started", lambda job: job)
    monkeypatch.setattr(
        SpecCache, "text", lambda self, model: reads.append(model) or real_text(self, model)
    )
    page = docs / "resources" / "thing1.md"
    page.write_text(RESOURCE.format(name="renamed", kind="Int32"), "utf-8")  # a full build
    built = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not built.cached and not built.patched
    assert reads == []


def test_spec_writes_the_cached_text_byte_for_byte(tmp_path: Path) -> None:
    docs, cache, out = _docs(tmp_path / "docs"), tmp_path / "cache", tmp_path / "o.yaml"
    args = ["spec", str(docs), "-o", str(out), "--no-validate", "-q", "--cache-dir", str(cache)]
    assert main(args) == 0
    built = out.read_bytes()
    assert built == docs_to_spec(docs, validate=False, cache_dir=None).data
    out.unlink()
    assert main(args) == 0  # answered from the cache
    assert out.read_bytes() == built
    assert main([*args, "--check"]) == 0
    out.write_bytes(built + b"\n")
    assert main([*args, "--check"]) == 1


def test_a_damaged_cache_is_a_miss(tmp_path: Path) -> None:
    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    first = docs_to_spec(docs, validate=False, cache_dir=cache)
    for file in [*(cache / "spec").glob("*.marshal"), *(cache / "spec").glob("*.pickle")]:
        file.write_bytes(file.read_bytes()[:40])
    again = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not again.cached
    _same(again, first)


def test_normalised_paths_are_remembered_only_for_the_same_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import spec_cache
    from generator.spec_cache import SpecCache

    docs, cache = _docs(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, validate=False, cache_dir=cache)
    remembered = SpecCache(cache).paths()
    assert sorted(remembered) == ["/thing0s/{id}", "/thing1s/{id}", "/thing2s/{id}"]
    assert remembered["/thing1s/{id}"].template == "/thing1s/{thing1-id}"
    page = docs / "api" / "thing1-get.md"  # a request path edited: the new one is normalised
    page.write_text(page.read_text("utf-8").replace("/thing1s/", "/things/"), "utf-8")
    changed = docs_to_spec(docs, validate=False, cache_dir=cache)
    _same(changed, docs_to_spec(docs, validate=False, cache_dir=None))
    assert "/things/{thing-id}" in changed.document["paths"] and "/thing1s/" not in changed.text
    assert "/thing1s/{id}" not in SpecCache(cache).paths()  # only the paths asked for are kept
    monkeypatch.setattr(spec_cache, "_fingerprint", lambda: b"other code")
    assert SpecCache(cache).paths() == {}


def test_fragments_are_reused_only_for_identical_entries() -> None:
    document = {
        "openapi": "3.0.3",
        "paths": {"/a": {"get": {"x": 1}}, "/b": {"get": {"x": 2}}},
        "components": {"schemas": {"s": {"default": 1}}, "responses": {}},
    }
    first = dump_fragments(document, {})
    text, fragments = first.text, first.fragments
    assert text == dump_yaml(document)
    assert yaml.safe_load(text) == document
    assert len(fragments) == 3  # two path items, one schema
    poisoned = dict.fromkeys(fragments, b"POISON")
    again = dump_fragments(document, poisoned).text
    assert again.count("POISON") == 3  # an unchanged entry's text is taken as it was
    # 1 == True in Python, but not in YAML: a changed type is a changed entry
    changed = {**document, "components": {"schemas": {"s": {"default": True}}, "responses": {}}}
    text = dump_fragments(changed, poisoned).text
    assert "default: true" in text
    assert text.count("POISON") == 2


def test_the_command_line_chooses_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache, out = _docs(tmp_path / "docs"), tmp_path / "elsewhere", tmp_path / "o.yaml"
    monkeypatch.chdir(tmp_path)
    args = ["spec", str(docs), "-o", str(out), "--no-validate", "-q"]
    assert main([*args, "--no-cache"]) == 0
    assert not (tmp_path / ".specdown-cache").exists()
    assert main([*args, "--cache-dir", str(cache)]) == 0
    assert (cache / "spec" / "run.marshal").is_file()
    assert list(cache.glob("pages-*.pickle"))
