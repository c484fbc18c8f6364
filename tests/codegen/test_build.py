"""The codegen stage alone: OpenAPI dict → Api (names, types, pointers, inheritance, diagnostics)."""

from __future__ import annotations

from typing import Any

from generator.codegen.build import build_api, package_name
from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink


def build(schemas: dict[str, Any], **extra: Any) -> tuple[Api, DiagnosticSink]:
    sink = DiagnosticSink()
    document = {
        "openapi": "3.0.3",
        "info": {"title": "My API!", "version": "1"},
        "paths": extra.pop("paths", {}),
        "components": {"schemas": schemas, **extra},
    }
    return build_api(document, package="pkg", source="spec.yaml", sink=sink), sink


def obj(**props: Any) -> dict[str, Any]:
    return {"type": "object", "properties": props}


def test_namespaced_names_take_more_of_the_namespace_on_collision() -> None:
    api, sink = build(
        {
            "microsoft.graph.user": obj(a={"type": "string"}),
            "microsoft.graph.security.user": obj(b={"type": "string"}),
            "microsoft.graph.security.alert": obj(c={"type": "string"}),
        }
    )
    names = {c.schema.rsplit("/", 1)[1]: c.name for c in api.classes}
    assert names == {
        "microsoft.graph.user": "User",
        "microsoft.graph.security.user": "SecurityUser",
        "microsoft.graph.security.alert": "Alert",
    }
    assert [(d.code, str(d.severity)) for d in sink.items] == [("G002", "info")]


def test_colliding_names_are_renamed_with_g002_and_nothing_is_dropped() -> None:
    api, sink = build({"Foo": obj(), "foo": obj(), "FOO": obj()})
    assert sorted(c.name for c in api.classes) == ["FOO", "Foo", "Foo2"]
    assert len({c.module.lower() for c in api.classes}) == 3  # case-insensitive file systems
    assert [d.code for d in sink.items] == ["G002"]


def test_inline_objects_are_named_after_where_they_are() -> None:
    api, _ = build(
        {"User": obj(address=obj(city={"type": "string"}), tags={"type": "array", "items": obj()})},
        paths={
            "/pets": {
                "post": {
                    "operationId": "createPet",
                    "requestBody": {
                        "content": {"application/json": {"schema": obj(name={"type": "string"})}}
                    },
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    )
    assert sorted(c.name for c in api.classes) == [
        "CreatePetRequest",
        "User",
        "UserAddress",
        "UserTagsItem",
    ]
    pointer = "#/paths/~1pets/post/requestBody/content/application~1json/schema"
    assert api.schema_types[pointer].annotation == "CreatePetRequest"


def test_types_fields_and_inheritance() -> None:
    api, _ = build(
        {
            "Base": {**obj(id={"type": "string"}), "required": ["id"]},
            "Derived": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    obj(
                        when={"type": "string", "format": "date-time", "nullable": True},
                        counts={"type": "object", "additionalProperties": {"type": "integer"}},
                        id={"type": "string"},
                    ),
                ]
            },
        }
    )
    derived = next(c for c in api.classes if c.name == "Derived")
    assert [b.name for b in derived.bases] == ["Base"]
    assert [f.python_name for f in derived.fields] == ["when", "counts"]  # id is inherited
    assert [f.python_name for f in derived.all_fields] == ["id", "when", "counts"]
    when, counts = derived.fields
    assert when.annotation == "datetime.datetime | _rt.Unset | None"
    assert when.type.codec == "_rt.Nullable(_rt.DATETIME)"
    assert counts.annotation == "dict[str, int] | _rt.Unset"
    assert derived.all_fields[0].required and derived.all_fields[0].annotation == "str"


def test_odata_subtypes_table() -> None:
    api, _ = build(
        {
            "microsoft.graph.entity": obj(id={"type": "string"}),
            "microsoft.graph.user": {
                "allOf": [{"$ref": "#/components/schemas/microsoft.graph.entity"}]
            },
        }
    )
    entity = next(c for c in api.classes if c.name == "Entity")
    assert entity.discriminator == "@odata.type"
    assert [(v, r.name) for v, r in entity.subtypes] == [("#microsoft.graph.user", "User")]


def test_package_name_from_title() -> None:
    assert package_name({"info": {"title": "My API!"}}) == "my_api"
    assert package_name({}) == "api"


def test_a_component_that_only_wraps_an_enum_is_the_enum() -> None:
    api, _ = build(
        {
            "Color": {"type": "string", "enum": ["red", "blue"]},
            "Colour": {"allOf": [{"$ref": "#/components/schemas/Color"}]},
            "Paint": obj(shade={"$ref": "#/components/schemas/Colour"}),
        }
    )
    assert [c.name for c in api.classes] == ["Paint"]
    assert api.classes[0].fields[0].annotation == "Color | _rt.Unset"


def test_enum_members_are_unique_and_may_be_named_by_the_spec() -> None:
    api, _ = build(
        {
            "Case": {"type": "string", "enum": ["c", "C", "", "1", None]},
            "Level": {"type": "integer", "enum": [1, 2], "x-enum-varnames": ["Low", "High"]},
        }
    )
    case, level = sorted(api.enums, key=lambda e: e.name)
    assert [(m.name, m.value) for m in case.members] == [
        ("C", "c"),
        ("C_2", "C"),
        ("EMPTY", ""),
        ("VALUE_1", "1"),
    ]
    assert [(m.name, m.literal) for m in level.members] == [("LOW", "1"), ("HIGH", "2")]
    assert level.value_type == "int"
