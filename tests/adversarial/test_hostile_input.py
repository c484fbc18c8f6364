"""Hostile input end to end: the adversarial docs folder (tests/adversarial/docs) and the hostile spec
(tests/adversarial/specs/hostile.json) — quotes, backslashes, template syntax, ``</script>``, NUL, bidi
overrides, emoji in descriptions; keywords, builtins, dunders, ``self``/``cls``, dashes, dots,
spaces, leading digits, case-only differences, ``../../x`` and very long names; cyclic inheritance, a
type containing itself, duplicate properties, an enum with ``c`` and ``C``, odd path characters.

For each: the spec is valid, models, client and server compile and import (in a fresh interpreter,
whose working directory must stay empty: nothing in a description runs), one ``mypy --strict`` run is
clean, the original text survives into docstrings and wire names, and nothing is written outside the
output directory.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from generator.diagnostics import Severity
from generator.pipeline import docs_to_spec, spec_to_code

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
SPEC = HERE / "specs" / "hostile.json"
#: Cyclic allOf on its own: openapi-spec-validator itself recurses forever on it.
CYCLIC = HERE / "specs" / "cyclic.json"

IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = sorted(m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."))
for name in names:
    importlib.import_module(name)
for name in getattr(package, "__all__", []):
    getattr(package, name)
print(len(names))
"""


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path → sha256), directories as ``dir/``."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            found[os.path.relpath(os.path.join(folder, name), root) + "/"] = ""
        for name in files:
            full = os.path.join(folder, name)
            found[os.path.relpath(full, root)] = hashlib.sha256(Path(full).read_bytes()).hexdigest()
    return found


class Generated:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.docs_spec = base / "docs.yaml"
        self.packages: dict[str, Path] = {}  # package name → import root
        self.diagnostics: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    base = tmp_path_factory.mktemp("adversarial")
    out = Generated(base)
    spec = docs_to_spec(DOCS)
    out.diagnostics["docs"] = [d.format() for d in spec.diagnostics]
    out.docs_spec.write_text(spec.text, encoding="utf-8")
    sources = (("hostile_docs", out.docs_spec), ("hostile_spec", SPEC), ("cyclic_spec", CYCLIC))
    for package, source in sources:
        parent = base / f"{package}_parent"
        (parent / "neighbour").mkdir(parents=True)
        (parent / "neighbour" / "keep.txt").write_text("untouched")
        before = tree(parent)
        result = spec_to_code(source, parent / "out", package=package)
        out.diagnostics[package] = [d.format() for d in result.diagnostics]
        errors = [d.format() for d in result.diagnostics if d.severity is Severity.ERROR]
        assert not errors, errors
        after = tree(parent)
        outside = {k: v for k, v in after.items() if not k.startswith("out/") and k != "out/"}
        assert outside == before, "a file was written outside the output directory"
        root = parent / "out"
        out.packages[package] = root / "src" if (root / "src" / package).is_dir() else root
    return out


def test_docs_give_a_valid_spec_with_the_expected_reports(generated: Generated) -> None:
    validate(json.loads(json.dumps(_yaml(generated.docs_spec))))
    messages = generated.diagnostics["docs"]
    assert any("[O005]" in m and "cyclea.md" in m for m in messages), messages  # cyclic inheritance
    assert any("[M019]" in m and "'duplicate'" in m for m in messages), messages  # duplicate row
    assert any("[M007]" in m and "dotdot.md" in m for m in messages), messages  # ../../x: no type
    assert not any("[O008]" in m for m in messages), messages


def test_hostile_spec_is_valid_and_reports_its_defects(generated: Generated) -> None:
    validate(json.loads(SPEC.read_text(encoding="utf-8")))
    messages = generated.diagnostics["cyclic_spec"]
    assert any("CycleB/allOf/0" in m and "cyclic" in m for m in messages), messages


def test_every_module_imports_and_nothing_in_a_description_runs(
    generated: Generated, tmp_path: Path
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    for package, root in generated.packages.items():
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run(
            [sys.executable, "-c", IMPORT_ALL, package],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, f"{package}: {run.stderr[-3000:]}"
        assert int(run.stdout) >= 10
        assert list(cwd.iterdir()) == [], "importing the package wrote files (code ran)"
        assert not list(root.rglob("PWNED*"))


def test_generated_sources_hold_no_statement_from_a_description(generated: Generated) -> None:
    """The text that would run if a literal ended early is, in every module, only inside strings."""
    for root in generated.packages.values():
        for path in root.rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            module = ast.parse(source)  # compiles
            for node in ast.walk(module):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    assert node.func.attr != "write_text", f"{path}: {ast.unparse(node)}"
                if isinstance(node, ast.Raise) and node.exc is not None:
                    assert "SystemExit" not in ast.unparse(node.exc), f"{path}"


def test_mypy_strict_over_every_package(generated: Generated) -> None:
    packages = [str(root / name) for name, root in generated.packages.items()]
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        capture_output=True,
        text=True,
        check=False,
        cwd=generated.base,
    )
    assert run.returncode == 0, run.stdout[-5000:]


def _import(generated: Generated, package: str, module: str) -> Any:
    """Import ``package.module`` in this process, from the generated root."""
    import importlib

    root = str(generated.packages[package])
    sys.path.insert(0, root)
    try:
        return importlib.import_module(f"{package}.{module}")
    finally:
        sys.path.remove(root)


@pytest.fixture
def forget() -> Any:
    yield
    for name in [
        n for n in sys.modules if n.split(".")[0] in {"hostile_docs", "hostile_spec", "cyclic_spec"}
    ]:
        del sys.modules[name]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines())


def _doc(obj: Any) -> str:
    return obj.__doc__ or ""


def test_descriptions_survive_exactly_into_docstrings(generated: Generated, forget: Any) -> None:
    document = json.loads(SPEC.read_text(encoding="utf-8"))
    hostile = document["components"]["schemas"]["Hostile"]
    models = _import(generated, "hostile_spec", "models")
    cls = models.Hostile
    assert hostile["description"] in _doc(cls)
    source = Path(sys.modules[cls.__module__].__file__ or "").read_text(encoding="utf-8")
    constants = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    stripped = {_lines(constant) for constant in constants}
    for wire, schema in hostile["properties"].items():
        if "description" in schema:
            # attribute docstrings are indented to the class body: compare line by line
            assert _lines(schema["description"]) in stripped, (wire, schema["description"])
    enum = document["components"]["schemas"]["case"]
    case = models.Case
    assert enum["description"] in _doc(case)  # NUL survives (escaped in source)
    assert [member.value for member in case] == enum["enum"]  # c and C both kept


def test_wire_names_round_trip_exactly(generated: Generated, forget: Any) -> None:
    document = json.loads(SPEC.read_text(encoding="utf-8"))
    hostile = document["components"]["schemas"]["Hostile"]
    models = _import(generated, "hostile_spec", "models")
    payload: dict[str, Any] = {
        wire: f"value of {wire}"
        for wire, schema in hostile["properties"].items()
        if schema.get("type") == "string"
    }
    payload["mode"] = "C"
    payload["itself"] = {"class": "inner", "children": [{"self": "leaf"}]}
    instance = models.Hostile.from_dict(payload)
    assert instance.to_dict() == payload
    odd = models.__dict__.get("X") or _class_for(models, document, "../../x")
    assert odd.from_dict({"../../y": "a", "/etc/passwd": 1}).to_dict() == {
        "../../y": "a",
        "/etc/passwd": 1,
    }


def _class_for(models: Any, document: dict[str, Any], schema: str) -> Any:
    """The generated class whose docstring carries the schema's description."""
    wanted = document["components"]["schemas"][schema]["description"]
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and wanted in _doc(value):
            return value
    raise AssertionError(f"no class for {schema!r}")


def test_docs_text_survives_into_models(generated: Generated, forget: Any) -> None:
    models = _import(generated, "hostile_docs", "models")
    hostile = models.Hostile
    assert "A type with triple quotes \"\"\" and ''' and a backslash \\ in the middle." in _doc(
        hostile
    )
    source = Path(sys.modules[hostile.__module__].__file__ or "").read_text(encoding="utf-8")
    constants = " ".join(
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )
    for text in (
        'Docstring breaker: """; raise SystemExit("description executed"); """',
        "Backslashes: C:\\new\\table and \\x00 and \\N{BULLET} and \\u0041",
        "Template: {{ 7 * 7 }} and {% raw %}{% endraw %} and {# comment #}",
        "Script: </script><script>alert(1)</script>",
        "RTL override: abc\u202edcba",
        "Emoji: 🦄🚀 and CJK 日本語",
    ):
        assert text in constants, text
    wire: dict[str, Any] = {"class": "a", "__class__": "b", "dash-name": "c", "dot.name": "d"}
    wire |= {"1leading": "e", "Name": "f", "name": "g", "self": {"id": "x"}, "mode": "c"}
    assert hostile.from_dict(wire).to_dict() == wire
    assert [m.value for m in models.CaseEnum] == ["c", "C", "class", "with-dash"]


def _yaml(path: Path) -> Any:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _constants(root: Path) -> str:
    return "\n".join(
        node.value
        for path in sorted(root.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_operation_text_and_wire_names_survive_in_client_and_server(generated: Generated) -> None:
    document = json.loads(SPEC.read_text(encoding="utf-8"))
    [path] = [p for p in document["paths"] if p.startswith("/odd/")]
    operation = document["paths"][path]["get"]
    package = generated.packages["hostile_spec"] / "hostile_spec"
    for product in ("client", "server"):
        text = _constants(package / product)
        for wanted in (operation["description"], operation["summary"], path, 'X-Odd"Header'):
            assert wanted in text, (product, wanted)


def test_black_leaves_every_hostile_module_unchanged(generated: Generated) -> None:
    """Layout writes black's form (or leaves a module to black) even for hostile names and text."""
    from generator.render.black import format_source

    changed = []
    for package, root in generated.packages.items():
        for module in sorted((root / package).rglob("*.py")):
            text = module.read_text(encoding="utf-8")
            if format_source(text) != text:
                changed.append(str(module.relative_to(root)))
    assert changed == []
