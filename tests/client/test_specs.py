"""The client for every third-party spec in ../shared/openapi-specs: imports, type-checks, is black-clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.client.conftest import Generate
from tests.client.specs import import_client

SPECS = {
    "petstore.yaml": "petstore",
    "petstore_expanded.yaml": "petstore_expanded",
    "graph_onlinemeetings.yml": "graph_onlinemeetings",
    "graph_mail.yml": "graph_mail",
    "openai.yaml": "openai_api",
}


def _tool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
@pytest.mark.parametrize("spec", sorted(SPECS))
def test_client_is_typed_and_formatted(
    spec: str, third_party_specs: Path, generate: Generate
) -> None:
    package = SPECS[spec]
    out = generate(third_party_specs / spec, package)
    client = import_client(package)
    assert client.Client.__name__ == "Client" and client.AsyncClient.__name__ == "AsyncClient"
    black = _tool("black", "--check", "-q", f"{package}/client", cwd=out)
    assert black.returncode == 0, black.stderr
    mypy = _tool(
        "mypy",
        "--strict",
        "--follow-imports=silent",
        "--no-incremental",
        f"{package}/client",
        cwd=out,
    )
    assert mypy.returncode == 0, mypy.stdout


def test_petstore_round_trip(third_party_specs: Path, generate: Generate) -> None:
    generate(third_party_specs / "petstore.yaml", "petstore")
    client_module = import_client("petstore")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "POST":
            return httpx.Response(201)
        if request.url.path.endswith("/pets"):
            return httpx.Response(200, json=[{"id": 1, "name": "Rex", "tag": "dog"}])
        return httpx.Response(200, json={"id": 2, "name": "Tom"})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with client_module.Client(http_client=http) as client:
        pets = client.list_pets(limit=10)
        assert [(p.id, p.name, p.tag) for p in pets] == [(1, "Rex", "dog")]
        assert str(seen[-1].url) == "http://petstore.swagger.io/v1/pets?limit=10"
        assert client.pets.by_id("2").get().name == "Tom"
        assert client.show_pet_by_id(pet_id="2").id == 2
        assert client.create_pets(body={"id": 3, "name": "Kit"}) is None
        assert seen[-1].content == b'{"id": 3, "name": "Kit"}'


def test_graph_onlinemeetings_paging(third_party_specs: Path, generate: Generate) -> None:
    generate(third_party_specs / "graph_onlinemeetings.yml", "graph_onlinemeetings")
    client_module = import_client("graph_onlinemeetings")

    def handler(request: httpx.Request) -> httpx.Response:
        if "$skip" in request.url.params:
            return httpx.Response(200, json={"value": [{"id": "b", "subject": "B"}]})
        return httpx.Response(
            200,
            json={
                "value": [{"id": "a", "subject": "A", "participants": {"attendees": []}}],
                "@odata.nextLink": "https://graph.microsoft.com/v1.0/users/u/onlineMeetings?$skip=1",
            },
        )

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = client_module.Client(http_client=http)
    meetings = client.users.by_id("u").online_meetings.list(select=["id", "subject"], top=1)
    assert [(m.id, m.subject) for m in meetings] == [("a", "A"), ("b", "B")]


def _schema_named(name: str) -> dict[str, object]:
    return {"type": "object", "properties": {"id": {"type": "string"}}, "title": name}


CLASHING_SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "Clash", "version": "1"},
    "paths": {
        "/operations/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {}}],
            "get": {
                "operationId": "operations.get",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Operation"}
                            }
                        },
                    }
                },
            },
            "post": {
                "operationId": "operations.clone",
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Client"}}
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Builder"}}
                        },
                    }
                },
            },
            "patch": {
                "operationId": "operations.update",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/OperationModel"}
                            }
                        },
                    }
                },
            },
        }
    },
    "components": {
        "schemas": {
            name: _schema_named(name)
            for name in ("Operation", "Client", "Builder", "OperationModel")
        }
    },
}


@pytest.mark.slow
def test_models_named_like_the_client_runtime_are_aliased(
    generate: Generate, tmp_path: Path
) -> None:
    """A model called Operation, Client or Builder must not shadow the client's own names."""
    out = generate(CLASHING_SPEC, "clash_api")
    client_module = import_client("clash_api")
    mypy = _tool(
        "mypy", "--strict", "--no-incremental", "clash_api/client", "clash_api/models", cwd=out
    )
    assert mypy.returncode == 0, mypy.stdout

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"id": request.method})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with client_module.Client("https://x.test", http_client=http) as client:
        assert type(client.operations_get(id="1")).__name__ == "Operation"
        found = client.operations.by_id("1").post(body={"id": "c"})
        assert type(found).__name__ == "Builder" and found.id == "POST"
        assert type(client.operations_update(id="1")).__name__ == "OperationModel"
