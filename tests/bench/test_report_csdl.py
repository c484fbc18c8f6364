from __future__ import annotations

from bench.metadata_report.csdl import TypeRef, parse_csdl, parse_scopes, parse_type


def test_aliases_are_expanded_and_collections_recognised() -> None:
    aliases = {"graph": "microsoft.graph", "microsoft.graph": "microsoft.graph"}
    assert parse_type("Collection(graph.user)", aliases) == TypeRef("microsoft.graph.user", True)
    assert parse_type("Edm.String", aliases) == TypeRef("Edm.String")


def test_types_enums_roots_and_bound_operations(csdl_xml: str) -> None:
    csdl = parse_csdl(csdl_xml)
    assert sorted(csdl.types) == [
        "microsoft.graph.address",
        "microsoft.graph.callRecords.endpoint",
        "microsoft.graph.entity",
        "microsoft.graph.photo",
        "microsoft.graph.user",
    ]
    user = csdl.types["microsoft.graph.user"]
    assert user.kind == "entity" and user.base == "microsoft.graph.entity"
    assert user.properties["tags"] == TypeRef("Edm.String", collection=True)
    assert user.navigation["photos"] == TypeRef("microsoft.graph.photo", collection=True)
    assert csdl.types["microsoft.graph.address"].kind == "complex"
    assert csdl.enums["microsoft.graph.color"] == ("red", "green", "unknownFutureValue")
    assert csdl.roots == {
        "users": TypeRef("microsoft.graph.user", True),
        "photos": TypeRef("microsoft.graph.photo", True),
        "me": TypeRef("microsoft.graph.user"),
    }
    assert {(op.name, op.kind, op.binding.collection) for op in csdl.bound} == {
        ("reset", "action", False),
        ("delta", "function", True),
    }


def test_inherited_members_are_found_ignoring_case(csdl_xml: str) -> None:
    csdl = parse_csdl(csdl_xml)
    assert csdl.ancestors("microsoft.graph.user") == [
        "microsoft.graph.user",
        "microsoft.graph.entity",
    ]
    assert csdl.member("microsoft.graph.user", "ID") == TypeRef("Edm.String")
    assert csdl.member("microsoft.graph.user", "nothing") is None


def test_scopes_are_keyed_by_keyless_path_and_term(scopes_xml: str) -> None:
    scopes = parse_scopes(scopes_xml)
    assert scopes == {
        ("users", "ReadRestrictions"): frozenset({"User.Read", "User.Read.All"}),
        ("users", "DeleteRestrictions"): frozenset({"User.ReadWrite.All"}),
    }
