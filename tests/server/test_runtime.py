"""The server runtime over ASGI: validation errors name the field, every error has the OData shape."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import httpx
import pytest

PETS: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
                    {
                        "name": "$select",
                        "in": "query",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Pets"},
                                "example": [{"id": 1, "name": "Rex", "tag": None}],
                            }
                        },
                    }
                },
            },
            "post": {
                "operationId": "createPet",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}
                    },
                },
                "responses": {"201": {"description": "created"}},
            },
        },
        "/pets/{pet-id}": {
            "get": {
                "operationId": "getPet",
                "parameters": [
                    {
                        "name": "pet-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Pet"},
                                "example": {"id": "not an integer"},
                            }
                        },
                    }
                },
            }
        },
        "/pets/count()": {
            "get": {
                "operationId": "countPets",
                "responses": {"200": {"description": "ok", "content": {"text/plain": {}}}},
            }
        },
        "/broken": {
            "get": {
                "operationId": "broken",
                "parameters": [{"name": "n", "in": "query", "schema": {"type": "int64"}}],
                "responses": {"204": {"description": "none"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "integer", "format": "int64"},
                    "name": {"type": "string", "minLength": 1},
                    "tag": {"type": "string", "nullable": True},
                    "born": {"type": "string", "format": "date-time"},
                    "owner": {"$ref": "#/components/schemas/Owner"},
                },
            },
            "Owner": {
                "type": "object",
                "required": ["email"],
                "properties": {
                    "email": {"type": "string", "format": "email"},
                    "pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
                },
            },
            "Pets": {"type": "array", "items": {"$ref": "#/components/schemas/Pet"}},
        }
    },
}


def operations(rt: ModuleType) -> tuple[Any, ...]:
    op, param, body = rt.Operation, rt.Param, rt.Body
    return (
        op(
            "listPets", "GET", "/pets", "/pets", "PetsService", "list_pets",
            "#/paths/~1pets/get", 200,
            params=(
                param("limit", "query", "limit", schema="#/paths/~1pets/get/parameters/0/schema"),
                param("$select", "query", "select", schema="#/paths/~1pets/get/parameters/1/schema"),
            ),
        ),
        op(
            "createPet", "POST", "/pets", "/pets", "PetsService", "create_pet",
            "#/paths/~1pets/post", 201,
            body=body(
                True, ("application/json",),
                schema="#/paths/~1pets/post/requestBody/content/application~1json/schema",
            ),
        ),
        op(
            "getPet", "GET", "/pets/{pet-id}", "/pets/{pet_id}", "PetsService", "get_pet",
            "#/paths/~1pets~1{pet-id}/get", 200,
            params=(
                param(
                    "pet-id", "path", "pet_id", required=True, route_key="pet_id",
                    schema="#/paths/~1pets~1{pet-id}/get/parameters/0/schema",
                ),
            ),
        ),
        op(
            "countPets", "GET", "/pets/count()", "/pets/count()", "PetsService", "count_pets",
            "#/paths/~1pets~1count()/get", 200,
        ),
        op(
            "broken", "GET", "/broken", "/broken", "OtherService", "broken",
            "#/paths/~1broken/get", 204,
            params=(param("n", "query", "n", schema="#/paths/~1broken/get/parameters/0/schema"),),
        ),
    )  # fmt: skip


def call(app: Any, requests: Iterable[tuple[str, str, dict[str, Any]]]) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return [await client.request(m, url, **kw) for m, url, kw in requests]

    return asyncio.run(run())


def one(app: Any, method: str, url: str, **kwargs: Any) -> httpx.Response:
    return call(app, [(method, url, kwargs)])[0]


def make_app(rt: ModuleType, *services: object, mock: bool = False, **kw: Any) -> Any:
    settings = rt.Settings(spec=rt.Spec(PETS), mock=mock, **kw)
    return rt.build_app(operations(rt), services, settings)


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert (
        {"code", "message", "details"}
        <= set(body["error"])
        <= {
            "code",
            "message",
            "details",
            "target",
        }
    )
    error: dict[str, Any] = body["error"]
    return error


class Pets:
    _service_name = "PetsService"

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def list_pets(self, **kwargs: Any) -> list[dict[str, Any]]:
        self.calls.append(("list_pets", kwargs))
        return [{"id": 1, "name": "Rex"}]

    async def create_pet(self, **kwargs: Any) -> None:
        self.calls.append(("create_pet", kwargs))


def test_parameters_are_converted_and_passed_by_python_name(rt: ModuleType) -> None:
    service = Pets()
    response = one(make_app(rt, service), "GET", "/pets?limit=5&$select=id,name")
    assert response.status_code == 200
    assert response.json() == [{"id": 1, "name": "Rex"}]
    assert service.calls == [("list_pets", {"limit": 5, "select": ["id", "name"]})]


@pytest.mark.parametrize(
    ("url", "target", "fragment"),
    [
        ("/pets?limit=abc", "query.limit", "not an integer"),
        ("/pets?limit=1000", "query.limit", "maximum of 100"),
        ("/pets/x", "path.pet-id", "not an integer"),
    ],
)
def test_bad_parameters_get_400_naming_the_parameter(
    rt: ModuleType, url: str, target: str, fragment: str
) -> None:
    response = one(make_app(rt, Pets()), "GET", url)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "BadRequest"
    assert target in error["message"]
    assert error["details"][0]["target"] == target
    assert fragment in error["details"][0]["message"]


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ({"id": 1}, "body.name"),
        ({"id": "1", "name": "x"}, "body.id"),
        ({"id": 1, "name": ""}, "body.name"),
        ({"id": 1, "name": "x", "owner": {"pets": [{"id": 2}]}}, "body.owner.email"),
        (
            {"id": 1, "name": "x", "owner": {"email": "e", "pets": [{"id": 2}]}},
            "body.owner.pets[0].name",
        ),
    ],
)
def test_bad_bodies_get_400_naming_the_field(
    rt: ModuleType, body: dict[str, Any], target: str
) -> None:
    service = Pets()
    response = one(make_app(rt, service), "POST", "/pets", json=body)
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert target in [d["target"] for d in error["details"]]
    assert error["message"].startswith("Invalid body: body.")
    assert error["target"] == error["details"][0]["target"]
    assert service.calls == []


def test_valid_body_with_null_for_a_nullable_field_is_accepted(rt: ModuleType) -> None:
    service = Pets()
    body = {"id": 1, "name": "x", "tag": None}
    response = one(make_app(rt, service), "POST", "/pets", json=body)
    assert response.status_code == 201 and response.content == b""  # None: the documented status
    assert service.calls == [("create_pet", {"body": body})]


def test_invalid_json_missing_body_wrong_type_and_size(rt: ModuleType) -> None:
    app = make_app(rt, Pets(), max_body_size=64)
    json_type = {"content-type": "application/json"}
    responses = call(
        app,
        [
            ("POST", "/pets", {"content": b"{nope", "headers": json_type}),
            ("POST", "/pets", {"headers": json_type}),
            ("POST", "/pets", {"content": b"{}", "headers": {"content-type": "text/plain"}}),
            ("POST", "/pets", {"content": b"{}"}),
            ("POST", "/pets", {"content": b" " * 65, "headers": json_type}),
        ],
    )
    assert [r.status_code for r in responses] == [400, 400, 415, 415, 413]
    codes = [error_of(r)["code"] for r in responses]
    assert codes[2:] == ["UnsupportedMediaType", "UnsupportedMediaType", "RequestEntityTooLarge"]
    assert error_of(responses[1])["details"][0]["target"] == "body"


def test_body_limit_holds_for_chunked_bodies_without_content_length(rt: ModuleType) -> None:
    async def chunks() -> Any:
        for _ in range(10):
            yield b"x" * 10

    app = make_app(rt, Pets(), max_body_size=64)
    headers = {"content-type": "application/json"}
    response = one(app, "POST", "/pets", content=chunks(), headers=headers)
    assert response.status_code == 413


def test_unknown_route_method_and_unimplemented_operation(rt: ModuleType) -> None:
    app = make_app(rt)
    missing, wrong_method, unimplemented = call(
        app, [("GET", "/nope", {}), ("DELETE", "/pets", {}), ("GET", "/pets/3", {})]
    )
    assert missing.status_code == 404 and error_of(missing)["code"] == "NotFound"
    assert wrong_method.status_code == 405 and error_of(wrong_method)["code"] == "MethodNotAllowed"
    assert wrong_method.headers["allow"] == "GET, POST"
    assert unimplemented.status_code == 501
    assert "getPet" in error_of(unimplemented)["message"]


def test_literal_segments_win_over_parameters(rt: ModuleType) -> None:
    response = one(make_app(rt, mock=True), "GET", "/pets/count()")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")


def test_api_error_from_a_service_keeps_status_and_shape(rt: ModuleType) -> None:
    class Failing(Pets):
        async def list_pets(self, **kwargs: Any) -> list[dict[str, Any]]:
            raise rt.ApiError(409, "busy", code="Conflict", details=[{"target": "x"}])

    response = one(make_app(rt, Failing()), "GET", "/pets")
    assert response.status_code == 409
    assert error_of(response) == {
        "code": "Conflict",
        "message": "busy",
        "details": [{"target": "x"}],
    }


def test_a_crashing_service_gets_500_in_the_error_shape(rt: ModuleType) -> None:
    class Crashing(Pets):
        async def list_pets(self, **kwargs: Any) -> list[dict[str, Any]]:
            raise RuntimeError("boom")

    response = one(make_app(rt, Crashing()), "GET", "/pets")
    assert response.status_code == 500
    assert error_of(response)["code"] == "InternalServerError"
    assert "boom" not in response.text


def test_mock_serves_valid_examples_and_synthesises_otherwise(rt: ModuleType) -> None:
    app = make_app(rt, mock=True)
    listed, fetched, created, broken = call(
        app,
        [
            ("GET", "/pets", {}),
            ("GET", "/pets/1", {}),
            ("POST", "/pets", {"json": {"id": 1, "name": "x"}}),
            ("GET", "/broken?n=3", {}),
        ],
    )
    assert listed.status_code == 200 and listed.json() == [{"id": 1, "name": "Rex", "tag": None}]
    pet = fetched.json()  # the documented example is invalid: a synthesised value instead
    assert fetched.status_code == 200 and isinstance(pet["id"], int) and pet["name"]
    assert pet["born"] == "2024-01-01T00:00:00Z" and pet["owner"]["email"] == "user@example.com"
    assert created.status_code == 201 and created.content == b""
    assert broken.status_code == 204  # a defective schema (type: int64) is not enforced


def test_mock_values_validate_against_their_schemas(rt: ModuleType) -> None:
    spec = rt.Spec(PETS)
    for name in ("Pet", "Owner", "Pets"):
        pointer = f"#/components/schemas/{name}"
        value = rt.mock.synthesise(spec, pointer)
        assert spec.violations(pointer, value) == [], name


def test_openapi_json_serves_the_document(rt: ModuleType) -> None:
    response = one(make_app(rt), "GET", "/openapi.json")
    assert response.status_code == 200
    assert response.json() == PETS


def test_openapi_31_type_lists_and_null(rt: ModuleType) -> None:
    document = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {"A": {"type": "object", "properties": {"x": {"type": ["integer", "null"]}}}}
        },
    }
    spec = rt.Spec(document)
    assert spec.violations("#/components/schemas/A", {"x": None}) == []
    assert spec.violations("#/components/schemas/A", {"x": 1}) == []
    [problem] = spec.violations("#/components/schemas/A", {"x": "1"})
    assert problem.path == ("x",)


def test_validators_are_compiled_lazily(rt: ModuleType) -> None:
    spec = rt.Spec(PETS)
    rt.build_app(operations(rt), (), rt.Settings(spec=spec))
    assert spec._validators == {}


GRAPH_STYLE: dict[str, Any] = {
    "openapi": "3.0.1",
    "components": {
        "schemas": {
            "entity": {
                "type": "object",
                "properties": {"id": {"type": "string"}},
                "additionalProperties": {"type": "object"},
            },
            "message": {
                "allOf": [
                    {"$ref": "#/components/schemas/entity"},
                    {
                        "type": "object",
                        "properties": {"subject": {"type": "string", "nullable": True}},
                        "additionalProperties": {"type": "object"},
                    },
                ]
            },
        }
    },
}


def test_typed_additional_properties_beside_properties_are_lenient_for_requests(
    rt: ModuleType,
) -> None:
    spec = rt.Spec(GRAPH_STYLE)
    pointer = "#/components/schemas/message"
    message = {"id": "m1", "subject": None}
    assert spec.violations(pointer, message) == []
    assert [v.path for v in spec.violations(pointer, message, strict=True)] == [
        ("id",),
        ("subject",),
    ]
    assert spec.violations(pointer, {"id": 5})[0].path == ("id",)


def test_mock_leaves_out_members_that_allof_parts_forbid_each_other(rt: ModuleType) -> None:
    spec = rt.Spec(GRAPH_STYLE)
    value = rt.mock.synthesise(spec, "#/components/schemas/message")
    assert spec.violations("#/components/schemas/message", value, strict=True) == []


def test_path_tree_prefers_literals_then_mixed_segments_then_wildcards(rt: ModuleType) -> None:
    tree = rt.routing.PathTree()
    for template in (
        "/users/{user_id}",
        "/users/delta()",
        "/users/{user_id}/photo/$value",
        "/users/{id}/manager",
        "/reports/getCounts(period='{period}')",
        "/reports/{report_id}",
        "/a/{x}/b",
        "/a/lit/c",
        "/",
    ):
        tree.add(template, template)
    assert tree.match("/users/delta()") == ("/users/delta()", {})
    assert tree.match("/users/u1") == ("/users/{user_id}", {"user_id": "u1"})
    assert tree.match("/users/u1/manager") == ("/users/{id}/manager", {"id": "u1"})
    assert tree.match("/reports/getCounts(period='D7')") == (
        "/reports/getCounts(period='{period}')",
        {"period": "D7"},
    )
    assert tree.match("/reports/r9") == ("/reports/{report_id}", {"report_id": "r9"})
    assert tree.match("/a/lit/b") == ("/a/{x}/b", {"x": "lit"})  # backtracks from the literal
    assert tree.match("/") == ("/", {})
    for missing in ("/users", "/users/u1/photo", "/users//manager", "/nope", "/a/lit"):
        assert tree.match(missing) is None, missing


def test_path_based_addressing_spans_segments(rt: ModuleType) -> None:
    """Graph's ``root:/{item-path}:`` addressing: the item path may hold slashes."""
    tree = rt.routing.PathTree()
    for template in (
        "/me/drive/root:/{item_path}:/content",
        "/me/drive/root:/{item_path}",
        "/me/drive/root:/{item_path}:/children",
        "/sites/{hostname}:/{relative_path}",
        "/me/drive/root/children",
    ):
        tree.add(template, template)
    assert tree.match("/me/drive/root:/a/b/c.txt:/content") == (
        "/me/drive/root:/{item_path}:/content",
        {"item_path": "a/b/c.txt"},
    )
    assert tree.match("/me/drive/root:/c.txt:/content")[1] == {"item_path": "c.txt"}
    assert tree.match("/me/drive/root:/x/y:/children")[0].endswith(":/children")
    assert tree.match("/me/drive/root:/x/y") == (
        "/me/drive/root:/{item_path}",
        {"item_path": "x/y"},
    )
    assert tree.match("/sites/contoso.com:/teams/a") == (
        "/sites/{hostname}:/{relative_path}",
        {"hostname": "contoso.com", "relative_path": "teams/a"},
    )
    assert tree.match("/me/drive/root/children")[0] == "/me/drive/root/children"
    for missing in ("/me/drive/root:/", "/sites/h:", "/me/drive/root/x"):
        assert tree.match(missing) is None, missing


def test_thousands_of_routes_share_one_tree(rt: ModuleType) -> None:
    tree = rt.routing.PathTree()
    for index in range(3000):
        tree.add(f"/things{index}/{{thing_id}}/children", index)
    assert tree.match("/things2999/t/children") == (2999, {"thing_id": "t"})
    assert tree.match("/things3000/t/children") is None


@pytest.mark.parametrize(
    ("fmt", "good", "bad"),
    [
        (
            "duration",
            ["PT1H", "P1DT2H30M", "P2W", "P1Y2M", "PT0S"],
            ["PT35.5S", "-PT1S", "P", "1H"],
        ),
        ("time", ["23:59:00Z", "08:00:00.5+01:00"], ["23:59:00", "24:00:00Z", "8:00:00Z"]),
        (
            "date-time",
            ["2021-07-01T08:00:00Z", "2021-07-01T08:00:00.1234567-07:00"],
            ["2021-07-01T08:00:00", "2021-13-01T08:00:00Z", "2021-07-01"],
        ),
    ],
)
def test_strict_checks_use_rfc3339_formats(
    rt: ModuleType, fmt: str, good: list[str], bad: list[str]
) -> None:
    """The mock's answers are checked as schemathesis checks them, whatever is installed."""
    spec = rt.Spec({"openapi": "3.0.3", "components": {"schemas": {"v": {"format": fmt}}}})
    pointer = "#/components/schemas/v"
    assert [v for v in good if spec.violations(pointer, v, strict=True)] == []
    assert [v for v in bad if not spec.violations(pointer, v, strict=True)] == []
    assert spec.violations(pointer, "anything") == []  # requests: formats are not enforced
    synthesised = rt.mock.synthesise(spec, pointer)
    assert spec.violations(pointer, synthesised, strict=True) == []
