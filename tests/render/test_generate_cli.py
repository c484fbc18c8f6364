"""`specdown generate`: writes, `--check` exit codes, refuses a foreign directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Tiny API", "version": "2.0.1"},
    "paths": {},
    "components": {
        "schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}
    },
}


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    return path


def test_generate_then_check(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(spec), "-o", str(out), "-q"]) == 0
    assert (out / "tiny_api" / "models" / "pet.py").is_file()
    assert 'version = "2.0.1"' in (out / "pyproject.toml").read_text()
    assert main(["generate", str(spec), "-o", str(out), "--check", "-q"]) == 0
    (out / "tiny_api" / "models" / "pet.py").write_text("# edited\n")
    (out / "tiny_api" / "extra.py").write_text("")
    capsys.readouterr()
    assert main(["generate", str(spec), "-o", str(out), "--check", "-q"]) == 1
    printed = capsys.readouterr().out
    assert "stale: tiny_api/extra.py" in printed and "stale: tiny_api/models/pet.py" in printed
    assert "specdown generate" in printed
    assert (out / "tiny_api" / "models" / "pet.py").read_text() == "# edited\n", "--check wrote"


def test_refuses_to_replace_a_directory_it_did_not_generate(
    spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    assert main(["generate", str(spec), "-o", str(out), "-q"]) == 1
    assert "[G005]" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_unreadable_spec_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: [unclosed\n")
    assert main(["generate", str(bad), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert "[C001]" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cache_folder_options(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["generate", str(spec), "-o", str(tmp_path / "out"), "-q"]
    assert main([*args, "--no-cache"]) == 0
    assert not (tmp_path / ".specdown-cache").exists()
    assert main([*args, "--cache-dir", str(tmp_path / "mine")]) == 0
    assert any((tmp_path / "mine").rglob("*"))  # the parsed spec, black results
    assert not (tmp_path / ".specdown-cache").exists()


def test_two_processes_render_what_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The product split between a forked child and this process changes no byte or
    diagnostic (the example spec, rendered both ways)."""
    from generator.codegen.build import build_api
    from generator.codegen.loader import load_document
    from generator.diagnostics import DiagnosticSink
    from generator.render import generate

    spec = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
    sink = DiagnosticSink()
    document = load_document(spec, sink)
    assert document is not None
    api = build_api(document, package="pkg", source=str(spec), sink=sink)
    results = []
    for size in (10**9, 0):
        monkeypatch.setattr(generate, "PARALLEL_SIZE", size)
        run = DiagnosticSink()
        results.append((generate.render_files(api, run, black_cache=None), sorted(set(run.items))))
    assert results[0] == results[1]
    assert len(results[0][0]) > 50


def test_the_console_entry_point_exits_with_mains_code(spec: Path, tmp_path: Path) -> None:
    """python -m generator skips interpreter teardown: its output is still flushed and its exit
    code is main's."""
    import subprocess
    import sys

    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "files in" in done.stdout and (out / "tiny_api" / "models" / "pet.py").is_file()
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(tmp_path / "missing.json"), "-o", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "is not a file" in bad.stderr
