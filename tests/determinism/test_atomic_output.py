"""Atomic generation through the CLI: a crash halfway (while rendering, while writing) leaves the
previous output byte for byte, with no temporary directories beside it; ``--check`` never writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import cli
from generator.render import generate, writer
from tests.determinism.trees import stat_tree, tree_hash

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Atomic", "version": "1"},
    "paths": {
        "/pets/{id}": {
            "get": {
                "operationId": "getPet",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}
    },
}


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, Path]:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    out = tmp_path / "parent" / "out"
    assert cli.main(["generate", str(spec), "-o", str(out), "--package", "atomic", "-q"]) == 0
    changed = json.loads(json.dumps(SPEC))
    changed["components"]["schemas"]["Pet"]["properties"]["age"] = {"type": "integer"}
    spec.write_text(json.dumps(changed), encoding="utf-8")
    return spec, out


def _generate(spec: Path, out: Path, *extra: str) -> int:
    return cli.main(["generate", str(spec), "-o", str(out), "--package", "atomic", "-q", *extra])


def test_crash_while_writing_keeps_the_previous_output(
    generated: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, out = generated
    before = tree_hash(out.parent)
    written: list[str] = []

    def crashing_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if len(written) == 5:
            raise RuntimeError("simulated crash halfway through writing")
        written.append(str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(writer, "open", crashing_open, raising=False)
    with pytest.raises(RuntimeError, match="simulated crash"):
        _generate(spec, out)
    assert len(written) == 5, "the crash happened after some files were written"
    assert tree_hash(out.parent) == before, "the previous output changed, or a temp dir was left"
    monkeypatch.undo()
    assert _generate(spec, out) == 0
    assert tree_hash(out.parent) != before  # a later run replaces it as a whole


def test_crash_while_rendering_keeps_the_previous_output(
    generated: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, out = generated
    before = tree_hash(out.parent)

    def crashing_format(texts: list[str], cache: Path | None = None) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(generate, "format_many", crashing_format)
    with pytest.raises(KeyboardInterrupt):
        _generate(spec, out)
    assert tree_hash(out.parent) == before


def test_failure_during_the_swap_keeps_the_previous_output(
    generated: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, out = generated
    before = tree_hash(out.parent)
    real_replace = writer.os.replace
    calls: list[str] = []

    def second_replace_fails(src: Any, dst: Any) -> None:
        if not str(dst).startswith(str(out.parent)):  # e.g. the black cache
            return real_replace(src, dst)
        calls.append(str(dst))
        if len(calls) == 2:  # the old tree is moved aside; moving the new one in fails
            raise OSError("simulated failure")
        return real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", second_replace_fails)
    assert _generate(spec, out) == 1  # reported (G005), not a traceback
    assert len(calls) == 3  # aside, in (failed), back
    assert tree_hash(out.parent) == before, sorted(p.name for p in out.parent.iterdir())


def test_check_never_writes(generated: tuple[Path, Path]) -> None:
    spec, out = generated
    before = stat_tree(out.parent)
    assert _generate(spec, out, "--check") == 1  # stale
    assert stat_tree(out.parent) == before
    missing = out.parent / "missing"
    assert _generate(spec, missing, "--check") == 1
    assert not missing.exists()
    assert stat_tree(out.parent) == before


def test_spec_check_never_writes(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "spec" / "docs"
    target = tmp_path / "openapi.yaml"
    assert cli.main(["spec", str(docs), "-o", str(target), "--check", "-q"]) == 1
    assert not target.exists()
    target.write_text("stale", encoding="utf-8")
    before = stat_tree(tmp_path)
    assert cli.main(["spec", str(docs), "-o", str(target), "--check", "-q"]) == 1
    assert stat_tree(tmp_path) == before
