"""The whole chain on damaged docs folders: mutated copies of the example API and the adversarial
docs → a spec that validates → a package whose every module compiles and imports."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from bench import fuzz
from generator.diagnostics import Severity
from generator.pipeline import docs_to_spec, spec_to_code

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "spec" / "docs", ROOT / "tests" / "adversarial" / "docs"]

IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."):
    importlib.import_module(module.name)
"""


def mutated_folder(target: Path, seed: int) -> int:
    """Copy every source page into ``target``, about half of them mutated; how many were."""
    rng = random.Random(seed)
    count = 0
    for source in SOURCES:
        for page in sorted(source.rglob("*.md")):
            data = page.read_bytes()
            if rng.random() < 0.5:
                data, _ = fuzz.mutate(rng, data.decode("utf-8"))
                count += 1
            destination = target / source.name / page.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
    return count


@pytest.mark.parametrize("seed", [1, 12, 40])  # 12: a 4,000-character name; 40: enum rows twice
def test_mutated_docs_give_a_valid_spec_and_working_code(tmp_path: Path, seed: int) -> None:
    docs = tmp_path / "docs"
    assert mutated_folder(docs, seed) > 5
    result = docs_to_spec(docs)
    assert not [d for d in result.diagnostics if d.code in {"M018", "O008"}], [
        d.format() for d in result.diagnostics if d.code in {"M018", "O008"}
    ]
    for item in result.diagnostics:  # every stage names a page of the folder and a line in it
        page = docs / item.path
        assert page.is_file(), item.format()
        lines = page.read_bytes().replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        assert 0 <= item.line <= lines, item.format()
    validate(result.document)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(result.text, encoding="utf-8")
    code = spec_to_code(spec, tmp_path / "out", package="chain")
    errors = [d.format() for d in code.diagnostics if d.severity is Severity.ERROR]
    assert not errors, errors
    root = tmp_path / "out"
    for path in root.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, "chain"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
