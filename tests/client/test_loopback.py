"""The generated client against the generated mock server over loopback (uvicorn on 127.0.0.1)."""

from __future__ import annotations

import asyncio
from types import ModuleType

import pytest

from tests.client.conftest import Generate
from tests.client.specs import MEETINGS_SPEC, import_client
from tests.server.generated import serving


@pytest.fixture(scope="module")
def client_module(generate: Generate) -> ModuleType:
    generate(MEETINGS_SPEC, "meetings_api")
    return import_client("meetings_api")


def test_sync_and_async_clients_against_the_mock_server(client_module: ModuleType) -> None:
    from meetings_api.client._request import Operation
    from meetings_api.models import OnlineMeeting
    from meetings_api.server import create_mock_app

    with serving(create_mock_app()) as base_url:
        with client_module.Client(base_url, credential="t") as client:
            meeting = client.users.by_id("u1").online_meetings.create_or_get(
                body={"externalId": "x"}
            )
            assert isinstance(meeting, OnlineMeeting)
            listed = client.users_list_online_meetings(user_id="u1", top=2).first_page()
            assert all(isinstance(m, OnlineMeeting) for m in listed.items)
            assert client.users.by_id("u1").online_meetings.by_id("m1").delete() is None
            with pytest.raises(client_module.NotFoundError) as missing:
                client._sender.send_next(  # an unknown route answers 404 in the OData error shape
                    Operation("GET", "/nowhere", "/nowhere", "x"),
                    f"{base_url}/nowhere",
                )
            assert missing.value.code is not None

        async def main() -> list[object]:
            async with client_module.AsyncClient(base_url) as client:
                got = await client.users.by_id("u1").online_meetings.by_id("m1").get()
                pages = [await client.me.online_meetings.list().first_page()]
                photo = await client.me_get_photo_content()
                return [got, pages, photo]

        got, pages, photo = asyncio.run(main())
        assert isinstance(got, OnlineMeeting)
        assert isinstance(pages, list) and len(pages) >= 1
        assert isinstance(photo, bytes)
