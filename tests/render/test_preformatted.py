"""Jobs that claim ``formatted=True`` skip black: their text must be exactly what black would write,
for any package name (a name long enough to push a line past black's limit sends the file to black)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.codegen.build import build_api
from generator.codegen.loader import load_document
from generator.diagnostics import DiagnosticSink
from generator.render import generate
from generator.render.black import LINE_LENGTH, format_source
from generator.render.env import environment
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
    for job, text in jobs:
        if generate._needs_black(job, text):
            assert max(len(line) for line in text.splitlines()) > LINE_LENGTH
            continue
        assert format_source(text) == text, f"{job.path} is not black-formatted ({package})"


def test_a_formatted_job_with_a_long_line_goes_through_black() -> None:
    job = RenderJob("x.py", "t", formatted=True)
    assert not generate._needs_black(job, "x = 1\n")
    assert generate._needs_black(job, f"x = {'1 + ' * 40}1\n")
    assert generate._needs_black(RenderJob("y.py", "t"), "x = 1\n")


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
    files = generate.render_files(api, sink)
    (problem,) = [d for d in sink.items if d.code == "G006"]
    assert problem.path in files and files[problem.path].endswith("\n")
