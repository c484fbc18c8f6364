"""The set-based validator finds exactly what openapi-spec-validator finds (same errors, same order),
on documents shaped after upstream's own validator tests and on the shared third-party specs; and
the validation cache returns what validating returns."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.openapi.fast_validator import (
    FastV30SpecValidator,
    FastV31SpecValidator,
    _collect,
    find_errors,
)
from generator.openapi.validate import validate_document


def _errors(validator: Any, document: dict[str, Any]) -> list[tuple[str, str, tuple[Any, ...]]]:
    found = []
    try:
        for e in validator(document).iter_errors():
            message = str(getattr(e, "message", e))
            found.append((type(e).__name__, message, tuple(getattr(e, "absolute_path", ()))))
    except Exception as exc:  # where the validator stops is part of what it reports
        found.append(("stopped", str(exc), ()))
    return found


def _same(document: dict[str, Any]) -> list[tuple[str, str, tuple[Any, ...]]]:
    is31 = str(document.get("openapi", "")).startswith("3.1")
    upstream = OpenAPIV31SpecValidator if is31 else OpenAPIV30SpecValidator
    fast = FastV31SpecValidator if is31 else FastV30SpecValidator
    expected = _errors(upstream, copy.deepcopy(document))
    assert _errors(fast, copy.deepcopy(document)) == expected
    # the two-process path and the one-process path report what upstream reports, in its order
    reported = _collect(upstream(copy.deepcopy(document)).iter_errors())
    assert find_errors(copy.deepcopy(document), processes=True) == reported
    assert find_errors(copy.deepcopy(document), processes=False) == reported
    return expected


def _doc(
    paths: dict[str, Any], schemas: dict[str, Any] | None = None, **root: Any
) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
        **root,
    }


def _get(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"200": {"description": "ok"}}, **extra}


BAD = {
    "type": "object",
    "allOf": [{"$ref": "#/components/schemas/base"}],
    "required": ["missing", "id"],
    "properties": {"n": {"type": "integer", "default": "three"}},
}
CASES: dict[str, dict[str, Any]] = {
    "valid": _doc({"/a": {"get": _get("a")}}, {"base": {"type": "object"}}),
    "duplicate operation ids": _doc(
        {"/a": {"get": _get("x")}, "/b": {"get": _get("x"), "post": _get("x")}}
    ),
    "undeclared and undocumented path parameters": _doc(
        {
            "/a/{id}": {"get": _get("a")},
            "/b": {
                "get": _get(
                    "b",
                    parameters=[
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                )
            },
        }
    ),
    "required not in properties, wrong default, reached twice through refs": _doc(
        {
            "/a": {
                "get": _get(
                    "a",
                    responses={
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/bad"}}
                            },
                        }
                    },
                )
            },
            "/b": {
                "post": _get(
                    "b",
                    requestBody={
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/bad"}}
                        }
                    },
                )
            },
        },
        {"base": {"type": "object", "properties": {"id": {"type": "string"}}}, "bad": BAD},
    ),
    "parameter default of the wrong type": _doc(
        {
            "/a": {
                "get": _get(
                    "a",
                    parameters=[
                        {"name": "q", "in": "query", "schema": {"type": "integer", "default": "x"}}
                    ],
                )
            }
        }
    ),
    "meta-schema errors": {
        "openapi": "3.0.3",
        "paths": {"a": {"get": {"responses": {"200": {}}}}},
        "components": {"schemas": {"s": {"type": "thing"}}},
    },
    "duplicate tags": _doc({}, tags=[{"name": "t"}, {"name": "t"}]),
    "an unresolvable $ref stops the keyword pass": _doc(
        {
            "/a": {
                "get": _get(
                    "a",
                    parameters=[{"name": "q", "in": "query", "schema": {"type": "integer"}}],
                    responses={"200": {"$ref": "#/components/responses/nowhere"}},
                )
            }
        },
        {"s": {"type": "thing"}},
    ),
    "3.1 with nullable types and a bad default": {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": _get("x")}, "/b": {"get": _get("x")}},
        "components": {
            "schemas": {"s": {"type": ["integer", "null"], "default": "x", "required": ["q"]}}
        },
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fast_validator_agrees_with_upstream(name: str) -> None:
    found = _same(CASES[name])
    assert (name == "valid") == (not found)


@pytest.mark.corpus
def test_fast_validator_agrees_on_the_third_party_specs(third_party_specs: Path) -> None:
    totals = 0
    for spec in sorted(third_party_specs.glob("*.y*ml")):
        totals += len(_same(yaml.load(spec.read_text("utf-8"), Loader=yaml.CSafeLoader)))
    assert totals > 0  # openai.yaml has real defects: the comparison covers errors too


def test_cached_result_equals_validating(tmp_path: Path) -> None:
    cache = tmp_path / "validation"
    document = CASES["duplicate operation ids"]
    fresh = validate_document(copy.deepcopy(document), cache_dir=None)
    assert fresh and validate_document(copy.deepcopy(document), cache_dir=cache) == fresh
    assert len(list(cache.glob("*.json"))) == 1
    assert validate_document(copy.deepcopy(document), cache_dir=cache) == fresh


def test_a_changed_document_is_validated_again(tmp_path: Path) -> None:
    cache = tmp_path / "validation"
    document = copy.deepcopy(CASES["duplicate operation ids"])
    assert validate_document(document, cache_dir=cache)
    document["paths"]["/b"]["get"]["operationId"] = "y"
    document["paths"]["/b"]["post"]["operationId"] = "z"
    assert validate_document(document, cache_dir=cache) == []
    assert len(list(cache.glob("*.json"))) == 1  # only the latest result is kept
