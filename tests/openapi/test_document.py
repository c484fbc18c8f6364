"""The whole document: validity as 3.0 and 3.1, determinism, YAML output, validation diagnostics."""

from __future__ import annotations

import random

import pytest
import yaml

from generator.diagnostics import DiagnosticSink
from generator.markdown.model import Page, Parameter, Response
from generator.openapi import build_document, dump_yaml, validate_document
from tests.openapi.pages import (
    enum_def,
    enum_page,
    link,
    operation_page,
    permissions,
    prim,
    prop,
    request_example,
    resource_page,
    response_example,
)

MEETING = link("onlineMeeting", "resources/onlinemeeting.md")


def small_api() -> list[Page]:
    return [
        resource_page(
            "resources/onlinemeeting.md",
            "onlineMeeting",
            (
                prop("id", prim("String")),
                prop("subject", prim("String"), description="Sujet — «réunion»"),
                prop("chatInfo", link("chatInfo", "resources/chatinfo.md")),
                prop(
                    "presenters",
                    link("presenters", "resources/onlinemeeting.md", anchor="presenters-values"),
                ),
            ),
            key_property="id",
            enums=(enum_def("presenters", "everyone", "organizer"),),
        ),
        resource_page("resources/chatinfo.md", "chatInfo", (prop("threadId", prim("String")),)),
        operation_page(
            "api/createorget.md",
            "POST /me/onlineMeetings/createOrGet",
            "POST /users/{id}/onlineMeetings/createOrGet",
            body_params=(Parameter("subject", prim("String"), "", 40),),
            response=Response(50, 200, MEETING),
            permissions=permissions("OnlineMeetings.ReadWrite"),
            examples=(
                request_example(
                    {"subject": "x"},
                    "https://graph.microsoft.com/v1.0/me/onlineMeetings/createOrGet",
                ),
                response_example({"value": {"id": "1", "subject": "x"}}),
            ),
        ),
        operation_page(
            "api/list.md",
            "GET /users/{id}/onlineMeetings",
            response=Response(50, 200, MEETING, collection=True),
            query_options=("$top",),
        ),
        operation_page(
            "api/get.md",
            "GET /users/{id}/onlineMeetings/{id}",
            "GET /me/onlineMeetings/{id}",
            response=Response(50, 200, MEETING),
        ),
        operation_page(
            "api/delete.md",
            "DELETE /users/{id}/onlineMeetings/{id}",
            response=Response(50, 204, empty=True),
        ),
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_small_api_validates(version: str) -> None:
    sink = DiagnosticSink()
    document = build_document(small_api(), version=version, sink=sink)
    assert document["openapi"] == version
    assert validate_document(document) == []
    assert not sink.items


def test_output_is_independent_of_page_order() -> None:
    pages = small_api()
    texts = set()
    for seed in range(5):
        random.Random(seed).shuffle(pages)
        texts.add(dump_yaml(build_document(pages, version="3.0.3", sink=DiagnosticSink())))
    assert len(texts) == 1


def test_yaml_round_trips_without_aliases_and_keeps_unicode() -> None:
    document = build_document(small_api(), version="3.0.3", sink=DiagnosticSink())
    text = dump_yaml(document)
    assert "&id" not in text and "*id" not in text  # shared dicts written out in full
    assert "Sujet — «réunion»" in text
    assert yaml.safe_load(text) == document
    assert text.splitlines()[0] == "openapi: 3.0.3"
    assert list(document) == [
        "openapi",
        "info",
        "servers",
        "paths",
        "components",
        "security",
        "tags",
    ]


def test_validation_errors_point_at_the_source_page() -> None:
    document = build_document(small_api(), version="3.0.3", sink=DiagnosticSink())
    operation = document["paths"]["/me/onlineMeetings/createOrGet"]["post"]
    operation["responses"]["200"]["content"]["application/json"]["schema"] = {"type": 5}
    found = validate_document(document)
    assert found and {d.code for d in found} == {"O008"}
    assert (found[0].path, found[0].line) == ("api/createorget.md", 20)


def test_validation_reports_unresolvable_documents_as_diagnostics() -> None:
    document = build_document(small_api(), version="3.1.0", sink=DiagnosticSink())
    document["paths"]["/me/onlineMeetings/createOrGet"]["post"]["responses"]["200"] = {
        "$ref": "#/components/responses/nowhere"
    }
    found = validate_document(document)
    assert found and all(d.code == "O008" for d in found)


def test_hostile_names_still_give_a_valid_document() -> None:
    pages = [
        resource_page("resources/odd.md", "odd name/with~chars", (prop("we ird", prim("String")),)),
        enum_page("resources/e.md", enum_def("my enum!", "a b", "c")),
        operation_page(
            "api/odd.md",
            "GET /things/{thing id}/x('{y}')",
            response=Response(50, 200, link("odd name/with~chars", "resources/odd.md")),
        ),
    ]
    sink = DiagnosticSink()
    document = build_document(pages, version="3.0.3", sink=sink)
    assert "microsoft.graph.odd_name_with_chars" in document["components"]["schemas"]
    assert "microsoft.graph.my_enum" in document["components"]["schemas"]
    assert validate_document(document) == []
