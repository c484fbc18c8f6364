"""``bench.cold_floor`` on the example docs: markdown-it replayed gives the same pages, and the
parser is itself again afterwards."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import cold_floor
from generator.markdown.blocks import MD

DOCS = Path(__file__).resolve().parents[2] / "spec" / "docs"


def test_prints_every_stage_and_the_floor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["cold_floor", str(DOCS)])
    assert cold_floor.main() == 0
    out = capsys.readouterr().out
    for stage in ("parse  ", "markdown-it replayed", "build", "dump", "floor on"):
        assert stage in out
    assert "differ" not in out
    assert "parse" not in vars(MD.block) and "parse" not in vars(MD.inline)


def test_a_replayed_inline_parse_keeps_each_pages_reference_links() -> None:
    """The same cell on two pages whose reference definitions differ links to two places."""
    from generator.markdown.inline import parse_inline

    def href(references: dict[str, str]) -> str:
        env = {
            "references": {label: {"href": url, "title": ""} for label, url in references.items()}
        }
        return parse_inline(MD, "See [the user][user].", env).links[0][1]

    with cold_floor._replayed():
        assert href({"USER": "user.md"}) == "user.md"
        assert href({"USER": "other.md"}) == "other.md"


def test_a_missing_folder_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "argv", ["cold_floor", str(tmp_path / "none")])
    assert cold_floor.main() == 2
    assert "is not a directory" in capsys.readouterr().err
