"""Acceptance 1 on the project's example API (``spec/openapi.yaml``): a small implementation of the
generated interface, served by uvicorn on loopback, called through the generated client.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.generated import generate, imported, serving
from tests.server.test_generated_quality import check_server

EXAMPLE_API = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
PACKAGE = "example_meetings"

IMPLEMENTATION = '''
"""An in-memory implementation of the example API's two service classes (me.*, users.*)."""

from __future__ import annotations

from collections.abc import Sequence

from example_meetings.models.me_online_meetings_create_or_get_request import (
    MeOnlineMeetingsCreateOrGetRequest,
)
from example_meetings.models.online_meeting import OnlineMeeting
from example_meetings.models.online_meeting_collection_response import (
    OnlineMeetingCollectionResponse,
)
from example_meetings.models.users_online_meetings_create_or_get_request import (
    UsersOnlineMeetingsCreateOrGetRequest,
)
from example_meetings.server import ApiError
from example_meetings.server.services import MeOnlineMeetingService, UsersOnlineMeetingService

CreateOrGet = MeOnlineMeetingsCreateOrGetRequest | UsersOnlineMeetingsCreateOrGetRequest


class Meetings(MeOnlineMeetingService, UsersOnlineMeetingService):
    def __init__(self) -> None:
        self.users: dict[str, dict[str, OnlineMeeting]] = {}

    def _store(self, user_id: str) -> dict[str, OnlineMeeting]:
        return self.users.setdefault(user_id, {})

    def _get(self, user_id: str, meeting_id: str) -> OnlineMeeting:
        meeting = self._store(user_id).get(meeting_id)
        if meeting is None:
            raise ApiError(404, f"onlineMeeting {meeting_id!r} not found", target="onlineMeeting-id")
        return meeting

    def _create(self, user_id: str, meeting: OnlineMeeting) -> OnlineMeeting:
        store = self._store(user_id)
        meeting.id = f"{user_id}-{len(store) + 1}"
        meeting.join_web_url = f"https://teams.example/{meeting.id}"
        store[meeting.id] = meeting
        return meeting

    def _create_or_get(self, user_id: str, body: CreateOrGet) -> OnlineMeeting:
        for meeting in self._store(user_id).values():
            if meeting.external_id == body.external_id:
                return meeting
        meeting = OnlineMeeting(
            external_id=body.external_id,
            subject=body.subject,
            start_date_time=body.start_date_time,
            end_date_time=body.end_date_time,
        )
        return self._create(user_id, meeting)

    def _list(self, user_id: str, top: int | None) -> OnlineMeetingCollectionResponse:
        meetings = list(self._store(user_id).values())
        return OnlineMeetingCollectionResponse(value=meetings[:top] if top else meetings)

    def _update(self, user_id: str, meeting_id: str, body: OnlineMeeting) -> OnlineMeeting:
        meeting = self._get(user_id, meeting_id)
        if isinstance(body.subject, str):
            meeting.subject = body.subject
        return meeting

    async def users_list_online_meetings(
        self,
        *,
        user_id: str,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> OnlineMeetingCollectionResponse:
        return self._list(user_id, top)

    async def me_list_online_meetings(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> OnlineMeetingCollectionResponse:
        return self._list("me", top)

    async def users_create_online_meetings(
        self, *, user_id: str, body: OnlineMeeting, accept_language: str | None = None
    ) -> OnlineMeeting:
        return self._create(user_id, body)

    async def me_create_online_meetings(
        self, *, body: OnlineMeeting, accept_language: str | None = None
    ) -> OnlineMeeting:
        return self._create("me", body)

    async def users_online_meetings_create_or_get(
        self, *, user_id: str, body: UsersOnlineMeetingsCreateOrGetRequest
    ) -> OnlineMeeting:
        return self._create_or_get(user_id, body)

    async def me_online_meetings_create_or_get(
        self, *, body: MeOnlineMeetingsCreateOrGetRequest
    ) -> OnlineMeeting:
        return self._create_or_get("me", body)

    async def users_get_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        return self._get(user_id, online_meeting_id)

    async def me_get_online_meetings(
        self,
        *,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        return self._get("me", online_meeting_id)

    async def users_update_online_meetings(
        self, *, user_id: str, online_meeting_id: str, body: OnlineMeeting
    ) -> OnlineMeeting:
        return self._update(user_id, online_meeting_id, body)

    async def me_update_online_meetings(
        self, *, online_meeting_id: str, body: OnlineMeeting
    ) -> OnlineMeeting:
        return self._update("me", online_meeting_id, body)

    async def users_delete_online_meetings(self, *, user_id: str, online_meeting_id: str) -> None:
        self._store(user_id).pop(self._get(user_id, online_meeting_id).id or "", None)

    async def me_delete_online_meetings(self, *, online_meeting_id: str) -> None:
        self._store("me").pop(self._get("me", online_meeting_id).id or "", None)
'''


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    if not EXAMPLE_API.is_file():
        pytest.skip("spec/openapi.yaml is not there yet")
    root = generate(EXAMPLE_API, tmp_path_factory.mktemp("example"), PACKAGE)
    user = tmp_path_factory.mktemp("user")
    (user / "example_impl.py").write_text(IMPLEMENTATION, encoding="utf-8")
    sys.path.insert(0, str(user))
    try:
        with imported(root, PACKAGE):
            yield root, user / "example_impl.py"
    finally:
        sys.path.remove(str(user))
        sys.modules.pop("example_impl", None)


def test_client_calls_every_operation_of_the_example_api_over_loopback(
    example: tuple[Path, Path],
) -> None:
    from example_impl import Meetings  # type: ignore[import-not-found]
    from example_meetings.client import Client
    from example_meetings.client.errors import BadRequestError, NotFoundError
    from example_meetings.models.online_meeting import OnlineMeeting
    from example_meetings.server import create_app

    start = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=datetime.UTC)
    called: set[str] = set()

    def typed(name: str, value: Any) -> Any:
        called.add(name)
        assert isinstance(value, OnlineMeeting), (name, value)
        return value

    with serving(create_app(Meetings())) as base_url, Client(base_url) as client:
        for prefix, who in (("me", {}), ("users", {"user_id": "u1"})):
            create = getattr(client, f"{prefix}_create_online_meetings")
            create_or_get = getattr(client, f"{prefix}_online_meetings_create_or_get")
            get = getattr(client, f"{prefix}_get_online_meetings")
            update = getattr(client, f"{prefix}_update_online_meetings")
            delete = getattr(client, f"{prefix}_delete_online_meetings")
            listing = getattr(client, f"{prefix}_list_online_meetings")
            first = typed(create.__name__, create(**who, body={"subject": "Standup"}))
            body = {"externalId": "case-1", "startDateTime": start.isoformat()}
            made = typed(create_or_get.__name__, create_or_get(**who, body=body))
            again = typed(
                create_or_get.__name__, create_or_get(**who, body={"externalId": "case-1"})
            )
            assert made.id == again.id != first.id and made.start_date_time == start
            fetched = typed(get.__name__, get(**who, online_meeting_id=first.id))
            assert fetched.subject == "Standup" and fetched.join_web_url
            changed = typed(
                update.__name__, update(**who, online_meeting_id=first.id, body={"subject": "Sync"})
            )
            assert changed.subject == "Sync"
            meetings = list(listing(**who, top=10))
            called.add(listing.__name__)
            assert [m.id for m in meetings] == [first.id, made.id]
            assert all(isinstance(m, OnlineMeeting) for m in meetings)
            delete(**who, online_meeting_id=first.id)
            called.add(delete.__name__)
            with pytest.raises(NotFoundError):
                get(**who, online_meeting_id=first.id)
            with pytest.raises(BadRequestError) as bad:
                create_or_get(**who, body={"subject": "no externalId"})
            assert bad.value.error is not None
            assert bad.value.error.target == "body.externalId"
            assert "body.externalId" in bad.value.error.message
    assert len(called) == 12


def test_example_implementation_type_checks_against_the_interface(
    example: tuple[Path, Path],
) -> None:
    root, implementation = example
    check_server(root, PACKAGE, implementation)
