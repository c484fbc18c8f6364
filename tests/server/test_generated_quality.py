"""Acceptance 3: for every spec, the generated server compiles, imports, passes mypy --strict, is black clean.

mypy follows the server's imports into the models; errors there belong to the models' own tests,
so only errors in ``server/`` files (and in the user's implementation) count here.
"""

from __future__ import annotations

import compileall
import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.server.generated import generate, imported
from tests.server.test_generated import IMPLEMENTATION

BIN = Path(sys.executable).parent
SPECS = [
    "petstore.yaml",
    "petstore_expanded.yaml",
    "graph_onlinemeetings.yml",
    "graph_mail.yml",
    "openai.yaml",
]


def check_server(root: Path, package: str, *extra: Path) -> None:
    server = root / package / "server"
    assert compileall.compile_dir(server, quiet=1, force=True)
    with imported(root, package):
        app = importlib.import_module(f"{package}.server.app")
        services = importlib.import_module(f"{package}.server.services")
        for name in services.__all__:
            assert isinstance(getattr(services, name), type)
        app.create_mock_app()
    black = subprocess.run(
        [str(BIN / "black"), "--check", "--quiet", str(server)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert black.returncode == 0, black.stderr
    mypy = subprocess.run(
        [
            str(BIN / "mypy"),
            "--strict",
            "--no-incremental",
            "--follow-imports=silent",
            "-p",
            f"{package}.server",
            *map(str, extra),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    errors = [line for line in mypy.stdout.splitlines() if ": error:" in line]
    assert not errors, "\n".join(errors[:30])


def test_inline_spec_server_and_a_user_implementation_type_check(
    meetings_root: Path, tmp_path: Path
) -> None:
    user = tmp_path / "my_meetings.py"
    user.write_text(IMPLEMENTATION, encoding="utf-8")
    check_server(meetings_root, "meetings", user)


@pytest.mark.slow
@pytest.mark.parametrize("name", SPECS)
def test_third_party_spec_server(third_party_specs: Path, tmp_path: Path, name: str) -> None:
    package = "api_" + name.split(".", maxsplit=1)[0]
    root = generate(third_party_specs / name, tmp_path, package)
    check_server(root, package)


def test_mock_answers_conform_for_graph_mail(third_party_specs: Path, tmp_path: Path) -> None:
    """Every mock answer of Microsoft's Mail module has the documented status and validates."""
    root = generate(third_party_specs / "graph_mail.yml", tmp_path, "mail")
    with imported(root, "mail"):
        spec: Any = importlib.import_module("mail.server.app").load_spec()
        operations: Any = importlib.import_module("mail.server.operations").OPERATIONS
        mock: Any = importlib.import_module("mail.server._runtime.mock")
        problems = []
        for op in operations:
            response = mock.mock_response(spec, op)
            assert response.status_code == op.status
            where, _ = spec.follow(f"{op.pointer}/responses/{op.status}")
            if not response.body or response.media_type != "application/json":
                continue
            schema = f"{where}/content/application~1json/schema"
            for problem in spec.violations(schema, json.loads(response.body), strict=True) or ():
                problems.append(f"{op.operation_id}: {problem}")
        assert len(operations) == 125
        assert not problems, problems[:10]
