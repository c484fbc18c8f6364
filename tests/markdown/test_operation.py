"""Operation pages: request lines, parameters, headers, body, response phrasing, permissions."""

from __future__ import annotations

import pytest

from generator.markdown.model import Operation

from .helpers import codes, page


def operation(body: str) -> tuple[Operation, list[str]]:
    result = page(body)
    assert result.operation is not None, result.diagnostics
    return result.operation, codes(result.diagnostics)


def request_section(lines: str, info: str = "http") -> str:
    return f'# Do it\n\n## HTTP request\n<!-- {{ "blockType": "ignored" }} -->\n```{info}\n{lines}\n```\n'


@pytest.mark.parametrize(
    "path",
    [
        "/users/{id | userPrincipalName}/events/{id}/attachments/{id}",
        "/users/{id|userPrincipalName}",
        "/security/alerts?$filter={property} eq '{property-value}'",
        "/directory/deleteditems/microsoft.graph.application",
        "/me/drive/root:/{item-path}:/workbook/worksheets/{id|name}/charts/{name}",
        "/me/instances/filterByCurrentUser(on='reviewer')",
        "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')",
        "/directory/administrativeUnits/{id}/members/{id}/$ref",
        "/me/events/{id}/attachments/{id}/$value",
        "/contacts/{id}/transitiveReports/$count",
        "https://graph.microsoft.com/v1.0/me",
        "policies/activityBasedTimeoutPolicies",
        "/groups/{id}/calendar/events/{id}/",
        "/x?$filter=VideoTeleconferenceId%20eq%20'{videoTeleconferenceId}'",
    ],
)
def test_path_forms_are_kept_as_written(path: str) -> None:
    op, diagnostics = operation(request_section(f"GET {path}"))
    assert [(r.method, r.path) for r in op.requests] == [("GET", path)]
    assert "M008" not in diagnostics


def test_several_lines_methods_and_quirks() -> None:
    op, diagnostics = operation(
        request_section(
            "GET /me/joinedTeams\nor\nget /users/{id}/joinedTeams HTTP/1.1\n"
            "DELETE/identity/b2xUserFlows/{id}\nworkbook-session-id: {session-id}\n"
        )
    )
    assert [(r.method, r.path, r.line) for r in op.requests] == [
        ("GET", "/me/joinedTeams", 10),
        ("GET", "/users/{id}/joinedTeams", 12),
        ("DELETE", "/identity/b2xUserFlows/{id}", 13),
    ]
    assert diagnostics == ["M008"]  # the header line, read as a header
    assert [(h.name, h.value, h.line) for h in op.headers] == [
        ("workbook-session-id", "{session-id}", 14)
    ]


def test_several_blocks_and_msgraph_interactive_and_skip_other_languages() -> None:
    op, _ = operation(
        "# Get\n\n## HTTP Request\nFor a user:\n```http\nGET /users/{id}\n```\n"
        "For me:\n``` msgraph-interactive\nGET /me\n```\n"
        '### Encoding\n```csharp\nstring x = "GET /nope";\n```\n'
    )
    assert [r.path for r in op.requests] == ["/users/{id}", "/me"]


def test_request_block_inside_a_tab_group() -> None:
    op, _ = operation(
        '# Get\n\n## HTTP Request\n\n# [HTTP](#tab/http)\n<!-- { "blockType": "ignored" } -->\n'
        "```http\nGET /drive/special/{name}\n```\n# [C#](#tab/csharp)\n[!INCLUDE [x](y.md)]\n\n---\n\n"
        "## Response\nIf successful, this method returns a `200 OK` response code.\n"
    )
    assert [r.path for r in op.requests] == ["/drive/special/{name}"]
    assert op.response is not None and op.response.status == 200


def test_no_request_section_falls_back_to_the_example() -> None:
    op, diagnostics = operation(
        '# Add member\n\n## Example\n### Request\n<!-- { "blockType": "request", "name": "x" } -->\n'
        "```http\nPOST https://graph.microsoft.com/v1.0/chats/{id}/members\nContent-type: application/json\n\n"
        '{"a": 1}\n```\n'
    )
    assert [(r.method, r.path) for r in op.requests] == [("POST", "/chats/{id}/members")]
    assert "M006" in diagnostics


def test_empty_request_section_is_reported() -> None:
    op, diagnostics = operation("# Get\n\n## HTTP request\nSee elsewhere.\n")
    assert op.requests == ()
    assert "M006" in diagnostics


PHRASINGS = [
    # sentence → (status, type name, collection, empty, stream)
    (
        "returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.",
        (200, "user", False, False, False),
    ),
    (
        "returns a `201 Created` response code and a new [event](../resources/event.md) object.",
        (201, "event", False, False, False),
    ),
    (
        "returns a `200 OK` response code and a collection of [user](user.md) objects in the response body.",
        (200, "user", True, False, False),
    ),
    (
        "returns a `200 OK` response code and a [user](../resources/user.md) collection in the response body.",
        (200, "user", True, False, False),
    ),
    (
        "returns a `204 No Content` response code. It does not return anything in the response body.",
        (204, None, False, True, False),
    ),
    ("returns `200 OK` and an empty response body.", (200, None, False, True, False)),
    (
        "returns a `302 Found` response redirecting to a pre-authenticated download URL.",
        (302, None, False, False, True),
    ),
    (
        "returns a 201 Created response code and a [team](team.md) object.",
        (201, "team", False, False, False),
    ),
    (
        "returns a `200 OK` response code and an **alert** object in the response body.",
        (200, "alert", False, False, False),
    ),
    (
        "returns a `200 OK` response code and a **String** in the response body.",
        (200, "String", False, False, False),
    ),
    (
        "returns `200 OK` response code and String collection object in the response body.",
        (200, "String", True, False, False),
    ),
    ("returns a `200 OK` response code and a Boolean.", (200, "Boolean", False, False, False)),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASINGS)
def test_response_phrasing(sentence: str, expected: tuple[object, ...]) -> None:
    op, _ = operation(
        request_section("GET /x") + f"\n## Response\n\nIf successful, this method {sentence}\n"
    )
    response = op.response
    assert response is not None
    found = (
        response.status,
        response.type.name if response.type else None,
        response.collection,
        response.empty,
        response.stream,
    )
    assert found == expected


def test_response_without_status_takes_the_example_status() -> None:
    op, diagnostics = operation(
        request_section("GET /x")
        + "\n## Response\nThis method returns a [driveItem](driveitem.md).\n\n## Example\n"
        "```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{}\n```\n"
    )
    assert op.response is not None and op.response.status == 200
    assert op.response.type is not None and op.response.type.name == "driveItem"
    assert "M010" in diagnostics


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n"
            "|Delegated (work or school account)|User.Read, User.ReadWrite|\n"
            "|Delegated (personal Microsoft account)|Not supported.|\n"
            "|Application|User.Read.All and Directory.Read.All; Foo.Bar<br/>Baz.Qux|\n",
            [
                ("delegatedWork", ("User.Read", "User.ReadWrite")),
                ("delegatedPersonal", ()),
                ("application", ("User.Read.All", "Directory.Read.All", "Foo.Bar", "Baz.Qux")),
            ],
        ),
        (
            "|Supported resource|Delegated (work or school account)|Delegated (personal Microsoft account)|Application|\n"
            "|:--|:--|:--|:--|\n|user|Calendars.Read|Calendars.Read|Not supported.|\n",
            [
                ("delegatedWork", ("Calendars.Read",)),
                ("delegatedPersonal", ("Calendars.Read",)),
                ("application", ()),
            ],
        ),
        (
            "|Permission type|Permissions acting on self|Permissions acting on others|\n|--|--|--|\n"
            "|Delegated (work or school account)|A.Read|A.Read.All|\n",
            [("delegatedWork", ("A.Read", "A.Read.All"))],
        ),
        (
            "|Permission Type|Permissions|\n|--|--|\n"
            "|[Delegated permission](/graph/auth-v2-user) (personal Microsoft account|`ProgramControl.Read.All`, OnlineMeetings.ReadWrite.All*|\n",
            [("delegatedPersonal", ("ProgramControl.Read.All", "OnlineMeetings.ReadWrite.All"))],
        ),
    ],
)
def test_permission_shapes(table: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    op, _ = operation(
        f"# Do\n\n## Permissions\nOne of the following.\n\n{table}\n"
        + request_section("GET /x")[8:]
    )
    assert [(p.kind, p.scopes) for p in op.permissions] == expected


def test_permission_placeholders_and_prose_are_reported() -> None:
    op, diagnostics = operation(
        "# Do\n\n## Prerequisites\n|Permission type|Permissions|\n|--|--|\n"
        "|Delegated (work or school account)|**TODO: Determine scopes **|\n"
        "|Application|For **user** resource: Not supported.<br/>For channel: TeamMember.Read|\n"
        "|&nbsp; &nbsp; **Policy Set**| |\n"
    )
    assert [(p.kind, p.scopes) for p in op.permissions] == [
        ("delegatedWork", ()),
        ("application", ("TeamMember.Read",)),
    ]
    assert diagnostics.count("M011") == 2


@pytest.mark.parametrize(
    "table",
    [
        "|Header|Value|\n|:--|:--|\n|Authorization|Bearer {token}. Required.|\n|Prefer|return=minimal. Optional.|\n",
        "|Name|Description|\n|:--|:--|\n|Authorization|Bearer {token}. Required.|\n|Prefer|return=minimal. Optional.|\n",
        "|Name|Type|Description|\n|:--|:--|:--|\n|Authorization|string|Bearer {token}. Required.|\n|Prefer|string|return=minimal. Optional.|\n",
    ],
)
def test_header_tables(table: str) -> None:
    op, _ = operation(request_section("GET /x") + f"\n## Request headers\n{table}")
    assert [(h.name, h.required) for h in op.headers] == [
        ("Authorization", True),
        ("Prefer", False),
    ]


def test_parameter_tables_and_query_options() -> None:
    op, _ = operation(
        request_section("GET /reports/getEmailActivity(period='{period_value}')")
        + "\n### Path parameters\n|Parameter name|Value|Description|\n|--|--|--|\n|id|String|The id. Required.|\n"
        + "\n## Function parameters\n|Parameter|Type|Required?|Description|\n|--|--|--|--|\n|period|String|Yes|Possible values are: `D7`, `D30`.|\n"
        + "\n## Optional query parameters\nThis method supports the `$select`, `$filter` and `$top` [OData query parameters](/graph/query-parameters).\n"
        + "\n## Query parameters\n|Query parameter|Type|Description|\n|--|--|--|\n|$search|String|Search.|\n"
    )
    assert [(p.name, p.type.name if p.type else None, p.required) for p in op.path_params] == [
        ("id", "String", True)
    ]
    (period,) = op.function_params
    assert period.required and period.possible_values == ("D7", "D30")
    assert [p.name for p in op.query_params] == ["$search"]
    assert op.query_options == ("$filter", "$search", "$select", "$top")


def test_request_body_shapes() -> None:
    body_type, _ = operation(
        request_section("PATCH /users/{id}")
        + "\n## Request body\nIn the request body, supply a JSON representation of a [user](../resources/user.md) object.\n"
    )
    assert (
        body_type.body_type is not None
        and body_type.body_type.name == "user"
        and not body_type.no_body
    )
    params, _ = operation(
        request_section("POST /x/send")
        + "\n## Request body\nProvide a JSON object with the following parameters. See [docs](x.md).\n\n"
        "|Parameter|Type|Description|\n|--|--|--|\n|message|[message](message.md)|The message. Required.|\n|save|Boolean|Optional.|\n"
    )
    assert [(p.name, p.required) for p in params.body_params] == [
        ("message", True),
        ("save", False),
    ]
    assert params.body_type is None
    none, _ = operation(
        request_section("GET /x")
        + "\n## Request body\nDo not supply a request body for this method.\n"
    )
    assert none.no_body and none.body_params == ()


SEED_LIKE = """
# createOrGet

## HTTP Request
```http
POST /me/onlineMeetings/createOrGet
```

## Example

### Request
``` http
POST https://graph.microsoft.com/beta/me/onlineMeetings/createOrGet

Content-type: application/json
Content-length: 33

{
  "subject": "Subject value",
}
```

### Response
<!-- {
  "blockType": "response",
  "truncated": "true",
  "@odata.type": "microsoft.graph.onlineMeeting"
}
-->
``` http
HTTP/1.1 200 OK
Content-Type: application/json; odata.metadata=minimal
Content-Length: 71

{
  "value": {
    "id": "49f6",
    ...
  }
}
```

### Request 2
# [HTTP](#tab/http)
<!-- { "blockType": "request", "name": "get_thing" } -->
```msgraph-interactive
GET https://graph.microsoft.com/v1.0/me/onlineMeetings?$filter=subject eq 'x'
```
# [C#](#tab/csharp)
[!INCLUDE [sample-code](../includes/snippets/csharp/x.md)]

---

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 204 No Content
```

<!-- { "blockType": "ignored" } -->
```http
GET /not/an/example
```

```json
{"not": "an HTTP message"}
```
"""


def test_examples_annotated_and_positional() -> None:
    op, diagnostics = operation(SEED_LIKE)
    kinds = [(e.kind, e.method, e.status) for e in op.examples]
    assert kinds == [
        ("request", "POST", None),
        ("response", None, 200),
        ("request", "GET", None),
        ("response", None, 204),
    ]
    request, response, get, empty = op.examples
    assert request.annotation is None and request.title == "Example"
    assert request.headers == (("Content-type", "application/json"), ("Content-length", "33"))
    assert request.json == {"subject": "Subject value"} and request.json_ok
    assert response.annotation is not None and response.annotation.get_bool("truncated")
    assert response.content_type == "application/json"
    assert response.json == {"value": {"id": "49f6"}} and response.json_ok
    assert get.url == "https://graph.microsoft.com/v1.0/me/onlineMeetings?$filter=subject eq 'x'"
    assert get.annotation is not None and get.annotation.get_str("name") == "get_thing"
    assert empty.body is None and empty.json is None and not empty.json_ok
    assert diagnostics.count("M009") == 2  # both bodies parsed only leniently


def test_example_block_mismatch_and_bad_json_are_reported() -> None:
    op, diagnostics = operation(
        request_section("POST /x")
        + '\n## Example\n<!-- { "blockType": "response" } -->\n```http\nPOST https://x/y\n```\n'
        + '<!-- { "blockType": "response" } -->\n```http\nHTTP 201 Created\nContent-type: application/json\n\n{ "a": <b> }\n```\n'
    )
    assert [e.status for e in op.examples] == [None, 201]
    assert not op.examples[1].json_ok and op.examples[1].body == '{ "a": <b> }'
    assert "M015" in diagnostics and "M009" in diagnostics


def test_annotation_separated_from_its_block() -> None:
    op, diagnostics = operation(
        request_section("GET /x")
        + '\n## Example\n<!-- { "blockType": "request", "name": "a" } -->\nThe request:\n```http\nGET https://graph.microsoft.com/v1.0/x\n```\n'
    )
    assert op.examples[0].annotation is not None
    assert "M016" in diagnostics
