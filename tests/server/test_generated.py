"""Generated servers: a typed service interface, the generated client over loopback, the mock."""

from __future__ import annotations

import asyncio
import datetime
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server.generated import generate, imported, serving

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "meetings"
ENTITY = {"type": "object", "properties": {"id": {"type": "string"}}}
MEETING = {
    "allOf": [
        {"$ref": "#/components/schemas/entity"},
        {
            "type": "object",
            "properties": {
                "subject": {"type": "string", "nullable": True},
                "startDateTime": {"type": "string", "format": "date-time", "nullable": True},
                "externalId": {"type": "string", "nullable": True},
                "lobbyBypass": {"$ref": "#/components/schemas/lobbyBypassScope"},
            },
        },
    ]
}
JSON = "application/json"


def content(ref: str, example: Any = None) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{ref}"}}
    if example is not None:
        media["example"] = example
    return {"content": {JSON: media}}


USER_ID = {"name": "user-id", "in": "path", "required": True, "schema": {"type": "string"}}
MEETING_ID = {
    "name": "onlineMeeting-id",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
}
TAGS = ["users.onlineMeeting"]
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Meetings", "version": "1.0"},
    "paths": {
        "/users/{user-id}/onlineMeetings": {
            "parameters": [USER_ID],
            "get": {
                "operationId": "listOnlineMeetings",
                "tags": TAGS,
                "parameters": [
                    {"name": "$top", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                    {"name": "ConsistencyLevel", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "ok", **content("meetingCollection")}},
            },
            "post": {
                "operationId": "createOnlineMeeting",
                "tags": TAGS,
                "requestBody": {"required": True, **content("onlineMeeting")},
                "responses": {"201": {"description": "created", **content("onlineMeeting")}},
            },
        },
        "/users/{user-id}/onlineMeetings/{onlineMeeting-id}": {
            "parameters": [USER_ID, MEETING_ID],
            "get": {
                "operationId": "getOnlineMeeting",
                "tags": TAGS,
                "responses": {
                    "200": {
                        "description": "ok",
                        **content("onlineMeeting", {"id": "m1", "subject": "Example"}),
                    }
                },
            },
            "patch": {
                "operationId": "updateOnlineMeeting",
                "tags": TAGS,
                "requestBody": {"required": True, **content("onlineMeeting")},
                "responses": {"204": {"description": "updated"}},
            },
            "delete": {
                "operationId": "deleteOnlineMeeting",
                "tags": TAGS,
                "responses": {"204": {"description": "deleted"}},
            },
        },
        "/users/{user-id}/onlineMeetings/createOrGet": {
            "parameters": [USER_ID],
            "post": {
                "operationId": "createOrGetOnlineMeeting",
                "tags": ["users.actions"],
                "requestBody": {"required": True, **content("createOrGetRequest")},
                "responses": {"200": {"description": "ok", **content("onlineMeeting")}},
            },
        },
    },
    "components": {
        "schemas": {
            "entity": ENTITY,
            "onlineMeeting": MEETING,
            "lobbyBypassScope": {"type": "string", "enum": ["organizer", "everyone"]},
            "meetingCollection": {
                "type": "object",
                "properties": {
                    "value": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/onlineMeeting"},
                    },
                    "@odata.nextLink": {"type": "string", "nullable": True},
                },
            },
            "createOrGetRequest": {
                "type": "object",
                "required": ["externalId"],
                "properties": {
                    "externalId": {"type": "string", "minLength": 1},
                    "subject": {"type": "string", "nullable": True},
                    "startDateTime": {"type": "string", "format": "date-time"},
                },
            },
        }
    },
}

IMPLEMENTATION = '''
from __future__ import annotations

from meetings.models.create_or_get_request import CreateOrGetRequest
from meetings.models.meeting_collection import MeetingCollection
from meetings.models.online_meeting import OnlineMeeting
from meetings.server import ApiError
from meetings.server.services import UsersActionsService, UsersOnlineMeetingService


class Meetings(UsersOnlineMeetingService, UsersActionsService):
    """A small in-memory implementation of the two generated service classes."""

    def __init__(self) -> None:
        self.store: dict[str, OnlineMeeting] = {}

    async def list_online_meetings(
        self, *, user_id: str, top: int | None = None, consistency_level: str | None = None
    ) -> MeetingCollection:
        meetings = sorted(self.store.values(), key=lambda m: str(m.id))
        return MeetingCollection(value=meetings[: top if top is not None else None])

    async def create_online_meeting(self, *, user_id: str, body: OnlineMeeting) -> OnlineMeeting:
        body.id = f"m{len(self.store) + 1}"
        self.store[body.id] = body
        return body

    async def get_online_meeting(self, *, user_id: str, online_meeting_id: str) -> OnlineMeeting:
        if online_meeting_id not in self.store:
            raise ApiError(404, f"no meeting {online_meeting_id}", target="onlineMeeting-id")
        return self.store[online_meeting_id]

    async def delete_online_meeting(self, *, user_id: str, online_meeting_id: str) -> None:
        self.store.pop(online_meeting_id, None)

    async def create_or_get_online_meeting(
        self, *, user_id: str, body: CreateOrGetRequest
    ) -> OnlineMeeting:
        for meeting in self.store.values():
            if meeting.external_id == body.external_id:
                return meeting
        meeting = OnlineMeeting(
            external_id=body.external_id, subject=body.subject, start_date_time=body.start_date_time
        )
        return await self.create_online_meeting(user_id=user_id, body=meeting)
'''


@pytest.fixture(scope="module")
def meetings(meetings_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The generated ``meetings`` package; the user's implementation lives outside it."""
    root = meetings_root
    user = tmp_path_factory.mktemp("user")
    (user / "my_meetings.py").write_text(IMPLEMENTATION, encoding="utf-8")
    sys.path.insert(0, str(user))
    try:
        with imported(root, PACKAGE) as package:
            yield package
    finally:
        sys.path.remove(str(user))
        sys.modules.pop("my_meetings", None)


def test_service_classes_have_one_typed_method_per_operation(meetings: Any) -> None:
    from meetings.server.services import UsersActionsService, UsersOnlineMeetingService

    methods = {
        name
        for cls in (UsersOnlineMeetingService, UsersActionsService)
        for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction)
    }
    assert methods == {
        "list_online_meetings",
        "create_online_meeting",
        "get_online_meeting",
        "update_online_meeting",
        "delete_online_meeting",
        "create_or_get_online_meeting",
    }
    signature = inspect.signature(UsersOnlineMeetingService.get_online_meeting)
    assert list(signature.parameters) == ["self", "user_id", "online_meeting_id"]
    assert signature.return_annotation == "OnlineMeeting"


def test_routes_use_python_names_for_dashed_placeholders(meetings: Any) -> None:
    from meetings.server.operations import OPERATIONS

    routes = {op.operation_id: op.route for op in OPERATIONS}
    assert routes["getOnlineMeeting"] == "/users/{user_id}/onlineMeetings/{online_meeting_id}"


def test_generated_client_calls_every_operation_over_loopback(meetings: Any) -> None:
    """Acceptance 1: uvicorn on 127.0.0.1, the generated client, typed results, 400 naming a field."""
    from meetings.client import Client
    from meetings.client.errors import BadRequestError, NotFoundError
    from meetings.models.online_meeting import OnlineMeeting
    from meetings.server import create_app
    from my_meetings import Meetings  # type: ignore[import-not-found]

    start = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    with serving(create_app(Meetings())) as base_url, Client(base_url) as client:
        created = client.create_online_meeting(user_id="u1", body={"subject": "Plan"})
        assert isinstance(created, OnlineMeeting) and created.id == "m1"
        same = client.create_or_get_online_meeting(
            user_id="u1", body={"externalId": "x1", "startDateTime": start.isoformat()}
        )
        again = client.create_or_get_online_meeting(user_id="u1", body={"externalId": "x1"})
        assert isinstance(same, OnlineMeeting) and same.id == again.id == "m2"
        assert same.start_date_time == start
        fetched = client.get_online_meeting(user_id="u1", online_meeting_id="m1")
        assert isinstance(fetched, OnlineMeeting) and fetched.subject == "Plan"
        listed = list(client.list_online_meetings(user_id="u1", top=5))
        assert [m.id for m in listed] == ["m1", "m2"]
        assert all(isinstance(m, OnlineMeeting) for m in listed)
        client.delete_online_meeting(user_id="u1", online_meeting_id="m1")
        with pytest.raises(NotFoundError):
            client.get_online_meeting(user_id="u1", online_meeting_id="m1")
        with pytest.raises(BadRequestError) as bad:
            client.create_or_get_online_meeting(user_id="u1", body={"subject": 5})
        error = bad.value.error
        assert error is not None
        targets = {d.target for d in error.details}
        assert {"body.externalId", "body.subject"} <= targets
        assert "body.externalId" in error.message
        unimplemented = httpx.patch(
            f"{base_url}/users/u1/onlineMeetings/m2", json={"subject": "new"}, timeout=10
        )
        assert unimplemented.status_code == 501
        assert unimplemented.json()["error"]["code"] == "NotImplemented"


def test_mock_app_answers_every_operation_with_its_documented_status(meetings: Any) -> None:
    from meetings.server import create_mock_app

    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/users/u/onlineMeetings", {}),
        ("POST", "/users/u/onlineMeetings", {"json": {}}),
        ("GET", "/users/u/onlineMeetings/m", {}),
        ("PATCH", "/users/u/onlineMeetings/m", {"json": {}}),
        ("DELETE", "/users/u/onlineMeetings/m", {}),
        ("POST", "/users/u/onlineMeetings/createOrGet", {"json": {"externalId": "e"}}),
    ]

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_mock_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return [await client.request(m, u, **kw) for m, u, kw in requests]

    responses = asyncio.run(run())
    assert [r.status_code for r in responses] == [200, 201, 200, 204, 204, 200]
    assert responses[2].json() == {"id": "m1", "subject": "Example"}  # the docs' example
    assert responses[0].json()["value"][0]["startDateTime"] == "2024-01-01T00:00:00Z"


def test_regeneration_replaces_only_generated_files(tmp_path: Path) -> None:
    """Users subclass in their own modules: regenerating rewrites the package, never their code."""
    user = tmp_path / "my_meetings.py"
    user.write_text(IMPLEMENTATION, encoding="utf-8")
    root = generate(SPEC, tmp_path, PACKAGE)
    generated = root / PACKAGE / "server" / "services" / "users_online_meeting_service.py"
    generated.write_text("# edited by hand\n", encoding="utf-8")
    generate(SPEC, tmp_path, PACKAGE)
    assert user.read_text(encoding="utf-8") == IMPLEMENTATION
    assert "class UsersOnlineMeetingService" in generated.read_text(encoding="utf-8")
