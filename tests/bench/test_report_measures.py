from __future__ import annotations

from collections import Counter
from typing import Any

from bench.metadata_report import build_report, measure_examples, render_table
from bench.metadata_report.csdl import TypeRef, parse_csdl, parse_scopes
from bench.metadata_report.measures import (
    Figure,
    measure_enums,
    measure_paths,
    measure_scopes,
    measure_types,
    path_segments,
    resolve_path,
    scope_target,
)
from bench.metadata_report.spec_index import SpecIndex


def figures(measure_figures: list[Figure]) -> dict[str, tuple[int, int]]:
    return {f.label.strip(): (f.matched, f.expected) for f in measure_figures}


def test_types_properties_navigation_and_bases(spec: dict[str, Any], csdl_xml: str) -> None:
    measure = measure_types(parse_csdl(csdl_xml), SpecIndex(spec))
    assert figures(measure.figures) == {
        "entity and complex types found": (3, 5),
        "their structural properties found": (7, 7),
        "… of those, with the right type": (6, 7),
        "their navigation properties found": (1, 2),
        "their base types captured (allOf $ref)": (1, 2),
    }
    assert sorted(d.format() for d in measure.defects) == [
        "resources/photo.md:3: base-type: microsoft.graph.photo has no base type;"
        " the metadata says microsoft.graph.entity",
        "resources/user.md:12: property-type: microsoft.graph.user.born is string in the docs,"
        " string/date-time in the metadata",
    ]


def test_enum_members_are_counted_over_all_enums(spec: dict[str, Any], csdl_xml: str) -> None:
    measure = measure_enums(parse_csdl(csdl_xml), SpecIndex(spec))
    assert figures(measure.figures) == {
        "enum types found": (1, 2),
        "enum members found (of all enum types)": (2, 4),
    }
    assert [d.message for d in measure.defects] == [
        "microsoft.graph.color lacks unknownFutureValue"
    ]


def test_path_segments_drop_namespaces_and_arguments() -> None:
    assert path_segments("/users/{id}/microsoft.graph.getMemberGroups(x=1)?$top=2") == [
        "users",
        "{id}",
        "getmembergroups",
    ]
    assert scope_target("/users/{user-id}/messages/{message-id}/$value") == "users/messages"


def test_paths_resolve_through_navigation_and_casts(csdl_xml: str) -> None:
    csdl = parse_csdl(csdl_xml)
    assert resolve_path(csdl, ["me", "photos"]) == TypeRef("microsoft.graph.photo", True)
    assert resolve_path(csdl, ["users", "{id}", "manager"]) == TypeRef("microsoft.graph.user")
    assert resolve_path(csdl, ["users", "photo"]) == TypeRef("microsoft.graph.photo", True)
    assert resolve_path(csdl, ["users", "unknown"]) is None


def test_roots_and_bound_operations_need_the_binding_type(
    spec: dict[str, Any], csdl_xml: str
) -> None:
    measure = measure_paths(parse_csdl(csdl_xml), spec["paths"])
    assert figures(measure.figures) == {
        "entity sets and singletons reachable as path roots": (2, 3),
        # reset on /me (a user) and delta on /me/photos; delta on users has no path
        "bound actions and functions reachable as paths": (2, 3),
    }


def test_scopes_compare_where_the_file_has_an_entry(spec: dict[str, Any], scopes_xml: str) -> None:
    measure = measure_scopes(parse_scopes(scopes_xml), spec)
    assert figures(measure.figures) == {
        "operations whose scopes equal the scopes file's": (1, 2),
        "operations sharing a scope with the scopes file": (1, 2),
    }
    assert [d.source for d in measure.defects] == ["api/user-delete.md:9"]


def test_examples_resolve_per_page_and_validate(spec: dict[str, Any]) -> None:
    scanned = Counter(
        {
            ("api/user-get.md", "response"): 2,
            ("api/user-update.md", "request"): 1,
            ("api/user-list.md", "response"): 1,
        }
    )
    measure = measure_examples(scanned, spec)
    assert figures(measure.figures) == {
        "docs' JSON examples resolving to an operation": (3, 4),
        "request examples validating": (1, 1),
        "response examples validating": (1, 2),
    }
    assert [d.source for d in measure.defects] == ["api/user-get.md:60"]
    assert "age: 'three' is not of type" in measure.defects[0].message


def test_the_report_collects_every_figure_and_sorts_defects(
    spec: dict[str, Any], csdl_xml: str, scopes_xml: str
) -> None:
    report = build_report(csdl_xml, scopes_xml, spec, Counter())
    assert len(report.figures) == 14
    assert report.defects == sorted(report.defects)
    table = render_table(report.figures)
    assert "| entity and complex types found | 3/5 | 60.0% | ≥93% NOT met |" in table
    assert "| enum types found | 1/2 | 50.0% |  |" in table
