"""Random specs with hostile names and text (hypothesis): spec → code never raises, reports problems
as diagnostics, and gives a package whose every module compiles, imports and is in black's layout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Severity
from generator.pipeline import spec_to_code
from generator.render.black import format_source

pytestmark = pytest.mark.slow

#: Examples per run; raise it to hunt (SPECDOWN_FUZZ_EXAMPLES=200).
EXAMPLES = int(os.environ.get("SPECDOWN_FUZZ_EXAMPLES", "12"))

NASTY = ['"""', "'''", "\\", "{{", "}}", "{%", "</script>", "\x00", "\u202e", "🦄", "\n", "\t", "-"]
HOSTILE_NAMES = [
    "class", "self", "cls", "__init__", "__class__", "None", "list", "type", "a-b", "a.b", "a b",
    "1a", "A", "a", "../../x", "@odata.type", "", "_", "to_dict", "x" * 300,
]  # fmt: skip
NAMES = st.one_of(st.sampled_from(HOSTILE_NAMES), st.text(min_size=1, max_size=12))
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=6).map("".join)
PRIMITIVES = st.sampled_from(
    [{"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"},
     {"type": "string", "format": "date-time"}, {"type": "array", "items": {"type": "string"}},
     {"type": "object", "additionalProperties": {"type": "integer"}}, {}]
)  # fmt: skip

IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."):
    importlib.import_module(module.name)
"""


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(NAMES, min_size=1, max_size=5, unique=True))
    schemas: dict[str, Any] = {}
    for name in names:
        props: dict[str, Any] = {}
        for prop in draw(st.lists(NAMES, max_size=5, unique=True)):
            kind = draw(st.integers(0, 3))
            if kind == 0:
                target = draw(st.sampled_from(names)).replace("~", "~0").replace("/", "~1")
                props[prop] = {"$ref": f"#/components/schemas/{target}"}
            elif kind == 1:
                props[prop] = {
                    "type": "string",
                    "enum": draw(st.lists(TEXT, min_size=1, max_size=4)),
                }
            else:
                props[prop] = {**draw(PRIMITIVES), "description": draw(TEXT)}
        schemas[name] = {"type": "object", "description": draw(TEXT), "properties": props}
    first = names[0].replace("~", "~0").replace("/", "~1")
    path = "/" + draw(TEXT).replace("{", "").replace("}", "") + "/{id}"
    operation = {
        "operationId": draw(NAMES),
        "summary": draw(TEXT),
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {
                "description": draw(TEXT),
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{first}"}}
                },
            }
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": draw(TEXT) or "t", "version": "1", "description": draw(TEXT)},
        "paths": {path: {"get": operation}},
        "components": {"schemas": schemas},
    }


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(specs())
def test_random_hostile_specs_generate_importable_code(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        source = base / "spec.json"
        source.write_text(json.dumps(spec), encoding="utf-8")
        result = spec_to_code(source, base / "out", package="fuzzed")
        errors = [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]
        assert not errors, errors
        for path in (base / "out").rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            compile(text, str(path), "exec")
            assert format_source(text) == text, f"{path.name} is not in black's layout"
        run = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, "fuzzed"],
            cwd=base / "out",
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr[-3000:]
        assert sorted(p.name for p in base.iterdir()) == ["out", "spec.json"]
