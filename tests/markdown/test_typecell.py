"""Every type notation of the survey (§5), through a Properties table."""

from __future__ import annotations

import pytest

from generator.markdown.model import TypeRef

from .helpers import codes, resource_page


def type_of(cell: str) -> tuple[TypeRef | None, list[str]]:
    page = resource_page(f"|Property|Type|Description|\n|:--|:--|:--|\n|p|{cell}|d|\n")
    assert page.resource is not None
    (prop,) = page.resource.properties
    return prop.type, codes(page.diagnostics)


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("String", "String"),
        ("string", "String"),
        ("Boolean", "Boolean"),
        ("bool", "Boolean"),
        ("Int32", "Int32"),
        ("int", "Int32"),
        ("Integer", "Int32"),
        ("Int64", "Int64"),
        ("Int16", "Int16"),
        ("Byte", "Byte"),
        ("Double", "Double"),
        ("double", "Double"),
        ("Single", "Single"),
        ("Float", "Single"),
        ("Decimal", "Decimal"),
        ("DateTimeOffset", "DateTimeOffset"),
        ("dateTimeOffset", "DateTimeOffset"),
        ("DateTimeOffSet", "DateTimeOffset"),
        ("DateTime", "DateTimeOffset"),
        ("Date", "Date"),
        ("TimeOfDay", "TimeOfDay"),
        ("Duration", "Duration"),
        ("Guid", "Guid"),
        ("GUID", "Guid"),
        ("Binary", "Binary"),
        ("Stream", "Stream"),
        ("Json", "Json"),
        ("Edm.Int32", "Int32"),
        ("`Edm.boolean `", "Boolean"),
        ("**String**", "String"),
    ],
)
def test_primitives(cell: str, name: str) -> None:
    ref, diagnostics = type_of(cell)
    assert ref is not None and ref.primitive and ref.name == name and not ref.collection
    assert diagnostics == []


@pytest.mark.parametrize(
    "cell",
    [
        "String collection",
        "Collection(String)",
        "collection(string)",
        "Collection(Edm.String)",
        "collection of String",
    ],
)
def test_primitive_collections(cell: str) -> None:
    ref, _ = type_of(cell)
    assert ref is not None and ref.primitive and ref.name == "String" and ref.collection


@pytest.mark.parametrize(
    ("cell", "collection"),
    [
        ("[identitySet](identityset.md)", False),
        ("[identitySet](../resources/identityset.md)", False),
        ("[identitySet](identityset.md) collection", True),
        ("Collection([identitySet](identityset.md))", True),
        ("collection([identitySet](identityset.md))", True),
        ("Collection of [identitySet](identityset.md)", True),
        ("[identitySet](identityset.md collection)", True),
        ("[identitySet](identityset.md", False),
    ],
)
def test_links_name_the_type_by_their_text(cell: str, collection: bool) -> None:
    ref, diagnostics = type_of(cell)
    assert ref is not None and not ref.primitive
    assert ref.name == "identitySet" and ref.collection is collection
    assert ref.link is not None and ref.link.page == "resources/identityset.md"
    assert diagnostics == (["M004"] if cell.endswith(".md") else [])


def test_link_text_not_file_name() -> None:
    ref, _ = type_of("[mimeContent](../resources/intune-shared-mimecontent.md)")
    assert ref is not None and ref.name == "mimeContent"
    assert ref.link is not None and ref.link.page == "resources/intune-shared-mimecontent.md"


def test_qualified_link_text() -> None:
    ref, _ = type_of("[microsoft.graph.callRecords.userAgent](callrecords-useragent.md)")
    assert ref is not None and ref.name == "microsoft.graph.callRecords.userAgent"


@pytest.mark.parametrize(
    ("cell", "page", "anchor"),
    [
        ("[riskLevel](enums.md#risklevel-values)", "resources/enums.md", "risklevel-values"),
        ("[riskLevel](#risklevel-values)", "resources/thing.md", "risklevel-values"),
        ("[riskLevel](/graph/api/resources/risklevel)", "resources/risklevel.md", None),
    ],
)
def test_enum_links(cell: str, page: str, anchor: str | None) -> None:
    ref, _ = type_of(cell)
    assert ref is not None and ref.name == "riskLevel" and ref.link is not None
    assert (ref.link.page, ref.link.anchor) == (page, anchor)


def test_reference_style_link_resolves_through_its_definition() -> None:
    page = resource_page(
        "|Property|Type|Description|\n|:--|:--|:--|\n|a|[identitySet][]|d|\n|b|collection of [DriveItemVersion][]|d|\n",
        extra="\n[identitySet]: identityset.md\n[DriveItemVersion]: driveitemversion.md\n",
    )
    assert page.resource is not None
    a, b = page.resource.properties
    assert a.type is not None and a.type.name == "identitySet" and a.type.link is not None
    assert a.type.link.page == "resources/identityset.md"
    assert b.type is not None and b.type.collection and b.type.name == "DriveItemVersion"


def test_undefined_reference_link_keeps_the_name() -> None:
    ref, diagnostics = type_of("[identitySet][]")
    assert ref is not None and ref.name == "identitySet" and ref.link is None
    assert "M014" in diagnostics


@pytest.mark.parametrize(
    ("cell", "name", "collection"),
    [
        ("riskLevel", "riskLevel", False),
        ("rubricLevel collection", "rubricLevel", True),
        ("alertFeedback enum", "alertFeedback", False),
        ("microsoft.graph.thing", "microsoft.graph.thing", False),
    ],
)
def test_bare_names(cell: str, name: str, collection: bool) -> None:
    ref, _ = type_of(cell)
    assert ref is not None and not ref.primitive
    assert (ref.name, ref.collection) == (name, collection)


@pytest.mark.parametrize(
    ("cell", "name", "primitive"),
    [
        ("string, maximum size 20", "String", True),
        ("String (optional)", "String", True),
        ("(Optional) String", "String", True),
        ("A collection of the requested, derived type of [place](place.md)", "place", False),
        ("[a](a.md) or [b](b.md)", "a", False),
    ],
)
def test_prose_takes_the_first_type_with_a_diagnostic(
    cell: str, name: str, primitive: bool
) -> None:
    ref, diagnostics = type_of(cell)
    assert ref is not None and ref.name == name and ref.primitive is primitive
    assert "M004" in diagnostics


@pytest.mark.parametrize("cell", ["", "%unique_string%", "No Content at all"])
def test_unreadable_cells_give_no_type_and_a_diagnostic(cell: str) -> None:
    ref, diagnostics = type_of(cell)
    assert ref is None
    assert "M004" in diagnostics
