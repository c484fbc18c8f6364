from __future__ import annotations

from typing import Any

from bench.metadata_report.csdl import TypeRef
from bench.metadata_report.spec_index import (
    Signature,
    SpecIndex,
    expected_signature,
    find_property,
    same_type,
    signature,
    source_of,
)


def test_edm_primitives_map_like_microsofts_converter() -> None:
    assert expected_signature(TypeRef("Edm.DateTimeOffset")) == Signature(
        type="string", format="date-time"
    )
    assert expected_signature(TypeRef("Edm.Int64", True)) == Signature(
        type="integer", format="int64", collection=True
    )
    assert expected_signature(TypeRef("microsoft.graph.User")) == Signature(
        ref="microsoft.graph.user"
    )


def test_signature_normalises_every_spelling_of_a_type() -> None:
    ref = {"$ref": "#/components/schemas/microsoft.graph.X"}
    assert signature(ref) == Signature(ref="microsoft.graph.x")
    assert signature({"anyOf": [ref, {"type": "object", "nullable": True}]}) == Signature(
        ref="microsoft.graph.x"
    )
    assert signature({"allOf": [ref], "description": "d"}) == Signature(ref="microsoft.graph.x")
    double = {"oneOf": [{"type": "number", "format": "double"}, {"type": "string"}, ref]}
    assert signature(double) == Signature(type="number", format="double")
    assert signature({"type": ["string", "null"], "format": "uuid"}) == Signature(
        type="string", format="uuid"
    )
    assert signature({"type": "array", "items": ref}) == Signature(
        ref="microsoft.graph.x", collection=True
    )
    assert signature({"description": "untyped"}) is None
    assert (
        str(Signature(type="string", format="date", collection=True)) == "Collection(string/date)"
    )


def test_index_finds_schemas_properties_bases_and_members(spec: dict[str, Any]) -> None:
    index = SpecIndex(spec)
    assert index.key("microsoft.graph.photo") == "microsoft.graph.Photo"
    assert index.key("microsoft.graph.nothing") is None
    assert index.bases("microsoft.graph.user") == ["microsoft.graph.entity"]
    assert "id" not in index.own_properties("microsoft.graph.user")
    assert "id" in index.properties("microsoft.graph.user")
    assert index.enum_members("microsoft.graph.color") == {"red", "Green"}
    hit = find_property(index.properties("microsoft.graph.user"), "manager")
    assert hit is not None and hit[0] == "Manager"


def test_an_untyped_schema_is_the_json_type() -> None:
    json_type = expected_signature(TypeRef("microsoft.graph.Json"))
    assert same_type(json_type, signature({"description": "any value"}))
    assert same_type(json_type, Signature(ref="microsoft.graph.json"))
    assert not same_type(expected_signature(TypeRef("Edm.String")), None)
    assert same_type(expected_signature(TypeRef("microsoft.graph.Json", True)), None)


def test_source_of_reads_both_spellings() -> None:
    assert source_of({"x-specdown-source": "api/a.md:3"}) == "api/a.md:3"
    assert source_of({"x-specdown-source": {"path": "api/a.md", "line": 3}}) == "api/a.md:3"
    assert source_of({}) == "?"
