"""The generated client against ``httpx.MockTransport``: requests, results, paging, retries, errors, auth."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import importlib
import json
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.client.conftest import Generate
from tests.client.specs import MEETINGS_SPEC, import_client

BASE = "https://graph.example.com/v1.0"
MEETING = {"id": "m1", "subject": "Standup", "externalId": "x1"}


@pytest.fixture(scope="module")
def client_module(generate: Generate) -> ModuleType:
    generate(MEETINGS_SPEC, "meetings_api")
    return import_client("meetings_api")


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that answers from a queue and records every request."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        model = self.responses.pop(0) if len(self.responses) > 1 else self.responses[0]
        return httpx.Response(model.status_code, headers=model.headers, content=model.content)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def make(mod: ModuleType, handler: Handler, **kwargs: Any) -> Any:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return mod.Client(http_client=http, **kwargs)


def make_async(mod: ModuleType, handler: Handler, **kwargs: Any) -> Any:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return mod.AsyncClient(http_client=http, **kwargs)


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


def test_navigation_sends_method_path_and_json_body(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(201, json=MEETING))
    client = make(client_module, rec)
    meeting = client.users.by_id("u/1").online_meetings.create_or_get(
        body={"externalId": "x1", "subject": "Standup"}
    )
    assert rec.last.method == "POST"
    assert rec.last.url.raw_path == b"/v1.0/users/u%2F1/onlineMeetings/createOrGet"
    assert str(rec.last.url).startswith(BASE)
    assert body_of(rec.last) == {"externalId": "x1", "subject": "Standup"}
    assert rec.last.headers["Content-Type"] == "application/json"
    assert type(meeting).__name__ == "OnlineMeeting"
    assert (meeting.id, meeting.subject, meeting.external_id) == ("m1", "Standup", "x1")


def test_body_accepts_the_model_and_serialises_wire_names(client_module: ModuleType) -> None:
    models = __import__("meetings_api.models", fromlist=["OnlineMeetingCreateOrGetRequest"])
    rec = Recorder(httpx.Response(200, json=MEETING))
    client = make(client_module, rec)
    start = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    body = models.OnlineMeetingCreateOrGetRequest(external_id="x1", start_date_time=start)
    client.online_meeting_create_or_get(user_id="u1", body=body)
    sent = body_of(rec.last)
    assert sent["externalId"] == "x1"
    assert sent["startDateTime"].startswith("2026-01-02T03:04:05")
    assert "subject" not in sent  # unset fields are not sent


def test_flat_method_matches_navigation(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, json=MEETING))
    client = make(client_module, rec)
    client.users_get_online_meeting(user_id="u1", online_meeting_id="m1", select=["id", "subject"])
    flat = rec.last
    client.users.by_id("u1").online_meetings.by_id("m1").get(select=["id", "subject"])
    assert (flat.method, str(flat.url)) == (rec.last.method, str(rec.last.url))
    assert str(flat.url) == f"{BASE}/users/u1/onlineMeetings/m1?$select=id,subject"


def test_query_options_are_typed_keywords_and_encoded(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, json={"value": []}))
    client = make(client_module, rec)
    client.users.by_id("u1").online_meetings.list(
        select="id,subject", top=5, count=True, filter="subject eq 'a b&c'"
    ).to_list()
    assert rec.last.url.params["$top"] == "5"
    assert rec.last.url.params["$count"] == "true"
    assert rec.last.url.params["$filter"] == "subject eq 'a b&c'"
    assert b"%20" in rec.last.url.raw_path and b"+" not in rec.last.url.raw_path
    assert rec.last.headers["ConsistencyLevel"] == "eventual"  # $count=true needs it


def test_header_parameter_and_no_body_on_delete(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(204))
    client = make(client_module, rec)
    result = client.users.by_id("u1").online_meetings.by_id("m1").delete(if_match='W/"1"')
    assert result is None
    assert rec.last.method == "DELETE"
    assert rec.last.headers["If-Match"] == 'W/"1"'
    assert rec.last.content == b""
    assert "Cookie" not in rec.last.headers  # no cookie parameter given: no header


def test_cookie_parameters_share_one_cookie_header(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(204))
    client = make(client_module, rec, headers={"Cookie": "theme=dark"})
    client.users.by_id("u1").online_meetings.by_id("m1").delete(session="a b;c", tags=["x", "y"])
    assert rec.last.headers["Cookie"] == "theme=dark; session=a%20b%3Bc; tags=x,y"
    client.users_delete_online_meeting(user_id="u1", online_meeting_id="m1", session="s")
    assert rec.last.headers["Cookie"] == "theme=dark; session=s"


def test_optional_body_is_omitted_when_none(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(204))
    client = make(client_module, rec)
    client.users.by_id("u1").online_meetings.by_id("m1").update()
    assert rec.last.method == "PATCH" and rec.last.content == b""
    client.users.by_id("u1").online_meetings.by_id("m1").update(body={"subject": None})
    assert body_of(rec.last) == {"subject": None}  # an explicit null is sent


def test_binary_and_text_results(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, content=b"\xff\xd8jpeg"))
    client = make(client_module, rec)
    assert client.me.photo.value.get() == b"\xff\xd8jpeg"
    assert rec.last.headers["Accept"] == "image/jpeg"
    client.me.photo.value.put(body=b"\x00\x01")
    assert rec.last.content == b"\x00\x01"
    assert rec.last.headers["Content-Type"] == "image/jpeg"
    rec.responses = [httpx.Response(200, text="a,b\n1,2\n")]
    assert client.reports.get_email_activity_counts(period="D7") == "a,b\n1,2\n"
    assert rec.last.url.path == "/v1.0/reports/getEmailActivityCounts(period='D7')"


def test_member_named_like_a_builtin(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, json=["a"]))
    client = make(client_module, rec)
    assert client.sites.by_id("s1").list.list() == ["a"]  # a GET of an array is `list`
    rec.responses = [httpx.Response(200, json=[1, 2])]
    assert client.sites.by_id("s1").list.post() == [1, 2]
    assert client.list_(site_id="s1") == [1, 2]  # operationId "list", renamed from the builtin
    assert rec.last.method == "POST"


def _pages(request: httpx.Request) -> httpx.Response:
    if "skiptoken" in str(request.url):
        return httpx.Response(200, json={"value": [{"id": "m3"}]})
    return httpx.Response(
        200,
        json={
            "value": [{"id": "m1"}, {"id": "m2"}],
            "@odata.count": 3,
            "@odata.nextLink": f"{BASE}/me/onlineMeetings?$skiptoken=abc",
        },
    )


def test_paging_follows_next_link(client_module: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _pages(request)

    client = make(client_module, handler, credential="tok")
    items = client.me.online_meetings.list(search="standup")
    assert seen == []  # lazy: nothing sent before iterating
    assert [m.id for m in items] == ["m1", "m2", "m3"]
    assert str(seen[1].url) == f"{BASE}/me/onlineMeetings?$skiptoken=abc"
    assert seen[1].headers["Authorization"] == "Bearer tok"
    pages = list(client.me_list_online_meetings().pages())
    assert [len(p.items) for p in pages] == [2, 1]
    assert pages[0].count == 3 and pages[1].next_link is None
    first = client.me.online_meetings.list().first_page()
    assert first.next_link is not None and [m.id for m in first.items] == ["m1", "m2"]


def test_a_repeated_next_link_stops_paging_with_an_error(client_module: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        link = f"{BASE}/me/onlineMeetings?$skiptoken=same"
        return httpx.Response(200, json={"value": [MEETING], "@odata.nextLink": link})

    items = make(client_module, handler).me.online_meetings.list()
    with pytest.raises(client_module.PagingLoopError) as info:
        list(items)
    assert info.value.url.endswith("$skiptoken=same")


def test_async_client_paging_and_calls(client_module: ModuleType) -> None:
    async def main() -> tuple[list[str], list[int], str | None]:
        async with make_async(client_module, _pages) as client:
            ids = [m.id async for m in client.me.online_meetings.list()]
            sizes = [len(p.items) async for p in client.me_list_online_meetings().pages()]
        rec = Recorder(httpx.Response(201, json=MEETING))
        async with make_async(client_module, rec) as client:
            meeting = await client.users.by_id("u1").online_meetings.create(body=MEETING)
        return ids, sizes, meeting.subject

    assert asyncio.run(main()) == (["m1", "m2", "m3"], [2, 1], "Standup")


def test_retry_after_is_honoured_for_idempotent_calls(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr("meetings_api.client._retry.sleep", slept.append)
    rec = Recorder(
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503),
        httpx.Response(200, json=MEETING),
    )
    client = make(client_module, rec)
    assert client.users.by_id("u").online_meetings.by_id("m").get().id == "m1"
    assert len(rec.requests) == 3
    assert slept[0] == 7.0 and 0 < slept[1] <= 1.0  # server's hint, then backoff with jitter


def test_retry_gives_up_after_max_retries(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("meetings_api.client._retry.sleep", lambda s: None)
    rec = Recorder(httpx.Response(504))
    policy = client_module.RetryPolicy(max_retries=2)
    client = make(client_module, rec, retry=policy)
    with pytest.raises(client_module.ServerError) as info:
        client.users.by_id("u").online_meetings.by_id("m").get()
    assert info.value.status_code == 504 and len(rec.requests) == 3


def test_non_idempotent_post_is_not_retried_unless_told(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("meetings_api.client._retry.sleep", lambda s: None)
    rec = Recorder(httpx.Response(503), httpx.Response(201, json=MEETING))
    client = make(client_module, rec)
    with pytest.raises(client_module.ServerError):
        client.users.by_id("u").online_meetings.create(body={})
    assert len(rec.requests) == 1
    rec = Recorder(httpx.Response(503), httpx.Response(201, json=MEETING))
    told = client_module.RetryPolicy(retry_non_idempotent=True)
    make(client_module, rec, retry=told).users.by_id("u").online_meetings.create(body={})
    assert len(rec.requests) == 2
    # createOrGet is a POST the spec marks idempotent (x-ms-idempotent): retried by default.
    rec = Recorder(
        httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(200, json=MEETING)
    )
    make(client_module, rec).online_meeting_create_or_get(user_id="u", body={})
    assert len(rec.requests) == 2


class Failing:
    """A handler that raises the given transport errors first, then answers like ``Recorder``."""

    def __init__(self, errors: Sequence[Exception], then: httpx.Response) -> None:
        self.errors = list(errors)
        self.then = then
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return httpx.Response(self.then.status_code, content=self.then.content)


def test_transport_errors_are_retried_where_it_is_safe(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("meetings_api.client._retry.sleep", lambda s: None)
    ok = httpx.Response(200, json=MEETING)
    timeout = httpx.ReadTimeout("slow")
    # a GET is retried after a timeout, and after a failure to connect
    get = Failing([timeout, httpx.ConnectError("refused")], ok)
    assert make(client_module, get).users.by_id("u").online_meetings.by_id("m").get().id == "m1"
    assert get.calls == 3
    # a POST is retried when it never left (connect), not when it may have arrived (timeout)
    post = Failing([httpx.ConnectError("refused")], httpx.Response(201, json=MEETING))
    make(client_module, post).users.by_id("u").online_meetings.create(body={})
    assert post.calls == 2
    post = Failing([timeout], httpx.Response(201, json=MEETING))
    with pytest.raises(httpx.ReadTimeout):
        make(client_module, post).users.by_id("u").online_meetings.create(body={})
    assert post.calls == 1
    # bounded by max_retries, and off when the policy says so
    down = Failing([httpx.ConnectError("refused")] * 5, ok)
    with pytest.raises(httpx.ConnectError):
        make(client_module, down, retry=client_module.RetryPolicy(max_retries=2)).users.by_id(
            "u"
        ).online_meetings.by_id("m").get()
    assert down.calls == 3
    off = client_module.RetryPolicy(retry_transport_errors=False)
    once = Failing([timeout], ok)
    with pytest.raises(httpx.ReadTimeout):
        make(client_module, once, retry=off).users.by_id("u").online_meetings.by_id("m").get()
    assert once.calls == 1


def test_async_transport_errors_are_retried(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr("meetings_api.client._retry.async_sleep", no_sleep)
    handler = Failing([httpx.ConnectError("refused")], httpx.Response(200, json=MEETING))

    async def main() -> str:
        async with make_async(client_module, handler) as client:
            found = await client.users.by_id("u").online_meetings.by_id("m").get()
            return str(found.id)

    assert asyncio.run(main()) == "m1" and handler.calls == 2


def test_async_retry_uses_async_sleep(
    client_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("meetings_api.client._retry.async_sleep", fake_sleep)
    rec = Recorder(
        httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(200, json=MEETING)
    )

    async def main() -> str:
        async with make_async(client_module, rec) as client:
            return str(
                (await client.users_get_online_meeting(user_id="u", online_meeting_id="m")).id
            )

    assert asyncio.run(main()) == "m1" and slept == [2.0]


ODATA_ERROR = {
    "error": {
        "code": "ErrorItemNotFound",
        "message": "The specified object was not found in the store.",
        "innerError": {"request-id": "r-1", "date": "2026-01-01T00:00:00"},
    }
}


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (429, "RateLimitError"),
        (500, "ServerError"),
        (502, "ServerError"),
        (418, "ApiError"),
    ],
)
def test_error_mapping(client_module: ModuleType, status: int, kind: str) -> None:
    rec = Recorder(httpx.Response(status, json=ODATA_ERROR, headers={"Retry-After": "1"}))
    client = make(client_module, rec, retry=client_module.NO_RETRY)
    with pytest.raises(client_module.ApiError) as info:
        client.users.by_id("u").online_meetings.by_id("m").get()
    error = info.value
    assert type(error).__name__ == kind
    assert error.status_code == status and error.headers["Retry-After"] == "1"
    assert error.code == "ErrorItemNotFound"
    assert error.message.startswith("The specified object")
    assert error.inner_error == {"request-id": "r-1", "date": "2026-01-01T00:00:00"}
    assert error.request_id == "r-1"
    assert "ErrorItemNotFound" in str(error) and "/users/u/onlineMeetings/m" in str(error)


def test_error_without_odata_body(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(404, text="<html>nope</html>"))
    client = make(client_module, rec)
    with pytest.raises(client_module.NotFoundError) as info:
        client.users.by_id("u").online_meetings.by_id("m").get()
    assert info.value.error is None and info.value.code is None
    assert info.value.content == b"<html>nope</html>"


def test_auth_callable_gets_the_operation_scopes(client_module: ModuleType) -> None:
    asked: list[Sequence[str]] = []

    def token(scopes: Sequence[str]) -> str:
        asked.append(tuple(scopes))
        return f"t{len(asked)}"

    rec = Recorder(httpx.Response(200, json={"value": []}))
    client = make(client_module, rec, credential=token)
    client.users.by_id("u").online_meetings.list().to_list()
    assert asked == [("OnlineMeetings.Read", "OnlineMeetings.ReadWrite")]
    assert rec.last.headers["Authorization"] == "Bearer t1"
    override = make(client_module, rec, credential=token, scopes=["https://graph/.default"])
    override.users.by_id("u").online_meetings.list().to_list()
    assert asked[-1] == ("https://graph/.default",)


def test_credential_objects_sync_and_async(client_module: ModuleType) -> None:
    class AccessToken:
        def __init__(self, token: str) -> None:
            self.token = token

    class Credential:  # the azure-identity shape
        def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("az-" + ",".join(scopes))

    class AsyncCredential:
        async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("aio-" + ",".join(scopes))

    rec = Recorder(httpx.Response(200, json=MEETING))
    make(client_module, rec, credential=Credential()).users.by_id("u").online_meetings.create(
        body={}
    )
    assert rec.last.headers["Authorization"] == "Bearer az-OnlineMeetings.ReadWrite"

    async def token(scopes: Sequence[str]) -> str:
        return "async-fn"

    async def main() -> list[str]:
        out = []
        for credential in (AsyncCredential(), token, "plain"):
            async with make_async(client_module, rec, credential=credential) as client:
                await client.users.by_id("u").online_meetings.create(body={})
            out.append(rec.last.headers["Authorization"])
        return out

    assert asyncio.run(main()) == [
        "Bearer aio-OnlineMeetings.ReadWrite",
        "Bearer async-fn",
        "Bearer plain",
    ]


def test_client_settings_and_lifecycle(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, json=MEETING))
    http = httpx.Client(transport=httpx.MockTransport(rec))
    with client_module.Client(
        "https://other.example.com/beta/", http_client=http, headers={"X-Trace": "1"}
    ) as client:
        client.users.by_id("u").online_meetings.by_id("m").get()
    assert str(rec.last.url) == "https://other.example.com/beta/users/u/onlineMeetings/m"
    assert rec.last.headers["X-Trace"] == "1"
    assert not http.is_closed  # the caller's client stays open
    owned = client_module.Client(timeout=3.0)
    assert owned._http.timeout.read == 3.0
    owned.close()
    assert owned._http.is_closed
    assert client_module.Client.__module__ == "meetings_api.client._client"


def test_relative_next_link_resolves_against_the_page_url(client_module: ModuleType) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if "skiptoken" in str(request.url):
            return httpx.Response(200, json={"value": [{"id": "b"}]})
        return httpx.Response(
            200, json={"value": [{"id": "a"}], "@odata.nextLink": "?$skiptoken=2"}
        )

    client = make(client_module, handler)
    assert [m.id for m in client.me.online_meetings.list()] == ["a", "b"]
    assert seen[1] == f"{BASE}/me/onlineMeetings?$skiptoken=2"


def test_operations_grouped_by_tag(client_module: ModuleType) -> None:
    rec = Recorder(httpx.Response(200, json={"value": [MEETING]}))
    client = make(client_module, rec)
    group = client.tags.users_online_meeting
    assert [m.id for m in group.users_list_online_meetings(user_id="u1", top=1)] == ["m1"]
    assert str(rec.last.url) == f"{BASE}/users/u1/onlineMeetings?$top=1"
    assert "users_get_online_meeting" in dir(client.tags.default)

    async def main() -> str:
        rec.responses = [httpx.Response(200, json=MEETING)]
        async with make_async(client_module, rec) as aclient:
            got = await aclient.tags.default.users_get_online_meeting(
                user_id="u1", online_meeting_id="m1"
            )
        return str(got.id)

    assert asyncio.run(main()) == "m1"


def test_retry_policy_delays(client_module: ModuleType) -> None:
    retry = importlib.import_module("meetings_api.client._retry")
    later = email.utils.format_datetime(
        dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30), usegmt=True
    )
    assert 25 <= retry.retry_after_seconds(later) <= 30
    assert retry.retry_after_seconds("garbage") is None
    policy = client_module.RetryPolicy(backoff=1.0, max_backoff=4.0, max_retry_after=60)
    assert policy.delay(1, {"Retry-After": "120"}) is None  # longer than allowed: give up
    assert all(0.5 <= policy.delay(1, {}) <= 1.0 for _ in range(20))
    assert all(2.0 <= policy.delay(5, {}) <= 4.0 for _ in range(20))  # capped by max_backoff
    assert not policy.should_retry(500, 0, idempotent=True)
