"""The generated client calls every operation of an API against its generated mock over loopback.

For the project's example API (``spec/openapi.yaml``, when committed) and the inline meetings API:
arguments are synthesised from the parameter and body schemas, results must come back typed.
"""

from __future__ import annotations

import collections.abc
import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest

from tests.server.generated import generate, imported, serving

EXAMPLE_API = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"


def call_every_operation(package: str) -> dict[str, Any]:
    """operationId → result, for every operation, through the flat client methods."""
    client_module: Any = importlib.import_module(f"{package}.client")
    app_module: Any = importlib.import_module(f"{package}.server.app")
    operations: Any = importlib.import_module(f"{package}.server.operations").OPERATIONS
    mock: Any = importlib.import_module(f"{package}.server._runtime.mock")
    spec = app_module.load_spec()
    results: dict[str, Any] = {}
    with (
        serving(app_module.create_mock_app()) as base_url,
        client_module.Client(base_url) as client,
    ):
        for op in operations:
            kwargs = {
                p.key: mock.synthesise(spec, p.schema) if p.schema else "x"
                for p in op.params
                if p.required
            }
            if op.body is not None and op.body.required:
                kwargs["body"] = mock.synthesise(spec, op.body.schema) if op.body.schema else b""
            result = getattr(client, op.handler)(**kwargs)
            if isinstance(result, collections.abc.Iterator):
                result = list(result)
            results[op.operation_id] = (op, result)
    return results


def assert_typed(package: str, results: dict[str, Any]) -> None:
    """JSON results are models (or what the service method's annotation says), never raw dicts."""
    services: Any = importlib.import_module(f"{package}.server.services")
    for operation_id, (op, result) in results.items():
        if op.encode is None:
            continue
        method = getattr(getattr(services, op.service), op.handler)
        annotation = str(inspect.signature(method).return_annotation)
        for item in result if isinstance(result, list) else [result]:
            if isinstance(item, dict):
                assert "dict" in annotation or "Any" in annotation, (operation_id, annotation)
            elif hasattr(type(item), "from_dict"):
                assert type(item).__module__.startswith(f"{package}.models"), operation_id


def test_every_operation_of_the_inline_api(meetings_root: Path) -> None:
    with imported(meetings_root, "meetings"):
        results = call_every_operation("meetings")
        assert_typed("meetings", results)
    assert len(results) == 6
    _, meeting = results["getOnlineMeeting"]
    assert type(meeting).__name__ == "OnlineMeeting" and meeting.subject == "Example"


def test_every_operation_of_the_example_api(tmp_path: Path) -> None:
    if not EXAMPLE_API.is_file():
        pytest.skip("spec/openapi.yaml is not committed yet")
    root = generate(EXAMPLE_API, tmp_path, "example_api")
    with imported(root, "example_api"):
        results = call_every_operation("example_api")
        assert_typed("example_api", results)
    assert results
