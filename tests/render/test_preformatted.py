"""Jobs that claim ``formatted=True`` skip black: their text, once :func:`layout` has split its long
lines, must be exactly what black would write, for any package name."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.codegen.build import build_api
from generator.codegen.loader import load_document
from generator.diagnostics import DiagnosticSink
from generator.render import generate, layout_memo
from generator.render.black import LINE_LENGTH, format_source
from generator.render.env import environment
from generator.render.layout import layout
from generator.render.products import RenderJob, discover

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
NAMES = ("a", "onlinemeetings", "a_rather_long_package_name_for_the_generated_code")


def _formatted_jobs(package: str) -> list[tuple[RenderJob, str]]:
    sink = DiagnosticSink()
    document = load_document(SPEC, sink)
    assert document is not None
    api = build_api(document, package=package, source=str(SPEC), sink=sink)
    env = environment()
    found = []
    for product in discover():
        for job in product.files(api, sink):
            if job.formatted:
                context = {**job.context, "api": api, "package": package}
                found.append((job, env.get_template(job.template).render(context)))
    return found


@pytest.mark.parametrize("package", NAMES)
def test_formatted_jobs_are_what_black_writes(package: str) -> None:
    jobs = _formatted_jobs(package)
    assert len(jobs) >= 15  # the client, server and models runtimes
    laid_out = 0
    for job, text in jobs:
        if not job.path.endswith(".py"):
            continue
        result = layout(text)
        if result is None:  # a long line of a shape layout leaves to black
            assert max(len(line) for line in text.splitlines()) > LINE_LENGTH
            continue
        laid_out += 1
        assert format_source(result) == result, f"{job.path} is not black's layout ({package})"
    assert laid_out >= 15


def test_code_black_rejects_is_a_diagnostic_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template bug that renders invalid Python reports G006 and keeps the text as rendered."""
    from generator.render.black import format_many

    good, bad = "x = ( 1 )\n", "def broken(:\n"
    assert format_many([good, bad], cache=tmp_path) == ["x = 1\n", None]
    sink = DiagnosticSink()
    document = load_document(SPEC, sink)
    assert document is not None
    api = build_api(document, package="pkg", source=str(SPEC), sink=sink)
    real = generate.format_many

    def one_fails(texts: list[str], cache: Path | None = None) -> list[str | None]:
        done = real(texts, cache=cache)
        return [None, *done[1:]]

    monkeypatch.setattr(generate, "format_many", one_fails)
    monkeypatch.setattr(layout_memo, "layout", lambda text: None)  # every module through black
    files = generate.render_files(api, sink)
    (problem,) = [d for d in sink.items if d.code == "G006"]
    assert problem.path in files and files[problem.path].endswith("\n")


MULTILINE = {
    "openapi": "3.0.3",
    "info": {"title": '  \n Multi\n   line title "" ', "version": "1"},
    "paths": {
        "/a/{id}": {
            "get": {
                "operationId": "getA",
                "tags": ["tag\n  with\nnewline ", "  "],
                "summary": "  s\n  t",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/b": {"get": {"tags": ['ends with quote"'], "responses": {"204": {"description": "x"}}}},
    },
    "components": {
        "schemas": {
            "S": {
                "type": "object",
                "description": "\\\nbackslash first\n  " + "x" * 100 + '"',
                "properties": {"p": {"type": "string", "description": "  lead\n    more\n  less"}},
            }
        }
    },
}


def test_text_spliced_into_docstrings_keeps_blacks_layout(tmp_path: Path) -> None:
    """Titles, tags and descriptions with newlines, edge spaces, quotes and backslashes go into
    docstrings next to template text; black must still leave every module as it is."""
    import json

    from generator.pipeline import spec_to_code

    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(MULTILINE), encoding="utf-8")
    spec_to_code(spec, tmp_path / "out", package="titles", cache_dir=None)
    modules = sorted((tmp_path / "out" / "titles").rglob("*.py"))
    assert len(modules) > 30
    changed = [
        m.name for m in modules if format_source(m.read_text("utf-8")) != m.read_text("utf-8")
    ]
    assert changed == []
