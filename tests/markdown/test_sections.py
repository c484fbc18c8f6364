"""The line scan: headings outside fences, tab headers, roles, reference definitions."""

from __future__ import annotations

from generator.markdown.sections import role_of, scan


def lines(text: str) -> list[str]:
    return text.split("\n")


def outline_of(text: str) -> list[tuple[int, str, str, int]]:
    outline = scan(lines(text), 0)
    return [(s.level, s.title, s.role, s.line) for s in outline.sections[1:]]


def test_headings_inside_fences_and_tab_headers_do_not_split() -> None:
    text = (
        "# Get thing\n## HTTP request\n```http\n# not a heading\nGET /x\n```\n"
        "~~~\n## nor this\n~~~\n# [HTTP](#tab/http)\n```http\nGET /y\n```\n# [C#](#tab/csharp)\n---\n"
        "## Examples\n### Example 1: Get a **thing**\n#### Request\n#### Response\n## See also\n"
    )
    assert outline_of(text) == [
        (1, "Get thing", "", 1),
        (2, "HTTP request", "http", 2),
        (2, "Examples", "examples", 16),
        (3, "Example 1: Get a thing", "examples", 17),
        (4, "Request", "examples", 18),
        (4, "Response", "examples", 19),
        (2, "See also", "", 20),
    ]
    outline = scan(lines(text), 0)
    assert outline.sections[2].fences == 3
    assert sorted(outline.fences.items()) == [(2, 5), (6, 8), (10, 12)]


def test_unclosed_fence_runs_to_the_end() -> None:
    outline = scan(lines("## HTTP request\n```http\nGET /x\n## still code\n"), 0)
    assert [s.title for s in outline.sections[1:]] == ["HTTP request"]
    assert outline.fences == {1: 5}


def test_reference_definitions_outside_fences() -> None:
    outline = scan(
        lines(
            "[identitySet]: identityset.md\n```\n[x]: nope.md\n```\n  [Drive Item]: <driveitem.md>\n"
        ),
        0,
    )
    assert outline.references == {"identityset": "identityset.md", "drive item": "driveitem.md"}


def test_roles_match_case_and_spelling_variants() -> None:
    assert role_of("HTTP Request") == role_of("HTTP request (to upload a new file)") == "http"
    assert role_of("Request Headers") == role_of("Optional request headers") == "headers"
    assert role_of("Prerequisites") == role_of("Permissions") == "permissions"
    assert role_of("JSON Representation") == "json"
    assert role_of("Instance Attributes") == "properties"
    assert role_of("Response headers") == "other"
    assert role_of("legalAgeGroupClassification values") == "enum_values"
    assert role_of("Legal age group property definitions") == ""


def test_enum_heading_names() -> None:
    outline = scan(
        lines(
            "### `riskLevel` values\n#### chatMessagePolicyViolationDlpActionType\u00a0values \n"
        ),
        0,
    )
    assert [s.enum_name for s in outline.sections[1:]] == [
        "riskLevel",
        "chatMessagePolicyViolationDlpActionType",
    ]
