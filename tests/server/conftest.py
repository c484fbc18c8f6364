"""Fixtures for the server tests: the runtime loaded straight from ``templates/server/runtime``.

The runtime is static code copied verbatim into every generated package; loading it from the
templates lets its behaviour be tested without generating anything first.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUNTIME = Path(__file__).resolve().parents[2] / "templates" / "server" / "runtime"
NAME = "specdown_server_runtime"


def load_runtime() -> ModuleType:
    if NAME in sys.modules:
        return sys.modules[NAME]
    spec = importlib.util.spec_from_file_location(
        NAME, RUNTIME / "__init__.py", submodule_search_locations=[str(RUNTIME)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def rt() -> ModuleType:
    return load_runtime()


@pytest.fixture(scope="session")
def meetings_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The import root of the ``meetings`` package generated once from the inline test spec."""
    from tests.server.generated import generate
    from tests.server.test_generated import SPEC

    return generate(SPEC, tmp_path_factory.mktemp("meetings"), "meetings")
