"""openapi-spec-validator with set-based bookkeeping: the same checks, the same errors, faster.

Its keyword pass remembers visited schemas, meta-checked schemas and seen operation ids in lists
and tests membership with ``in``, which is quadratic on a spec the size of the Graph corpus (about
40% of the keyword pass there). These subclasses swap the lists for sets that also answer
``append``; every check and message is upstream's own (tests/openapi/test_fast_validator.py
compares both on the shared specs and on hostile inline documents).
"""

from __future__ import annotations

from typing import Any, cast

from openapi_spec_validator.validation import (
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    keywords,
)


class _AppendableSet(set[Any]):
    """A set with ``list.append``'s name: membership in O(1) for code written against a list."""

    def append(self, item: Any) -> None:
        self.add(item)


def _fast_list() -> list[Any]:
    """Typed as the list upstream declares; only ``in`` and ``append`` are ever used on it."""
    return cast(list[Any], _AppendableSet())


class _Schema30(keywords.OpenAPIV30SchemaValidator):
    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.visited_schema_ids = _fast_list()
        self.meta_checked_schema_ids = _fast_list()


class _Schema31(keywords.OpenAPIV31SchemaValidator):
    def __init__(self, registry: Any) -> None:
        super().__init__(registry)
        self.visited_schema_ids = _fast_list()
        self.meta_checked_schema_ids = _fast_list()


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
