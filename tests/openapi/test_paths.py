"""Path normalisation: every request-line form the corpus uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.openapi import paths
from generator.openapi.paths import NormalPath, canonical_paths, normalise_path


def norm(raw: str) -> NormalPath:
    result = normalise_path(raw)
    assert isinstance(result, NormalPath), result
    return result


@pytest.mark.parametrize(
    ("raw", "template"),
    [
        ("/users/{id | userPrincipalName}/events", "/users/{user-id}/events"),
        ("/users/{id|userPrincipalName}/events/{id}", "/users/{user-id}/events/{event-id}"),
        (
            "/users/{usersId}/onlineMeetings/createOrGet",
            "/users/{user-id}/onlineMeetings/createOrGet",
        ),
        (
            "/me/mailFolders/{id}/childFolders/{id}",
            "/me/mailFolders/{mailFolder-id}/childFolders/{childFolder-id}",
        ),
        ("/policies/categories/{id}", "/policies/categories/{category-id}"),
        (
            "/me/mailFolders/{id}/mailFolders/{id}",
            "/me/mailFolders/{mailFolder-id}/mailFolders/{mailFolder-id1}",
        ),
        ("https://graph.microsoft.com/v1.0/me/events", "/me/events"),
        ("policies/activityBasedTimeoutPolicies", "/policies/activityBasedTimeoutPolicies"),
        ("/groups/{id}/calendar/events/{id}/", "/groups/{group-id}/calendar/events/{event-id}"),
        ("/me/drive/root:/{item-path}:/content", "/me/drive/root:/{item-path}:/content"),
        ("/drives/{drive-id}/root:/{item-path}", "/drives/{drive-id}/root:/{item-path}"),
        (
            "/me/drive/items/{parent-id}:/{filename}:/content",
            "/me/drive/items/{item-id}:/{filename}:/content",
        ),
        ("/drive/root:/{path and filename}:/content", "/drive/root:/{path-and-filename}:/content"),
        (
            "/reports/getTeamsUserActivityCounts(period='{period_value}')",
            "/reports/getTeamsUserActivityCounts(period='{period}')",
        ),
        (
            "/me/drive/items/{id}/workbook/worksheets/{id}/range/columnsAfter(count=n)",
            "/me/drive/items/{item-id}/workbook/worksheets/{worksheet-id}/range/columnsAfter(count={count})",
        ),
        ("/workbook/worksheets('{id}')/charts", "/workbook/worksheets/{worksheet-id}/charts"),
        (
            "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')",
            "/me/drive/items/{item-id}/workbook/worksheets/{worksheet-id}/range(address='{address}')",
        ),
        ("/users/delta()", "/users/delta()"),
        (
            "/deviceAppManagement/mobileApps/{mobileAppId}/microsoft.graph.mobileLobApp/contentVersions",
            "/deviceAppManagement/mobileApps/{mobileApp-id}/microsoft.graph.mobileLobApp/contentVersions",
        ),
        ("/security/alerts?$filter={property} eq '{property-value}'", "/security/alerts"),
        ("/me/calendarView?startDateTime={start}&endDateTime={end}", "/me/calendarView"),
        ("/teams/(team-id)/channels", "/teams/{team-id}/channels"),
        ("/me/events HTTP/1.1", "/me/events"),
        ("/me/messages?$filter=subject%20eq%20'x'", "/me/messages"),
        (
            "/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/members",
            "/education/classes/{class-id}/members",
        ),
        ("/users/{id}/photo/$value", "/users/{user-id}/photo/$value"),
        (
            "/users/{user-id} | user-principal-name/chats/{chat-id}",
            "/users/{user-id}/chats/{chat-id}",
        ),
    ],
)
def test_templates(raw: str, template: str) -> None:
    assert norm(raw).template == template


def test_key_parameters_name_their_collection_and_keep_the_written_form() -> None:
    path = norm("/users/{id | userPrincipalName}/events/{eventId}")
    assert [(p.name, p.written, p.key_of) for p in path.params] == [
        ("user-id", "id", "user"),
        ("event-id", "eventId", "event"),
    ]
    assert path.params[0].alternatives == ("id", "userPrincipalName")
    assert path.ends_with_key and path.names == ("users", "events")


def test_function_arguments_become_parameters_of_the_call() -> None:
    path = norm("/sites/{id}/getActivitiesByInterval(startDateTime='2017-05-01',interval='week')")
    assert path.template == (
        "/sites/{site-id}/getActivitiesByInterval(startDateTime='{startDateTime}',interval='{interval}')"
    )
    assert [p.argument_of for p in path.params] == [
        None,
        "getActivitiesByInterval",
        "getActivitiesByInterval",
    ]
    assert path.ends_with_call


def test_query_string_names_and_special_segments() -> None:
    assert norm("/me/calendarView?startDateTime={s}&endDateTime={e}").query == (
        "startDateTime",
        "endDateTime",
    )
    assert norm("/groups/{id}/members/$ref?$id={x}").special == "$ref"
    assert norm("/groups/{id}/members/$ref?$id={x}").query == ("$id",)


@pytest.mark.parametrize("raw", ["/me/{unclosed/events", "/me/x|y/events", '/me/a"b'])
def test_unusable_paths_say_why(raw: str) -> None:
    assert isinstance(normalise_path(raw), str)


def test_same_shape_paths_get_one_spelling() -> None:
    a, b = norm("/teams/{teamId}/channels/{x}"), norm("/teams/{team-id}/channels/{channel-id}")
    assert a.template == b.template  # keys are named after their collection either way
    c, d = norm("/drive/root:/{item-path}:/content"), norm("/drive/root:/{path}:/content")
    e, f = norm("/directoryroles/{id}/members"), norm("/directoryRoles/{id}/members")
    chosen = canonical_paths([c, d, e, f])
    assert d.adopt(chosen[d.shape]).template == "/drive/root:/{item-path}:/content"
    assert d.adopt(chosen[d.shape]).params[0].written == "path"
    assert e.adopt(chosen[e.shape]).template == "/directoryRoles/{directoryRole-id}/members"
    assert e.adopt(chosen[e.shape]).names == ("directoryRoles", "members")


def _walk_split(text: str, separator: str) -> list[str]:
    """The reference: split on ``separator`` at bracket depth 0, outside single quotes."""
    closing = {"{": "}", "(": ")", "<": ">"}
    parts, current, stack, quoted = [], "", [], False
    for char in text:
        if char == "'" and not stack:
            quoted = not quoted
        elif not quoted and char in closing:
            stack.append(closing[char])
        elif not quoted and stack and char == stack[-1]:
            stack.pop()
        elif char == separator and not stack and not quoted:
            parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current]


def _walk_cut(text: str) -> tuple[str, str]:
    closing = {"{": "}", "(": ")", "<": ">"}
    stack: list[str] = []
    for position, char in enumerate(text):
        if char in closing:
            stack.append(closing[char])
        elif stack and char == stack[-1]:
            stack.pop()
        elif not stack and char == "?":
            return text[:position], text[position + 1 :]
        elif not stack and char.isspace():
            return text[:position], ""
    return text, ""


@given(st.text(alphabet="ab/{}()<>'?, |=$", max_size=40))
def test_the_fast_splits_agree_with_a_character_walk(text: str) -> None:
    assert paths._split(text, "/") == _walk_split(text, "/")
    assert paths._split(text, ",") == _walk_split(text, ",")
    assert paths._cut(text) == _walk_cut(text)


def test_the_memo_answers_known_paths_and_keeps_what_was_asked() -> None:
    from generator.openapi.paths import PathMemo

    known = normalise_path("/users/{id}")
    assert isinstance(known, NormalPath)
    marked = NormalPath("/remembered", (), (), ("remembered",))
    memo = PathMemo({"/users/{id}": marked, "/gone": marked})
    assert memo("/users/{id}") is marked  # taken from the last run, not computed again
    assert memo("/groups/{id}") == normalise_path("/groups/{id}")
    assert memo("bad path {") == normalise_path("bad path {")  # a reason (str) is remembered too
    assert sorted(memo.used) == ["/groups/{id}", "/users/{id}", "bad path {"]
