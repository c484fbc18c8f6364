"""The last run's layouts answer the same module texts: same files, without laying them out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.codegen.build import build_api
from generator.codegen.loader import load_document
from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink
from generator.render import generate, layout_memo

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


def _api() -> Api:
    sink = DiagnosticSink()
    document = load_document(SPEC, sink)
    assert document is not None
    return build_api(document, package="pkg", source=str(SPEC), sink=sink)


def test_remembered_layouts_give_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second run lays nothing out, and gives the same files."""
    monkeypatch.setattr(generate, "PARALLEL_SIZE", 10**9)  # here, where the calls are seen
    api, memo = _api(), tmp_path / "layout"
    plain = generate.render_files(api, DiagnosticSink(), black_cache=None)
    first = generate.render_files(api, DiagnosticSink(), black_cache=None, layout_cache=memo)
    laid_out: list[str] = []
    layout = layout_memo.layout
    monkeypatch.setattr(
        layout_memo,
        "layout",
        lambda text: laid_out.append(text) or layout(text),  # type: ignore[func-returns-value]
    )
    second = generate.render_files(api, DiagnosticSink(), black_cache=None, layout_cache=memo)
    assert first == plain and second == plain
    assert laid_out == []


def test_both_processes_of_a_split_render_keep_their_layouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = _api()
    for size, folder in ((10**9, tmp_path / "one"), (0, tmp_path / "two")):
        monkeypatch.setattr(generate, "PARALLEL_SIZE", size)
        generate.render_files(api, DiagnosticSink(), black_cache=None, layout_cache=folder)
    one, two = (layout_memo.LayoutMemo(tmp_path / name).known for name in ("one", "two"))
    assert one == two and len(one) > 20


def test_a_memo_of_other_code_or_damaged_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = layout_memo.LayoutMemo(tmp_path)
    text = "x = 1\n"
    assert memo.layout(text) == "x = 1\n"
    memo.save(memo.used)
    assert layout_memo.LayoutMemo(tmp_path).known == memo.used
    monkeypatch.setattr(layout_memo, "_fingerprint", lambda: b"other code")
    assert layout_memo.LayoutMemo(tmp_path).known == {}
    monkeypatch.undo()
    (tmp_path / "layout.marshal").write_bytes(b"\x00damaged")
    assert layout_memo.LayoutMemo(tmp_path).known == {}
