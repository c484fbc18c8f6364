"""Helpers for tests of generated servers: generate a package, import it, run it on loopback."""

from __future__ import annotations

import importlib
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def generate(spec: dict[str, Any] | Path, out: Path, package: str) -> Path:
    """Generate ``package`` from a spec (a dict or a file) into ``out``; the import root."""
    pytest.importorskip("generator.render.generate", reason="the render pipeline is not there yet")
    from generator.pipeline import spec_to_code

    if isinstance(spec, dict):
        path = out / "spec.json"
        out.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(spec), encoding="utf-8")
        spec = path
    result = spec_to_code(spec, out / "pkg", package=package)
    errors = [d.format() for d in result.diagnostics if d.severity.name == "ERROR"]
    assert result.files and not errors, errors
    root = out / "pkg"
    return root / "src" if (root / "src" / package).is_dir() else root


@contextmanager
def imported(root: Path, package: str) -> Iterator[ModuleType]:
    """The generated package, importable while the context lasts."""
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn on 127.0.0.1 at a free port; yield its base URL; stop it."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
