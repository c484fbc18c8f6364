"""``specdown COMMAND --help`` explains every argument and the exit codes."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import build_parser


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


@pytest.mark.parametrize("name", ["spec", "generate", "serve"])
def test_every_argument_has_help(name: str) -> None:
    command = _commands()[name]
    undocumented = [
        action.dest for action in command._actions if action.help in (None, "", argparse.SUPPRESS)
    ]
    assert undocumented == []


@pytest.mark.parametrize("name", ["spec", "generate"])
def test_help_gives_the_exit_codes(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([name, "--help"])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "exit codes: 0 success; 1" in out and "2 usage errors" in out
