"""``specdown serve SPEC --mock``: a real process on loopback, started and stopped by the test."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.server.generated import free_port
from tests.server.test_generated import SPEC

ROOT = Path(__file__).resolve().parents[2]


def test_serve_mock_answers_documented_examples(tmp_path: Path) -> None:
    pytest.importorskip("generator.render.generate", reason="the render pipeline is not there yet")
    spec = tmp_path / "meetings.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", str(spec), "--mock", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            try:
                response = httpx.get(f"{base}/users/u/onlineMeetings/m", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "specdown serve did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert response.json() == {"id": "m1", "subject": "Example"}
        bad = httpx.post(f"{base}/users/u/onlineMeetings/createOrGet", json={}, timeout=5)
        assert bad.status_code == 400
        assert bad.json()["error"]["target"] == "body.externalId"
        assert httpx.get(f"{base}/openapi.json", timeout=5).json()["info"]["title"] == "Meetings"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_reports_a_missing_spec(tmp_path: Path) -> None:
    from generator.cli import main

    assert main(["serve", str(tmp_path / "absent.yaml"), "--mock"]) == 2
