"""Generate a package from an inline spec into a temporary directory and import it."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.diagnostics import Diagnostic
from generator.pipeline import spec_to_code


def generate(spec: Mapping[str, Any], out: Path, package: str) -> list[Diagnostic]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    result = spec_to_code(path, out / "pkg", package=package, check=False)
    return result.diagnostics


@contextmanager
def imported(out: Path, package: str) -> Iterator[ModuleType]:
    """Import the generated ``package`` from ``out/pkg``; forget it (and its modules) afterwards."""
    root = str(out / "pkg")
    sys.path.insert(0, root)
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(root)
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


def spec(schemas: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Test", "version": "1.0"},
        "paths": {},
        "components": {"schemas": dict(schemas)},
        **extra,
    }
