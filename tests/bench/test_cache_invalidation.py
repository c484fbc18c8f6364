"""The content-hash parse cache as the benchmark's warm and one-page-changed cases use it: through
``specdown spec`` (cache in the working directory), an edited page changes the spec, exactly as a
run without any cache would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main

RESOURCE = """---
doc_type: resourcePageType
---
# {name} resource type

Namespace: microsoft.graph

A {name}.

## Properties
|Property|Type|Description|
|:--|:--|:--|
|id|String|The identifier.|
|{field}|{kind}|What the {name} {verb}.|
"""
OPERATION = """---
doc_type: apiPageType
---
# Get {name}

## HTTP request
```http
GET /{name}s/{{id}}
```

## Request headers
|Name|Description|
|:--|:--|
|Authorization|Bearer {{token}}. Required.|
|Prefer|A preference. Optional.|

## Response
If successful, this method returns a `200 OK` response code and a [{name}](../resources/{name}.md) object in the response body.
"""


def _docs(root: Path, count: int = 4) -> Path:
    (root / "api").mkdir(parents=True)
    (root / "resources").mkdir()
    for index in range(count):
        name = f"thing{index}"
        (root / "resources" / f"{name}.md").write_text(
            RESOURCE.format(name=name, field="size", kind="Int32", verb="weighs"), "utf-8"
        )
        (root / "api" / f"{name}-get.md").write_text(OPERATION.format(name=name), "utf-8")
    return root


def _spec(docs: Path, out: Path) -> str:
    assert main(["spec", str(docs), "-o", str(out), "--no-validate", "-q"]) == 0
    return out.read_text("utf-8")


def _spec_without_a_cache(docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The spec of ``docs`` built in a fresh working directory (so with no cache at all)."""
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    monkeypatch.chdir(fresh)
    return _spec(docs, fresh / "c.yaml")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    run = tmp_path / "run"
    run.mkdir()
    monkeypatch.chdir(run)  # the parse cache is .specdown-cache/ in the working directory
    return run


def test_warm_run_uses_the_cache_and_gives_the_same_spec(tmp_path: Path, workdir: Path) -> None:
    docs = _docs(tmp_path / "docs")
    cold = _spec(docs, workdir / "a.yaml")
    assert list((workdir / ".specdown-cache").glob("pages-*.pickle"))
    assert _spec(docs, workdir / "b.yaml") == cold


def test_one_changed_page_changes_the_spec_as_without_a_cache(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(tmp_path / "docs")
    before = _spec(docs, workdir / "a.yaml")
    assert "What the thing2 weighs." in before
    page = docs / "resources" / "thing2.md"
    page.write_text(
        RESOURCE.format(name="thing2", field="colour", kind="String", verb="looks like"), "utf-8"
    )
    after = _spec(docs, workdir / "b.yaml")
    assert after != before
    assert "What the thing2 looks like." in after and "What the thing2 weighs." not in after
    assert "colour:" in after
    # the same docs in a fresh working directory (no cache at all) give the same text
    assert _spec_without_a_cache(docs, tmp_path, monkeypatch) == after


def test_an_unchanged_edit_time_is_not_a_change(tmp_path: Path, workdir: Path) -> None:
    """The key is the content, not the modification time: touching a page changes nothing."""
    docs = _docs(tmp_path / "docs")
    before = _spec(docs, workdir / "a.yaml")
    page = docs / "resources" / "thing1.md"
    page.write_bytes(page.read_bytes())
    assert _spec(docs, workdir / "b.yaml") == before


def test_the_benchmarks_two_edits_do_and_do_not_change_the_spec(
    tmp_path: Path, workdir: Path
) -> None:
    from bench.docs_spec import describe

    docs = _docs(tmp_path / "docs")
    before = _spec(docs, workdir / "a.yaml")
    page = docs / "resources" / "thing2.md"
    original = page.read_text("utf-8")
    page.write_text(original + "\nEdited by the benchmark (0).\n", "utf-8")
    assert _spec(docs, workdir / "b.yaml") == before
    page.write_text(describe(original, 1), "utf-8")
    after = _spec(docs, workdir / "c.yaml")
    assert "What the thing2 weighs. Edited by the benchmark (1)." in after
    assert after.replace(" Edited by the benchmark (1).", "") == before


def test_the_benchmarks_operation_edit_changes_the_spec_as_without_a_cache(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.docs_spec import add_operation_row, operation_page

    docs = _docs(tmp_path / "docs")
    before = _spec(docs, workdir / "a.yaml")
    page = operation_page(docs)
    page.write_text(add_operation_row(page.read_text("utf-8"), 7), "utf-8")
    after = _spec(docs, workdir / "b.yaml")
    assert "name: benchmark7" in after and "name: benchmark7" not in before
    assert _spec_without_a_cache(docs, tmp_path, monkeypatch) == after


def test_the_summary_says_how_a_run_was_answered(
    tmp_path: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.docs_spec import describe

    docs = _docs(tmp_path / "docs")
    endings = []
    for edit in (None, None, 1):
        if edit is not None:
            page = docs / "resources" / "thing2.md"
            page.write_text(describe(page.read_text("utf-8"), edit), "utf-8")
        _spec(docs, workdir / "a.yaml")
        summary = capsys.readouterr().out.strip().splitlines()[-1]
        ending = re.search(r"; \d+\.\d\ds(.*)$", summary)  # what follows the seconds
        assert ending is not None, summary
        endings.append(ending.group(1))
    assert endings == ["", " (cached)", " (patched)"]


def test_the_benchmarks_added_page_adds_its_endpoints_as_without_a_cache(
    tmp_path: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.docs_spec import added_page, operation_page

    docs = _docs(tmp_path / "docs")
    before = _spec(docs, workdir / "a.yaml")
    page = operation_page(docs)
    page.with_name("benchmark-added-3.md").write_text(added_page(page.read_text("utf-8"), 3))
    after = _spec(docs, workdir / "b.yaml")
    assert "/benchmark3" in after and "benchmark3" not in before
    assert _spec_without_a_cache(docs, tmp_path, monkeypatch) == after
