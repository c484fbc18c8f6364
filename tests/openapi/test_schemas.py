"""Types, properties, inheritance, navigation and enums → component schemas."""

from __future__ import annotations

from typing import Any

import pytest

from generator.markdown.model import TypeRef
from tests.openapi.conftest import Build
from tests.openapi.pages import enum_def, enum_page, link, prim, prop, resource_page

G = "microsoft.graph."


def ref_target(schema: dict[str, Any]) -> str:
    """The $ref of a property, plain or in the nullable ``anyOf`` form."""
    ref = schema["anyOf"][0]["$ref"] if "anyOf" in schema else schema["$ref"]
    return str(ref).rsplit("/", 1)[-1]


def props(doc: dict[str, Any], name: str) -> dict[str, Any]:
    schema = doc["components"]["schemas"][G + name]
    body = schema["allOf"][-1] if "allOf" in schema else schema
    result: dict[str, Any] = body["properties"]
    return result


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("String", {"type": "string"}),
        ("string", {"type": "string"}),
        ("Boolean", {"type": "boolean"}),
        ("Int32", {"type": "integer", "format": "int32"}),
        ("int", {"type": "integer", "format": "int32"}),
        ("Int64", {"type": "integer", "format": "int64"}),
        ("Double", {"type": "number", "format": "double"}),
        ("Single", {"type": "number", "format": "float"}),
        ("Decimal", {"type": "number", "format": "decimal"}),
        ("DateTimeOffset", {"type": "string", "format": "date-time"}),
        ("DateTime", {"type": "string", "format": "date-time"}),
        ("Date", {"type": "string", "format": "date"}),
        ("TimeOfDay", {"type": "string", "format": "time"}),
        ("Duration", {"type": "string", "format": "duration"}),
        ("Guid", {"type": "string", "format": "uuid"}),
        ("Edm.Guid", {"type": "string", "format": "uuid"}),
        ("Binary", {"type": "string", "format": "base64url"}),
        ("Stream", {"type": "string", "format": "binary"}),
        ("Json", {}),
    ],
)
def test_primitive_notations(build: Build, written: str, expected: dict[str, Any]) -> None:
    page = resource_page("resources/t.md", "t", (prop("p", prim(written), nullable=False),))
    doc, sink = build(page)
    assert props(doc, "t")["p"] == expected
    assert not sink.items


def test_nullable_in_30_and_31(build: Build) -> None:
    page = resource_page(
        "resources/t.md",
        "t",
        (
            prop("a", prim("String")),
            prop("b", link("t", "resources/t.md"), nullable=True),
            prop("c", prim("String"), nullable=False),
        ),
    )
    v30 = props(build(page)[0], "t")
    assert v30["a"] == {"type": "string", "nullable": True}
    assert v30["b"] == {
        "anyOf": [{"$ref": "#/components/schemas/" + G + "t"}, {"type": "object", "nullable": True}]
    }
    assert v30["c"] == {"type": "string"}
    v31 = props(build(page, version="3.1.0")[0], "t")
    assert v31["a"] == {"type": ["string", "null"]}
    assert v31["b"]["anyOf"][1] == {"type": "null"}


def test_collections_links_and_navigation(build: Build) -> None:
    page = resource_page(
        "resources/group.md",
        "group",
        (
            prop(
                "tags",
                prim("String", collection=True),
                description="Tags. Read-only.",
                read_only=True,
            ),
        ),
        (
            prop("owner", link("directoryObject", "resources/directoryobject.md"), navigation=True),
            prop(
                "members",
                link("directoryObject", "resources/directoryobject.md", collection=True),
                navigation=True,
            ),
        ),
    )
    other = resource_page("resources/directoryobject.md", "directoryObject")
    doc, sink = build(page, other)
    group = props(doc, "group")
    assert group["tags"] == {
        "type": "array",
        "items": {"type": "string"},
        "description": "Tags. Read-only.",
        "readOnly": True,
    }
    assert group["owner"] == {  # single-valued: nullable unless the docs say otherwise
        "anyOf": [
            {"$ref": "#/components/schemas/" + G + "directoryObject"},
            {"type": "object", "nullable": True},
        ],
        "x-ms-navigationProperty": True,
    }
    assert group["members"]["items"] == {"$ref": "#/components/schemas/" + G + "directoryObject"}
    assert group["members"]["x-ms-navigationProperty"] is True
    assert not sink.items


def test_link_target_page_gives_the_type_not_the_file_name(build: Build) -> None:
    target = resource_page("resources/intune-shared-mimecontent.md", "mimeContent")
    oddly_named = TypeRef(
        "[x](../resources/intune-shared-mimecontent.md)",
        "x",
        False,
        link=link("x", "resources/intune-shared-mimecontent.md").link,
    )
    page = resource_page(
        "resources/t.md",
        "t",
        (
            prop("a", link("mimeContent", "resources/intune-shared-mimecontent.md")),
            prop("b", oddly_named),
        ),
    )
    doc, _ = build(page, target)
    assert ref_target(props(doc, "t")["a"]) == G + "mimeContent"
    assert ref_target(props(doc, "t")["b"]) == G + "mimeContent"


def test_namespace_from_page(build: Build) -> None:
    page = resource_page(
        "resources/callrecords-session.md",
        "session",
        (prop("x", prim("String")),),
        namespace="microsoft.graph.callRecords",
    )
    doc, _ = build(page)
    assert "microsoft.graph.callRecords.session" in doc["components"]["schemas"]


def test_unknown_type_is_any_with_o001(build: Build) -> None:
    page = resource_page(
        "resources/t.md", "t", (prop("risk", TypeRef("riskLevel", "riskLevel", False), line=33),)
    )
    doc, sink = build(page)
    assert props(doc, "t")["risk"] == {}
    assert [(d.code, d.line) for d in sink.items] == [("O001", 33)]


def test_inheritance_from_annotation_link_and_entity_default(build: Build) -> None:
    base = resource_page(
        "resources/outlookitem.md",
        "outlookItem",
        (prop("id", prim("String")), prop("subject", prim("String"))),
        key_property="id",
    )
    by_annotation = resource_page(
        "resources/message.md",
        "message",
        (
            prop("subject", prim("String"), inherited_from="outlookItem"),
            prop("body", prim("String")),
        ),
        base_type="microsoft.graph.outlookItem",
    )
    by_link = resource_page(
        "resources/event.md",
        "event",
        (prop("x", prim("String")),),
        base_type="outlookItem",
        base_link=link("outlookItem", "resources/outlookitem.md").link,
    )
    doc, sink = build(base, by_annotation, by_link)
    schemas = doc["components"]["schemas"]
    assert schemas[G + "message"]["allOf"][0] == {
        "$ref": "#/components/schemas/" + G + "outlookItem"
    }
    assert list(props(doc, "message")) == ["body"]  # the inherited row stays with the base
    assert schemas[G + "event"]["allOf"][0]["$ref"].endswith("outlookItem")
    assert schemas[G + "outlookItem"]["allOf"][0]["$ref"].endswith(G + "entity")
    assert schemas[G + "entity"]["properties"]["id"]["type"] == "string"  # synthesised
    assert list(props(doc, "outlookItem")) == ["subject"]
    assert not sink.items


def test_unresolved_and_cyclic_bases(build: Build) -> None:
    a = resource_page("resources/a.md", "a", base_type="microsoft.graph.b")
    b = resource_page("resources/b.md", "b", base_type="microsoft.graph.a")
    c = resource_page("resources/c.md", "c", base_type="microsoft.graph.nowhere")
    doc, sink = build(a, b, c)
    assert {d.code for d in sink.items} == {"O004", "O005"}
    assert "allOf" not in doc["components"]["schemas"][G + "c"]


def test_open_abstract_and_source(build: Build) -> None:
    page = resource_page("resources/t.md", "t", open_type=True, abstract=True)
    schema = build(page)[0]["components"]["schemas"][G + "t"]
    assert schema["additionalProperties"] is True and schema["x-ms-open-type"] is True
    assert schema["x-ms-abstract"] is True
    assert schema["x-specdown-source"] == "resources/t.md:5"


def test_enum_sources_anchor_page_and_merge(build: Build) -> None:
    in_page = enum_def("presenters", "everyone", "organizer", line=40)
    owner = resource_page(
        "resources/meeting.md",
        "meeting",
        (
            prop("who", link("presenters", "resources/meeting.md", anchor="presenters-values")),
            prop("kind", link("meetingKind", "resources/meetingkind.md")),
            prop("body", link("bodyType", "resources/enums.md", anchor="bodytype-values")),
        ),
        enums=(in_page,),
    )
    kind_page = enum_page(
        "resources/meetingkind.md", enum_def("meetingKind", "a", "b", flags=True, source="page")
    )
    shared = resource_page("resources/enums.md", "enums")
    shared = enum_page("resources/enums.md", enum_def("bodyType", "text", "html"))
    again = resource_page(
        "resources/other.md", "other", enums=(enum_def("bodyType", "text", "markdown"),)
    )
    doc, sink = build(owner, kind_page, shared, again)
    schemas = doc["components"]["schemas"]
    assert ref_target(props(doc, "meeting")["who"]) == G + "presenters"
    assert ref_target(props(doc, "meeting")["kind"]) == G + "meetingKind"
    assert ref_target(props(doc, "meeting")["body"]) == G + "bodyType"
    assert schemas[G + "presenters"] == {
        "title": "presenters",
        "type": "string",
        "enum": ["everyone", "organizer"],
        "x-specdown-source": "resources/meeting.md:40",
    }
    assert schemas[G + "meetingKind"]["x-ms-enum-flags"] == {"isFlags": True}
    assert schemas[G + "bodyType"]["enum"] == ["text", "html", "markdown"]
    assert [d.code for d in sink.items] == ["O007"]


def test_duplicate_type_definitions_are_merged(build: Build) -> None:
    """Intune splits a type over several partial pages: the fullest leads, the rows are merged."""
    full = resource_page(
        "resources/user.md",
        "user",
        (prop("a", prim("String")), prop("b", prim("Int32")), prop("c", prim("Date"))),
    )
    part = resource_page(
        "resources/intune-user.md",
        "user",
        (prop("b", prim("String")),),
        (prop("devices", link("user", "resources/user.md", collection=True), navigation=True),),
    )
    doc, sink = build(part, full)
    assert list(props(doc, "user")) == ["a", "b", "c", "devices"]
    assert props(doc, "user")["b"]["format"] == "int32"  # the leading page's row wins
    assert doc["components"]["schemas"][G + "user"]["x-specdown-source"] == "resources/user.md:5"
    assert [(d.code, d.path) for d in sink.items] == [("O002", "resources/intune-user.md")]


def test_base_from_inherited_rows(build: Build) -> None:
    base = resource_page(
        "resources/deviceconfiguration.md",
        "deviceConfiguration",
        (prop("id", prim("String")), prop("version", prim("Int32"))),
        key_property="id",
    )
    derived = resource_page(
        "resources/iosconfiguration.md",
        "iosConfiguration",
        (
            prop("id", prim("String"), inherited_from="entity"),
            prop("version", prim("Int32"), inherited_from="deviceConfiguration"),
            prop("passcode", prim("String")),
        ),
        key_property="id",
    )
    doc, _ = build(base, derived)
    assert doc["components"]["schemas"][G + "iosConfiguration"]["allOf"][0]["$ref"].endswith(
        G + "deviceConfiguration"
    )
    assert list(props(doc, "iosConfiguration")) == ["passcode"]
