"""Acceptance: every third-party spec in ../shared/openapi-specs generates a package that compiles,
imports module by module, is black-clean and passes ``mypy --strict`` (one mypy run over all)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.codegen.naming import module_name
from generator.diagnostics import Severity
from generator.pipeline import spec_to_code

pytestmark = pytest.mark.slow

IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
for name in names:
    importlib.import_module(name)
for name in getattr(package, "__all__", []):
    getattr(package, name)
print(len(names))
"""


@pytest.fixture(scope="module")
def generated(third_party_specs: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("third_party")
    roots = []
    for spec in sorted(third_party_specs.glob("*.y*ml")):
        package = module_name(spec.stem)
        result = spec_to_code(spec, out / package, package=package, check=False)
        errors = [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]
        assert not errors, f"{spec.name}: {errors}"
        roots.append(out / package)
    return roots


def test_every_module_imports(generated: list[Path]) -> None:
    for root in generated:
        run = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, root.name],
            cwd=root,
            capture_output=True,
            check=False,
            text=True,
        )
        assert run.returncode == 0, f"{root.name}: {run.stderr[-3000:]}"
        assert int(run.stdout) > 3


def test_black_clean(generated: list[Path]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", "--target-version", "py311", *generated],
        capture_output=True,
        check=False,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]


def test_mypy_strict(generated: list[Path]) -> None:
    packages = [str(root / root.name) for root in generated]
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        check=False,
        text=True,
        cwd=generated[0].parent,
    )
    assert run.returncode == 0, run.stdout[-5000:]


def test_ruff_clean_models(generated: list[Path]) -> None:
    """ruff's default rules on what this product writes (client and server are checked by theirs)."""
    paths = [
        str(root / root.name / part)
        for root in generated
        for part in ("models", "_runtime.py", "__init__.py")
    ]
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", *paths],
        capture_output=True,
        check=False,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-5000:]


def test_no_unused_or_undefined_names_and_sorted_imports_anywhere(generated: list[Path]) -> None:
    """Pyflakes' rules (unused imports, undefined names) and isort's order on every product."""
    run = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", "E9,F,I"]
        + [str(root) for root in generated],
        capture_output=True,
        check=False,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-5000:]
