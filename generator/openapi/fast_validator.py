"""openapi-spec-validator's checks, made fast enough for the Graph corpus: the same errors.

The validator makes two passes. The meta-schema pass (the document against the OpenAPI JSON
Schema) took 11.5 s of the v1.0 corpus spec in Python's jsonschema; here it runs on jsonschema-rs,
the Rust backend openapi-spec-validator itself supports, in 0.05 s. It is configured as upstream's
Python backend behaves: ``format`` is not checked (jsonschema-rs checks formats for draft 4 by
default, which upstream's Python backend does not). The errors are the same (where, and which
keyword failed), as the tests compare on every shared spec and on mutated documents; jsonschema-rs
words the messages its own way and orders the errors of sibling keywords its own way (diagnostics
are sorted before they are shown).

The keyword pass is upstream's own code. It remembers visited schemas, meta-checked schemas and
seen operation ids in lists and tests membership with ``in``, which is quadratic on a spec the size
of the Graph corpus; the subclasses below swap those lists for sets that also answer ``append``;
every check and message is upstream's (the tests compare both passes with upstream). The document
accessor it walks with (pathable's) tests every node against a runtime ``Protocol``, which costs
about 30 µs on Python 3.11; a dict or a list is answered by its type first (see below).
Upstream checks each schema it reaches against a meta-schema in Python (draft 4's for 3.0, OpenAPI's
base dialect for 3.1); a schema that jsonschema-rs finds valid, and that holds nothing the two could
judge differently, is passed without asking Python (:func:`passes_schema_check`); any other is
checked by upstream.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable
from importlib.resources import files
from typing import Any, cast

import jsonschema_rs
from openapi_schema_validator import OAS30Validator, oas31_format_checker
from openapi_schema_validator._dialects import (
    OAS31_BASE_DIALECT_ID,
    OAS31_BASE_DIALECT_METASCHEMA,
)
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SPECIFICATIONS
from openapi_spec_validator.validation import (
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    keywords,
)
from pathable import accessors as pathable_accessors

from generator.collector import paused
from generator.openapi.keyword_halves import finds_nothing


def _subnode_by_type(stock: Any) -> Any:
    """pathable's ``SubscriptableAccessor._get_subnode``, answering dicts and lists without its
    ``isinstance(node, Subscriptable)`` protocol check (both are Subscriptable: same result), which
    ran 149,000 times (2 s) in the keyword pass over the v1.0 corpus spec."""

    def get_subnode(cls: Any, node: Any, part: Any) -> Any:
        if type(node) is dict or type(node) is list:
            try:
                return node[part]
            except (KeyError, IndexError, TypeError) as exc:
                raise KeyError(part) from exc
        return stock(cls, node, part)

    return classmethod(get_subnode)


_ACCESSOR = getattr(pathable_accessors, "SubscriptableAccessor", None)
#: pathable's own lookup (None for a pathable without it: then nothing is replaced)
STOCK_GET_SUBNODE = getattr(
    vars(_ACCESSOR).get("_get_subnode") if _ACCESSOR else None, "__func__", None
)
if _ACCESSOR is not None and STOCK_GET_SUBNODE is not None:
    _ACCESSOR._get_subnode = _subnode_by_type(STOCK_GET_SUBNODE)


class _AppendableSet(set[Any]):
    """A set with ``list.append``'s name: membership in O(1) for code written against a list. An
    unhashable item (an operation id written as a list, say) is kept in a list beside, and found
    there as upstream's list would find it."""

    def __init__(self) -> None:
        super().__init__()
        self.unhashable: list[Any] = []

    def append(self, item: Any) -> None:
        try:
            self.add(item)
        except TypeError:
            self.unhashable.append(item)

    def __contains__(self, item: object) -> bool:
        try:
            return super().__contains__(item)
        except TypeError:
            return item in self.unhashable


def _fast_list() -> list[Any]:
    """Typed as the list upstream declares; only ``in`` and ``append`` are ever used on it."""
    return cast(list[Any], _AppendableSet())


class _Schema30(keywords.OpenAPIV30SchemaValidator):
    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.visited_schema_ids = _fast_list()
        self.meta_checked_schema_ids = _fast_list()

    def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
        """Upstream's check of one schema, answered by jsonschema-rs when it certainly passes."""
        if passes_schema_check(schema_value, v31=False):
            return None
        return super()._validate_schema_meta(schema, schema_value)


class _Schema31(keywords.OpenAPIV31SchemaValidator):
    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.visited_schema_ids = _fast_list()
        self.meta_checked_schema_ids = _fast_list()

    def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
        """Upstream's check of one schema, answered by jsonschema-rs when it certainly passes; only
        under OpenAPI's base dialect (a schema's own ``$schema``, or a document's other
        ``jsonSchemaDialect``, is checked by upstream)."""
        if (
            isinstance(schema_value, dict)
            and "$schema" not in schema_value
            and self._get_default_jsonschema_dialect_id(schema) == OAS31_BASE_DIALECT_ID
            and passes_schema_check(schema_value, v31=True)
        ):
            return None
        return super()._validate_schema_meta(schema, schema_value)


class _Operation(keywords.OperationValidator):
    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.operation_ids_registry = _fast_list()


class FastV30SpecValidator(OpenAPIV30SpecValidator):
    keyword_validators = {  # noqa: RUF012 (upstream declares it a class-level dict)
        **OpenAPIV30SpecValidator.keyword_validators,
        "schema": _Schema30,
        "operation": _Operation,
    }


class FastV31SpecValidator(OpenAPIV31SpecValidator):
    keyword_validators = {  # noqa: RUF012 (upstream declares it a class-level dict)
        **OpenAPIV31SpecValidator.keyword_validators,
        "schema": _Schema31,
        "operation": _Operation,
    }


@functools.cache
def _schema_checker(v31: bool) -> Any:
    """jsonschema-rs for the meta-schema upstream checks each schema against: draft 4's for 3.0,
    OpenAPI 3.1's base dialect (draft 2020-12 and OpenAPI's vocabulary) for 3.1."""
    if not v31:
        meta = OAS30Validator.META_SCHEMA
        return jsonschema_rs.validator_cls_for(meta)(meta, validate_formats=False)
    registry = jsonschema_rs.Registry(
        [(uri, OPENAPI_SPECIFICATIONS.contents(uri)) for uri in OPENAPI_SPECIFICATIONS]
    )
    return jsonschema_rs.Draft202012Validator(
        OAS31_BASE_DIALECT_METASCHEMA, registry=registry, validate_formats=False
    )


_INT64 = 2**63


def passes_schema_check(value: Any, *, v31: bool) -> bool:
    """True only when upstream's check of one schema (Python jsonschema against the meta-schema of
    :func:`_schema_checker`, with the OpenAPI format checker) certainly passes ``value``; False
    means "ask upstream".

    In the keyword pass over the v1.0 corpus spec that check ran 7,555 times and took 45% (3.0) to
    80% (3.1) of the time. Here jsonschema-rs checks the structure, and ``value`` is walked once
    for what the two could judge differently: the one format those meta-schemas name that the
    checker knows (``regex``: the walk applies upstream's own check to every ``pattern`` string and
    ``patternProperties`` key, a superset of the places the meta-schemas do); a float with an
    integral value (draft 4 does not count ``1.0`` as an integer in Python); numbers jsonschema-rs
    cannot hold (non-finite, beyond 64 bits); keys that are not strings and values that are not
    JSON. Any of these, or any doubt, goes to upstream, which then also words the error.
    """
    checker = oas31_format_checker if v31 else OAS30Validator.FORMAT_CHECKER
    if not isinstance(value, dict) or not _plain_json(value, checker.conforms):
        return False
    try:
        return bool(_schema_checker(v31).is_valid(value))
    except Exception:  # a value jsonschema-rs cannot convert: upstream decides
        return False


def _plain_json(value: Any, conforms: Callable[[Any, str], bool]) -> bool:
    stack = [value]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            for key, item in node.items():
                if type(key) is not str:
                    return False
                if key == "pattern" and type(item) is str and not conforms(item, "regex"):
                    return False
                if (
                    key == "patternProperties"
                    and type(item) is dict
                    and not all(conforms(name, "regex") for name in item)
                ):
                    return False
                stack.append(item)
        elif kind is list:
            stack.extend(node)
        elif kind is float:
            if not math.isfinite(node) or node.is_integer():
                return False
        elif kind is int:
            if not -_INT64 <= node < _INT64:
                return False
        elif kind is not str and kind is not bool and node is not None:
            return False
    return True


#: (JSON path of the error, its message), in the validator's order
Found = list[tuple[list[Any], str]]


@functools.cache
def meta_validator(v31: bool) -> Any:
    """jsonschema-rs for the OpenAPI 3.0 or 3.1 meta-schema, checking what upstream checks."""
    schema = meta_schema(v31)
    return jsonschema_rs.validator_cls_for(schema)(schema, validate_formats=False)


def meta_schema(v31: bool) -> dict[str, Any]:
    """The OpenAPI 3.0 or 3.1 meta-schema upstream validates against: the JSON file it ships, read
    with ``json``. Upstream reads that file through PyYAML's pure-Python loader, which took 0.09 s
    of every validation (a third of the check of a patched page's entries)."""
    version = "3.1" if v31 else "3.0"
    resource = files("openapi_spec_validator") / f"resources/schemas/v{version}/schema.json"
    loaded: dict[str, Any] = json.loads(resource.read_text("utf-8"))
    return loaded


def is_v31(document: dict[str, Any]) -> bool:
    """Whether the document declares OpenAPI 3.1 (else it is validated as 3.0)."""
    return str(document.get("openapi", "")).startswith("3.1")


def spec_validator_class(document: dict[str, Any]) -> type:
    """The spec validator for the document's version (3.0 or 3.1)."""
    return FastV31SpecValidator if is_v31(document) else FastV30SpecValidator


def find_errors(document: dict[str, Any]) -> tuple[Found, str | None]:
    """Every error the validator reports, in its order, and the exception that stopped it (or None).

    As upstream, the keyword pass runs only when the meta-schema pass did not stop.
    """
    v31 = is_v31(document)
    validator_class = spec_validator_class(document)
    try:
        validator = validator_class(document)
    except Exception as exc:  # e.g. a document the path accessor cannot read
        return [], str(exc)
    meta = _collect(
        (_document_path(document, e.instance_path), e.message)
        for e in meta_validator(v31).iter_errors(document)
    )
    if meta[1] is not None:
        return meta
    with paused():  # millions of short-lived paths and resolved references; few cycles
        if finds_nothing(document, validator_class):  # learnt in two processes at once
            return meta
        keyword = _collect(
            (list(getattr(e, "absolute_path", ()) or ()), str(getattr(e, "message", e)))
            for e in validator.root_validator(validator.schema_path)
        )
    return meta[0] + keyword[0], keyword[1]


def _document_path(document: Any, steps: Iterable[Any]) -> list[Any]:
    """jsonschema-rs writes an object key that looks like a number as an int (``responses/200``);
    the document's own key (a string) is put back, as Python's jsonschema reports it."""
    path: list[Any] = []
    node = document
    for written in steps:
        step = str(written) if isinstance(node, dict) and written not in node else written
        path.append(step)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
    return path


def _collect(errors: Iterable[tuple[list[Any], str]]) -> tuple[Found, str | None]:
    found: Found = []
    try:
        for error in errors:
            found.append(error)
    except Exception as exc:  # the validator raises on what it cannot follow (e.g. a bad $ref)
        return found, str(exc)
    return found, None
