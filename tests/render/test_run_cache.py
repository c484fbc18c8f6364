"""``specdown generate`` answers an unchanged run from the last one, only when its output is intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import CodeResult, spec_to_code
from generator.render import run_cache

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    copy = tmp_path / "openapi.yaml"
    shutil.copy(SPEC, copy)
    return copy


def _generate(spec: Path, out: Path, cache: Path | None, **options: object) -> CodeResult:
    return spec_to_code(spec, out, package="meetings", cache_dir=cache, **options)  # type: ignore[arg-type]


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_an_unchanged_run_writes_nothing_and_reports_the_last(spec: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = _generate(spec, out, cache)
    tree = _tree(out)
    marker = (out / "pyproject.toml").stat().st_mtime_ns
    again = _generate(spec, out, cache)
    assert again.cached and not first.cached
    assert (again.files, again.diagnostics, again.package) == (
        first.files,
        first.diagnostics,
        first.package,
    )
    assert _tree(out) == tree and (out / "pyproject.toml").stat().st_mtime_ns == marker
    checked = _generate(spec, out, cache, check=True)
    assert checked.cached and checked.stale == []


@pytest.mark.parametrize("change", ["file edited", "file added", "file removed"])
def test_an_output_changed_by_hand_is_generated_again(
    spec: Path, tmp_path: Path, change: str
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    _generate(spec, out, cache)
    tree = _tree(out)
    module = out / "meetings" / "client" / "__init__.py"
    if change == "file edited":
        module.write_text(module.read_text("utf-8") + "# mine\n", "utf-8")
    elif change == "file added":
        (out / "meetings" / "extra.py").write_text("", "utf-8")
    else:
        module.unlink()
    stale = _generate(spec, out, cache, check=True)
    assert not stale.cached and stale.stale
    again = _generate(spec, out, cache)
    assert not again.cached and _tree(out) == tree


def test_the_spec_the_options_and_the_code_are_part_of_the_key(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    _generate(spec, out, cache)
    spec.write_text(spec.read_text("utf-8").replace("title:", "title: Renamed", 1), "utf-8")
    assert not _generate(spec, out, cache).cached
    assert _generate(spec, out, cache).cached
    other = spec_to_code(spec, out, package="other", cache_dir=cache)
    assert not other.cached and (out / "other").is_dir()
    monkeypatch.setattr(run_cache, "_fingerprint", lambda: b"other code")
    assert not spec_to_code(spec, out, package="other", cache_dir=cache).cached


def test_without_a_cache_every_run_renders(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _generate(spec, out, None)
    assert not _generate(spec, out, None).cached


def test_a_damaged_record_is_a_miss(spec: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    _generate(spec, out, cache)
    (record,) = (cache / "generate").iterdir()
    record.write_bytes(record.read_bytes()[:20])
    assert not _generate(spec, out, cache).cached
    assert _generate(spec, out, cache).cached
