"""Generate client packages into temporary directories and import them.

Generation (with black) takes seconds, so each spec is generated once per session; tests get the
imported ``<package>.client`` module and build clients over ``httpx.MockTransport``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import spec_to_code

Generate = Callable[[dict[str, Any] | Path, str], Path]


@pytest.fixture(scope="session")
def generate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generate]:
    """``generate(spec, package)`` → the output directory (on ``sys.path``), once per package."""
    done: dict[str, Path] = {}
    added: list[str] = []

    def run(spec: dict[str, Any] | Path, package: str) -> Path:
        if package in done:
            return done[package]
        out = tmp_path_factory.mktemp(f"gen_{package}")
        if isinstance(spec, dict):
            path = out / "spec.json"
            path.write_text(json.dumps(spec), encoding="utf-8")
            spec = path
        result = spec_to_code(spec, out / "pkg", package=package)
        errors = [d.format() for d in result.diagnostics if d.severity.name == "ERROR"]
        assert not errors, errors
        sys.path.insert(0, str(out / "pkg"))
        added.append(str(out / "pkg"))
        done[package] = out / "pkg"
        return out / "pkg"

    yield run
    for entry in added:
        sys.path.remove(entry)
