"""The fast validator finds exactly what openapi-spec-validator finds, on documents shaped after
upstream's own validator tests, on the shared third-party specs and on randomly mutated documents:
the meta-schema pass (jsonschema-rs) reports the same errors as upstream's Python backend (same
place, same failing keyword; the wording is jsonschema-rs's, and so is the order among the errors of
sibling keywords), and the keyword pass reports upstream's errors exactly, in upstream's order. The validation cache returns what validating returns."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator.schemas import schema_v30, schema_v31
from openapi_spec_validator.schemas.backend.jsonschema import create_validator
from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.forked import can_fork
from generator.openapi.fast_validator import (
    _collect,
    _document_path,
    find_errors,
    meta_schema,
    meta_validator,
)
from generator.openapi.validate import validate_document

#: (JSON path, the schema keyword that failed)
Where = list[tuple[list[Any], str]]


def python_meta(document: dict[str, Any]) -> Where:
    """Upstream's meta-schema pass on its Python backend (jsonschema): the reference."""
    schema = dict(schema_v31 if _is31(document) else schema_v30)
    errors = create_validator(schema).iter_errors(document)
    return _sorted([(list(e.absolute_path), str(e.validator)) for e in errors])


def rust_meta(document: dict[str, Any]) -> Where:
    """The meta-schema pass as specdown runs it (jsonschema-rs), in the same terms."""
    return _sorted(
        [
            (_document_path(document, e.instance_path), str(e.schema_path[-1]))
            for e in meta_validator(_is31(document)).iter_errors(document)
        ]
    )


@pytest.mark.parametrize("v31", [False, True])
def test_the_meta_schema_read_with_json_is_upstreams(v31: bool) -> None:
    upstream = dict(schema_v31 if v31 else schema_v30)  # read by upstream (through PyYAML)
    assert meta_schema(v31) == upstream and upstream


def _sorted(where: Where) -> Where:
    """The two backends visit sibling keywords in different orders: compare sorted lists."""
    return sorted(where, key=repr)


def _is31(document: dict[str, Any]) -> bool:
    return str(document.get("openapi", "")).startswith("3.1")


def _same(document: dict[str, Any]) -> list[tuple[list[Any], str]]:
    """Assert both passes agree with upstream; the errors found."""
    meta = python_meta(copy.deepcopy(document))
    assert rust_meta(copy.deepcopy(document)) == meta
    upstream = (OpenAPIV31SpecValidator if _is31(document) else OpenAPIV30SpecValidator)(
        copy.deepcopy(document)
    )
    keyword, stopped = _collect(
        (list(e.absolute_path), str(e.message))
        for e in upstream.root_validator(upstream.schema_path)
    )
    found, found_stopped = find_errors(copy.deepcopy(document))
    assert sorted(map(repr, (path for path, _ in found[: len(meta)]))) == sorted(
        repr(path) for path, _ in meta
    )
    assert found[len(meta) :] == keyword
    assert found_stopped == stopped
    return found


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
    "operation ids written as lists": _doc(
        {"/a": {"get": _get(["x"])}, "/b": {"get": _get(["x"])}, "/c": {"get": _get(["y"])}}
    ),
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


@pytest.fixture(params=["whole pass", "halves first"])
def keyword_halves(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the keyword pass whole, and with the two halves tried first on any size of
    document (:mod:`generator.openapi.keyword_halves`)."""
    from generator.openapi import keyword_halves

    if request.param == "halves first":
        monkeypatch.setattr(keyword_halves, "PARALLEL_PATHS", 1)
    return str(request.param)


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.usefixtures("keyword_halves")
def test_fast_validator_agrees_with_upstream(name: str) -> None:
    found = _same(CASES[name])
    assert (name == "valid") == (not found)


@pytest.mark.corpus
def test_fast_validator_agrees_on_the_third_party_specs(third_party_specs: Path) -> None:
    totals = 0
    for spec in sorted(third_party_specs.glob("*.y*ml")):
        totals += len(_same(yaml.load(spec.read_text("utf-8"), Loader=yaml.CSafeLoader)))
    assert totals > 0  # openai.yaml has real defects: the comparison covers errors too


#: Damage done to one object of a document; each breaks some rule of the meta-schema (or none,
#: where the object allows it): a wrong type, a missing or unknown member, a bad enum value.
MUTATIONS = (
    lambda node: node.update(type=5),
    lambda node: node.update(type="thing"),
    lambda node: node.update(bogus=1),
    lambda node: node.update(description=5),
    lambda node: node.update(required="yes"),
    lambda node: node.update(nullable="yes"),
    lambda node: node.update({"in": "body"}),
    lambda node: node.update({"$ref": 5}),
    lambda node: node.update(items=[{"type": "string"}]),
    lambda node: node.update(enum={}),
    lambda node: node.update(responses={"abc": {"description": "x"}}),
    lambda node: node.update(content=5),
    lambda node: node.pop(next(iter(node)), None),
    lambda node: node.clear(),
)


def mutated(document: dict[str, Any], seed: int, count: int) -> dict[str, Any]:
    """``document`` with ``count`` objects damaged, chosen with ``seed``."""
    copied = copy.deepcopy(document)
    objects: list[dict[str, Any]] = []
    stack: list[Any] = [copied]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            objects.append(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    chance = random.Random(seed)
    for node in chance.sample(objects[1:], min(count, len(objects) - 1)):
        chance.choice(MUTATIONS)(node)
    return copied


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_the_meta_pass_agrees_on_mutated_documents(version: str) -> None:
    example = yaml.safe_load((Path(__file__).parents[2] / "spec" / "openapi.yaml").read_text())
    example["openapi"] = version
    errors = 0
    seeds = 40 if version == "3.0.3" else 15  # Python's 3.1 pass is the slow one
    for seed in range(seeds):
        document = mutated(example, seed, 1 + seed % 4)
        expected = python_meta(document)
        assert rust_meta(document) == expected, seed
        errors += len(expected)
    assert errors > seeds // 2  # the mutations do break the documents


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


def test_the_accessor_lookup_answers_as_pathables_own() -> None:
    from pathable.accessors import SubscriptableAccessor

    from generator.openapi.fast_validator import STOCK_GET_SUBNODE

    assert STOCK_GET_SUBNODE is not None  # the pathable this project installs has it

    def outcome(lookup: Any, node: Any, part: Any) -> Any:
        try:
            return ("value", lookup(node, part))
        except Exception as exc:
            return (type(exc).__name__, str(exc))

    class Mapping:  # Subscriptable by protocol, neither a dict nor a list
        def __contains__(self, key: object) -> bool:
            return key == "k"

        def __getitem__(self, key: str) -> str:
            return {"k": "v"}[key]

        def __len__(self) -> int:
            return 1

    nodes = [{"a": 1, "0": 2}, [1, 2], "text", 5, None, Mapping(), (1, 2)]
    for node in nodes:
        for part in ("a", "0", 0, 1, 5, -1, "k", None):
            assert outcome(SubscriptableAccessor._get_subnode, node, part) == outcome(
                lambda n, p: STOCK_GET_SUBNODE(SubscriptableAccessor, n, p), node, part
            ), (node, part)


#: Schemas on both sides of upstream's check, and the places jsonschema-rs could judge otherwise
#: (integral floats, a pattern Python's ``re`` rejects, big or non-finite numbers, non-string keys).
SCHEMAS: list[Any] = [
    {},
    {"type": "object", "properties": {"a": {"type": "string", "pattern": "^[a-z]+$"}}},
    {"type": "array", "items": {"$ref": "#/components/schemas/x"}, "maxItems": 3},
    {"allOf": [{"$ref": "#/components/schemas/x"}], "required": ["a"], "nullable": True},
    {"type": "string", "enum": ["a", "b"], "default": "a", "x-extension": [1, None]},
    {"type": "number", "minimum": 0.5, "exclusiveMinimum": True},
    {"type": "string", "pattern": "("},
    {"type": "object", "properties": {"a": {"items": {"pattern": "[a-"}}}},
    {"properties": {"pattern": {"type": "string"}}},
    {"type": "string", "minLength": 1.0},
    {"type": "string", "minLength": -1},
    {"type": "string", "maxLength": 2**70},
    {"type": "number", "default": float("nan")},
    {"enum": [1, 1.0]},
    {"enum": [1, True]},
    {"enum": ["a", "a"]},
    {"enum": []},
    {"required": []},
    {"required": ["a", "a"]},
    {"type": "thing"},
    {"type": 5},
    {"type": ["string", "null"]},
    {"description": 5},
    {"exclusiveMaximum": True},
    {"multipleOf": 0},
    {"allOf": []},
    {"properties": {"a": {"type": 5}}},
    {"additionalProperties": 5},
    {1: "integer key"},
    {"items": ({"type": "string"},)},
    True,
    [],
    {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
    {"type": "object", "patternProperties": {"(": {"type": "string"}}},
    {"$dynamicRef": "#meta"},
    {"const": 1, "examples": [1, 2]},
    {"examples": 5},
    {"discriminator": {"propertyName": 5}},
    {"xml": {"name": 5}},
    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string"},
]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_the_schema_check_shortcut_passes_only_what_upstream_passes(version: str) -> None:
    from openapi_schema_validator import OAS30Validator, OAS31Validator, oas31_format_checker

    from generator.openapi.fast_validator import passes_schema_check

    v31 = version == "3.1.0"

    def upstream_passes(schema: Any) -> bool:  # as upstream's schema keyword validator checks
        try:
            if v31:
                OAS31Validator.check_schema(schema, format_checker=oas31_format_checker)
            else:
                OAS30Validator.check_schema(schema)
        except Exception:
            return False
        return True

    example = yaml.safe_load((Path(__file__).parents[2] / "spec" / "openapi.yaml").read_text())
    schemas = [*SCHEMAS, *example["components"]["schemas"].values()]
    chance = random.Random(3)
    for _ in range(200):  # damaged copies of the example's own schemas
        schema = copy.deepcopy(chance.choice(list(example["components"]["schemas"].values())))
        schemas.append(mutated({"root": schema}, chance.randrange(10**6), 2)["root"])
    shortcut = 0
    for schema in schemas:
        if passes_schema_check(copy.deepcopy(schema), v31=v31):
            assert upstream_passes(copy.deepcopy(schema)), schema
            shortcut += 1
    valid = sum(upstream_passes(copy.deepcopy(schema)) for schema in schemas)
    assert shortcut >= valid - 12  # the doubtful cases (floats, patterns, keys) go to upstream


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
@pytest.mark.parametrize("seed", range(8))
@pytest.mark.usefixtures("keyword_halves")
def test_the_keyword_pass_agrees_on_mutated_documents(seed: int, version: str) -> None:
    example = yaml.safe_load((Path(__file__).parents[2] / "spec" / "openapi.yaml").read_text())
    example["openapi"] = version
    schemas = list(example["components"]["schemas"].values())
    chance = random.Random(seed)
    for schema in chance.sample(schemas, 3):  # damage the schemas upstream checks one by one
        chance.choice(SCHEMA_DAMAGE)(schema)
    _same(mutated(example, seed, seed % 3))


SCHEMA_DAMAGE = (
    lambda schema: schema.update(pattern="("),
    lambda schema: schema.update(patternProperties={"[": {}}),
    lambda schema: schema.update(discriminator={"propertyName": 5}),
    lambda schema: schema.update(minLength=1.0),
    lambda schema: schema.update(required=[]),
    lambda schema: schema.update(type="thing"),
    lambda schema: schema.update(enum=[1, 1.0]),
    lambda schema: schema.update(default=float("inf")),
    lambda schema: schema.update(exclusiveMaximum=True),
    lambda schema: schema.setdefault("properties", {}).update(p={"pattern": "[a-"}),
)


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_the_halves_answer_only_for_a_clean_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The halves say "nothing" for a clean document; an error only the whole document shows (an
    operation id repeated across the halves) and an error a half sees but the whole pass does not
    (a schema first reached directly in a half, inside another schema in the whole pass) both send
    the caller to the whole pass, whose answer is upstream's."""
    from generator.openapi import keyword_halves
    from generator.openapi.fast_validator import FastV30SpecValidator

    monkeypatch.setattr(keyword_halves, "PARALLEL_PATHS", 1)
    clean = CASES["valid"]
    assert keyword_halves.finds_nothing(copy.deepcopy(clean), FastV30SpecValidator)
    repeated = _doc({"/a": {"get": _get("x")}, "/b": {"get": _get("x")}})
    assert not keyword_halves.finds_nothing(copy.deepcopy(repeated), FastV30SpecValidator)
    assert _same(repeated)

    def returns(schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": schema}}
        return {"200": {"description": "ok", "content": content}}

    s_ref = {"$ref": "#/components/schemas/s"}
    wrapped = {"type": "object", "properties": {"s": s_ref}}
    nested_first = _doc(
        {
            "/a": {"get": _get("a", responses=returns(wrapped))},
            "/b": {"get": _get("b", responses=returns(s_ref))},
        },
        {"s": {"type": "object", "allOf": [{"type": "object"}], "required": ["missing"]}},
    )
    assert not keyword_halves.finds_nothing(copy.deepcopy(nested_first), FastV30SpecValidator)
    assert _same(nested_first) == []  # the whole pass first meets it nested: no error
