"""The committed ``generated/`` package is exactly what ``make generate`` makes from ``spec/openapi.yaml``."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.pipeline import spec_to_code
from generator.render.writer import existing_files

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
PACKAGE = "onlinemeetings"
GOLDEN = ROOT / "generated" / PACKAGE
REFRESH = "make generate  (or: specdown generate spec/openapi.yaml -o generated/onlinemeetings --package onlinemeetings)"


def _diff(name: str, old: bytes | None, new: bytes | None) -> str:
    before = (old or b"").decode("utf-8", "replace").splitlines(keepends=True)
    after = (new or b"").decode("utf-8", "replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, after, f"generated/{name}", f"fresh/{name}"))


def test_generated_package_is_up_to_date(tmp_path: Path) -> None:
    if not SPEC.is_file():
        pytest.skip("spec/openapi.yaml does not exist yet: nothing to compare generated/ with")
    if not GOLDEN.is_dir():
        pytest.fail(f"generated/{PACKAGE} is missing; run {REFRESH}")
    result = spec_to_code(SPEC, tmp_path / PACKAGE, package=PACKAGE, check=False)
    assert result.package == PACKAGE
    fresh = existing_files(tmp_path / PACKAGE)
    golden = existing_files(GOLDEN)
    stale = sorted(
        name for name in fresh.keys() | golden.keys() if fresh.get(name) != golden.get(name)
    )
    if stale:
        diffs = "\n".join(_diff(name, golden.get(name), fresh.get(name)) for name in stale)
        pytest.fail(f"generated/ is stale ({len(stale)} files); run {REFRESH}\n\n{diffs[:20000]}")


def test_check_mode_agrees_and_writes_nothing(tmp_path: Path) -> None:
    if not SPEC.is_file() or not GOLDEN.is_dir():
        pytest.skip("spec/openapi.yaml or generated/ does not exist yet")
    before = existing_files(GOLDEN)
    result = spec_to_code(SPEC, GOLDEN, package=PACKAGE, check=True)
    assert result.stale == [], f"stale: {result.stale}; run {REFRESH}"
    assert existing_files(GOLDEN) == before
