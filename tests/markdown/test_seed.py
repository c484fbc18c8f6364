"""The seed page, as given (a generated, Intune-style page)."""

from __future__ import annotations

from pathlib import Path

from generator.markdown import parse_page
from generator.markdown.model import PageKind


def test_seed_page(seed_page: Path) -> None:
    page = parse_page("api/onlinemeeting-createorget.md", seed_page.read_text(encoding="utf-8"))
    assert page.kind is PageKind.OPERATION and page.title == "createOrGet"
    assert page.namespace == "microsoft.graph"
    op = page.operation
    assert op is not None
    assert [(r.method, r.path) for r in op.requests] == [
        ("POST", "/me/onlineMeetings/createOrGet"),
        ("POST", "/app/onlineMeetings/createOrGet"),
        ("POST", "/communications/onlineMeetings/createOrGet"),
        ("POST", "/users/{usersId}/onlineMeetings/createOrGet"),
    ]
    assert [(h.name, h.required) for h in op.headers] == [
        ("Authorization", True),
        ("Content-Type", True),
    ]
    assert [p.name for p in op.body_params] == [
        "chatInfo",
        "endDateTime",
        "externalId",
        "participants",
        "startDateTime",
        "subject",
    ]
    assert op.body_params[0].type is not None and op.body_params[0].type.link is not None
    assert op.body_params[0].type.link.page == "resources/chatinfo.md"
    assert op.response is not None and op.response.status == 200
    assert op.response.type is not None and op.response.type.name == "onlineMeeting"
    assert [(p.kind, p.scopes) for p in op.permissions] == [
        ("delegatedWork", ()),
        ("delegatedPersonal", ()),
        ("application", ()),
    ]
    request, response = op.examples
    assert request.method == "POST" and request.json_ok and request.annotation is not None
    assert ("Content-length", "339") in request.headers
    assert response.status == 200 and response.json_ok
    assert set(response.json) == {"value"} and response.json["value"]["id"].startswith("49f67c03")
    assert sorted(d.code for d in page.diagnostics) == ["M011", "M011"]  # the TODO scope cells
