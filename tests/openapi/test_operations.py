"""Operations: ids, tags, parameters, bodies, responses, security, examples, collisions."""

from __future__ import annotations

from typing import Any

from generator.markdown.model import Header, Link, Parameter, Response
from tests.openapi.conftest import Build
from tests.openapi.pages import (
    annotation,
    link,
    operation_page,
    permissions,
    prim,
    prop,
    request_example,
    resource_page,
    response_example,
)

MEETING = link("onlineMeeting", "resources/onlinemeeting.md")
MEETINGS = resource_page(
    "resources/onlinemeeting.md",
    "onlineMeeting",
    (prop("id", prim("String")), prop("subject", prim("String"))),
    key_property="id",
)
REF = "#/components/schemas/microsoft.graph.onlineMeeting"


def op(doc: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    result: dict[str, Any] = doc["paths"][path][method]
    return result


def test_seed_like_action_under_several_paths(build: Build) -> None:
    page = operation_page(
        "api/onlinemeeting-createorget.md",
        "POST /me/onlineMeetings/createOrGet",
        "POST /users/{usersId}/onlineMeetings/createOrGet",
        body_params=(
            Parameter("subject", prim("String"), "The subject.", 40),
            Parameter("externalId", prim("String"), "", 41, required=True),
        ),
        response=Response(50, 200, MEETING),
        permissions=permissions(
            "OnlineMeetings.ReadWrite", application=("OnlineMeetings.ReadWrite.All",)
        ),
    )
    doc, sink = build(page, MEETINGS)
    me = op(doc, "/me/onlineMeetings/createOrGet", "post")
    users = op(doc, "/users/{user-id}/onlineMeetings/createOrGet", "post")
    assert (me["operationId"], users["operationId"]) == (
        "me.onlineMeetings.createOrGet",
        "users.onlineMeetings.createOrGet",
    )
    assert users["tags"] == ["users.onlineMeeting"]
    assert users["parameters"][0] == {
        "name": "user-id",
        "in": "path",
        "description": "key: usersId of user",
        "required": True,
        "schema": {"type": "string"},
        "x-ms-docs-key-type": "user",
    }
    body = users["requestBody"]["content"]["application/json"]["schema"]
    assert body == {
        "type": "object",
        "properties": {
            "subject": {"type": "string", "nullable": True, "description": "The subject."},
            "externalId": {"type": "string"},
        },
        "required": ["externalId"],
    }
    assert users["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": REF}
    assert users["responses"]["default"] == {"$ref": "#/components/responses/error"}
    assert users["security"] == [
        {"azureaadv2": ["OnlineMeetings.ReadWrite"]},
        {"azureaadv2": ["OnlineMeetings.ReadWrite.All"]},
    ]
    assert users["x-ms-permissions"] == {
        "delegatedWork": ["OnlineMeetings.ReadWrite"],
        "application": ["OnlineMeetings.ReadWrite.All"],
    }
    assert users["x-ms-docs-operation-type"] == "action"
    assert users["x-specdown-source"] == "api/onlinemeeting-createorget.md:21"
    flows = doc["components"]["securitySchemes"]["azureaadv2"]["flows"]
    assert list(flows["authorizationCode"]["scopes"]) == ["OnlineMeetings.ReadWrite"]
    assert list(flows["clientCredentials"]["scopes"]) == ["OnlineMeetings.ReadWrite.All"]
    assert not sink.items


def test_crud_ids_bodies_and_statuses(build: Build) -> None:
    pages = [
        MEETINGS,
        operation_page(
            "api/list.md",
            "GET /me/onlineMeetings",
            response=Response(50, 200, MEETING, collection=True),
            query_options=("$filter", "select"),
        ),
        operation_page(
            "api/create.md",
            "POST /me/onlineMeetings",
            body_type=MEETING,
            response=Response(50, 201, MEETING),
        ),
        operation_page(
            "api/get.md", "GET /me/onlineMeetings/{id}", response=Response(50, 200, MEETING)
        ),
        operation_page(
            "api/update.md",
            "PATCH /me/onlineMeetings/{id}",
            body_params=(Parameter("subject", prim("String"), "", 40),),
            response=Response(50, 200, MEETING),
        ),
        operation_page(
            "api/delete.md",
            "DELETE /me/onlineMeetings/{id}",
            response=Response(50, 204, empty=True),
            headers=(
                Header("Authorization", "Bearer", 30),
                Header("If-Match", "ETag", 31, required=True),
            ),
        ),
    ]
    doc, sink = build(*pages)
    listing = op(doc, "/me/onlineMeetings", "get")
    assert listing["operationId"] == "me.ListOnlineMeetings"
    assert listing["responses"]["200"] == {
        "$ref": "#/components/responses/microsoft.graph.onlineMeetingCollectionResponse"
    }
    assert listing["x-ms-pageable"] == {
        "nextLinkName": "@odata.nextLink",
        "operationName": "listMore",
    }
    assert listing["parameters"] == [
        {"$ref": "#/components/parameters/filter"},
        {"$ref": "#/components/parameters/select"},
    ]
    collection = doc["components"]["schemas"]["microsoft.graph.onlineMeetingCollectionResponse"]
    assert collection["properties"]["value"] == {"type": "array", "items": {"$ref": REF}}
    assert "@odata.nextLink" in collection["properties"]
    create = op(doc, "/me/onlineMeetings", "post")
    assert create["operationId"] == "me.CreateOnlineMeetings"
    assert create["requestBody"]["content"]["application/json"]["schema"] == {"$ref": REF}
    assert list(create["responses"]) == ["201", "default"]
    update = op(doc, "/me/onlineMeetings/{onlineMeeting-id}", "patch")
    assert update["operationId"] == "me.UpdateOnlineMeetings"
    assert update["requestBody"]["content"]["application/json"]["schema"] == {"$ref": REF}
    delete = op(doc, "/me/onlineMeetings/{onlineMeeting-id}", "delete")
    assert delete["responses"]["204"] == {"description": "No Content"}
    assert delete["parameters"][-1] == {
        "name": "If-Match",
        "in": "header",
        "description": "ETag",
        "required": True,
        "schema": {"type": "string"},
    }
    assert (
        op(doc, "/me/onlineMeetings/{onlineMeeting-id}", "get")["operationId"]
        == "me.GetOnlineMeetings"
    )
    assert not sink.items


def test_response_shapes_from_examples_and_streams(build: Build) -> None:
    annotated = response_example(
        {"value": [{"id": "1"}]},
        annotation=annotation(
            **{"@odata.type": "microsoft.graph.onlineMeeting", "isCollection": True}
        ),
    )
    pages = [
        MEETINGS,
        operation_page("api/a.md", "GET /me/meetings", examples=(annotated,)),
        operation_page("api/b.md", "GET /me/photo/$value", response=Response(50, 200, stream=True)),
        operation_page("api/c.md", "GET /me/content", response=Response(50, 302, stream=True)),
        operation_page("api/d.md", "GET /me/isOk()", response=Response(50, 200, prim("Boolean"))),
        operation_page("api/e.md", "POST /me/send", no_body=True, response=Response(50, 202)),
        operation_page(
            "api/f.md",
            "PUT /me/photo/$value",
            headers=(Header("Content-Type", "image/jpeg", 30),),
            response=Response(50, 204),
        ),
    ]
    doc, _ = build(*pages)
    collection = op(doc, "/me/meetings", "get")["responses"]["200"]
    assert collection["content"]["application/json"]["schema"]["$ref"].endswith(
        "onlineMeetingCollectionResponse"
    )
    assert collection["content"]["application/json"]["examples"]["response1"]["value"] == {
        "value": [{"id": "1"}]
    }
    assert op(doc, "/me/photo/$value", "get")["responses"]["200"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }
    assert op(doc, "/me/photo/$value", "get")["operationId"] == "me.GetPhotoContent"
    assert op(doc, "/me/content", "get")["responses"]["302"] == {"description": "Found"}
    function = op(doc, "/me/isOk()", "get")
    assert function["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "object",
        "properties": {"value": {"type": "boolean"}},
    }
    assert function["x-ms-docs-operation-type"] == "function"
    assert op(doc, "/me/send", "post")["responses"]["202"] == {"description": "Accepted"}
    assert "requestBody" not in op(doc, "/me/send", "post")
    assert op(doc, "/me/photo/$value", "put")["requestBody"]["content"] == {
        "image/jpeg": {"schema": {"type": "string", "format": "binary"}}
    }


def test_examples_attach_with_source_and_unwrap_single_values(build: Build) -> None:
    page = operation_page(
        "api/get.md",
        "GET /me/onlineMeetings/{id}",
        response=Response(50, 200, MEETING),
        examples=(
            request_example(None, "https://graph.microsoft.com/beta/me/onlineMeetings/1", "GET"),
            response_example({"value": {"id": "1"}}, line=90),
        ),
    )
    doc, _ = build(page, MEETINGS)
    media = op(doc, "/me/onlineMeetings/{onlineMeeting-id}", "get")["responses"]["200"]["content"][
        "application/json"
    ]
    assert media["examples"] == {
        "response1": {"value": {"id": "1"}, "x-specdown-source": "api/get.md:90"}
    }
    assert doc["servers"] == [{"url": "https://graph.microsoft.com/beta/"}]


def test_query_parameters_from_path_and_table(build: Build) -> None:
    page = operation_page(
        "api/calendarview.md",
        "GET /me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}&$top=5",
        query_params=(
            Parameter("startDateTime", prim("DateTimeOffset"), "The start.", 40, required=True),
        ),
        response=Response(50, 200, MEETING, collection=True),
    )
    doc, _ = build(page, MEETINGS)
    params = op(doc, "/me/calendarView", "get")["parameters"]
    assert params[0] == {
        "name": "startDateTime",
        "in": "query",
        "description": "The start.",
        "required": True,
        "schema": {"type": "string", "format": "date-time"},
    }
    assert params[1]["name"] == "endDateTime" and params[1]["required"] is True
    assert params[2] == {"$ref": "#/components/parameters/top"}


def test_function_parameters_and_descriptions(build: Build) -> None:
    page = operation_page(
        "api/reports.md",
        "GET /reports/getEmailActivityCounts(period='{period_value}')",
        function_params=(Parameter("period", prim("String"), "D7, D30.", 40),),
        response=Response(50, 200, prim("Stream"), stream=True),
    )
    doc, _ = build(page)
    operation = op(doc, "/reports/getEmailActivityCounts(period='{period}')", "get")
    assert operation["operationId"] == "reports.getEmailActivityCounts"
    assert operation["parameters"] == [
        {
            "name": "period",
            "in": "path",
            "description": "D7, D30.",
            "required": True,
            "schema": {"type": "string"},
        }
    ]


def test_duplicate_endpoints_and_operation_id_collisions(build: Build) -> None:
    first = operation_page(
        "api/a.md", "GET /me/events", response=Response(50, 200, MEETING, collection=True)
    )
    second = operation_page(
        "api/b.md", "GET /me/events", response=Response(50, 200, MEETING, collection=True)
    )
    colliding = operation_page(
        "api/c.md", "GET /me/events/{id}/$value", "GET /me/events/{id}/$value/"
    )
    other = operation_page("api/d.md", "GET /me/events('{id}')/$value")
    doc, sink = build(second, first, colliding, other, MEETINGS)
    assert op(doc, "/me/events", "get")["x-specdown-source"] == "api/a.md:20"
    codes = sorted((d.code, d.path) for d in sink.items)
    assert ("O003", "api/b.md") in codes
    ids = [o["operationId"] for item in doc["paths"].values() for o in item.values()]
    assert len(ids) == len(set(ids))


def test_collision_renamed_with_o010(build: Build) -> None:
    a = operation_page("api/a.md", "POST /me/events/{id}/accept")
    b = operation_page("api/b.md", "POST /me/events/accept")
    doc, sink = build(a, b)
    ids = sorted(o["operationId"] for item in doc["paths"].values() for o in item.values())
    assert ids == ["me.events.accept", "me.events.accept_2"]
    assert [d.code for d in sink.items] == ["O010"]


def test_unusable_request_lines_give_o006(build: Build) -> None:
    page = operation_page("api/x.md", "GET /me/{broken", "FETCH /me")
    doc, sink = build(page)
    assert doc["paths"] == {}
    assert [d.code for d in sink.items] == ["O006", "O006"]


def test_navigation_inferred_from_get_paths(build: Build) -> None:
    user = resource_page(
        "resources/user.md", "user", (prop("id", prim("String")),), key_property="id"
    )
    team = resource_page(
        "resources/team.md", "team", (prop("id", prim("String")),), key_property="id"
    )
    pages = [
        user,
        team,
        operation_page(
            "api/user-get.md",
            "GET /users/{id}",
            response=Response(50, 200, link("user", "resources/user.md")),
        ),
        operation_page(
            "api/user-list-joinedteams.md",
            "GET /users/{id}/joinedTeams",
            response=Response(50, 200, link("team", "resources/team.md"), collection=True),
        ),
    ]
    doc, _ = build(*pages)
    joined = doc["components"]["schemas"]["microsoft.graph.user"]["allOf"][1]["properties"][
        "joinedTeams"
    ]
    assert joined == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/microsoft.graph.team"},
        "x-ms-navigationProperty": True,
        "x-specdown-source": "api/user-list-joinedteams.md:20",
    }


def test_navigation_is_inferred_on_the_lead_pages_type_not_the_common_base(build: Build) -> None:
    """Two pages typing ``/things/{id}`` differently must not give their common base the children."""
    entity = resource_page("resources/entity.md", "entity", (prop("id", prim("String")),))
    pages = [entity]
    for name in ("user", "group", "team"):
        pages.append(
            resource_page(
                f"resources/{name}.md",
                name,
                (prop("displayName", prim("String")),),
                base_type="entity",
                base_link=Link("entity", "entity.md", "resources/entity.md", None),
            )
        )
    for name in ("user", "group"):
        pages.append(
            operation_page(
                f"api/{name}-get.md",
                "GET /things/{id}",
                response=Response(50, 200, link(name, f"resources/{name}.md")),
            )
        )
    pages.append(
        operation_page(
            "api/thing-list-teams.md",
            "GET /things/{id}/teams",
            response=Response(50, 200, link("team", "resources/team.md"), collection=True),
        )
    )
    doc, _ = build(*pages)
    schemas = doc["components"]["schemas"]
    assert set(schemas["microsoft.graph.entity"]["properties"]) == {"id"}
    lead = [
        n
        for n in ("user", "group")
        if "teams" in schemas[f"microsoft.graph.{n}"]["allOf"][1]["properties"]
    ]
    assert len(lead) == 1


def test_hand_written_page_leads_a_shared_endpoint(build: Build) -> None:
    generated = operation_page(
        "api/a-generated-user-create.md",
        "POST /users",
        response=Response(50, 201, link("user", "resources/user.md")),
        permissions=permissions("DeviceManagement.ReadWrite.All"),
        examples=(response_example({"id": "1"}, 201),),
    )
    written = operation_page(
        "api/user-post-users.md",
        "POST /users",
        response=Response(50, 201, link("user", "resources/user.md")),
        permissions=permissions("User.ReadWrite.All"),
        examples=(response_example({"id": "2"}, 201, annotation=annotation(blockType="response")),),
    )
    user = resource_page(
        "resources/user.md", "user", (prop("id", prim("String")),), key_property="id"
    )
    doc, sink = build(generated, written, user)
    operation = op(doc, "/users", "post")
    assert operation["x-specdown-source"] == "api/user-post-users.md:20"
    assert operation["security"] == [{"azureaadv2": ["User.ReadWrite.All"]}]
    examples = operation["responses"]["201"]["content"]["application/json"]["examples"]
    assert [e["x-specdown-source"] for e in examples.values()] == [
        "api/user-post-users.md:80",
        "api/a-generated-user-create.md:80",
    ]
    assert [(d.code, d.path) for d in sink.items] == [("O003", "api/a-generated-user-create.md")]


def test_example_only_responses_are_added_beside_a_documented_204(build: Build) -> None:
    page = operation_page(
        "api/alert-update.md",
        "PATCH /security/alerts/{id}",
        body_params=(Parameter("status", prim("String"), "", 40),),
        response=Response(50, 204, empty=True),
        examples=(
            response_example(None, 204, line=90),
            response_example({"id": "1"}, 200, line=120),
        ),
    )
    doc, _ = build(page)
    responses = op(doc, "/security/alerts/{alert-id}", "patch")["responses"]
    assert list(responses) == ["204", "200", "default"]
    assert responses["200"]["content"]["application/json"] == {
        "schema": {"type": "object"},
        "examples": {
            "response1": {"value": {"id": "1"}, "x-specdown-source": "api/alert-update.md:120"}
        },
    }
