"""openapi-spec-validator with set-based bookkeeping and two processes: the same errors, faster.

Its keyword pass remembers visited schemas, meta-checked schemas and seen operation ids in lists
and tests membership with ``in``, which is quadratic on a spec the size of the Graph corpus (about
40% of the keyword pass there). These subclasses swap the lists for sets that also answer
``append``; every check and message is upstream's own (tests/openapi/test_fast_validator.py
compares both on the shared specs and on hostile inline documents).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from multiprocessing.connection import Connection
from typing import Any, cast

from openapi_spec_validator.validation import (
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    keywords,
)
from openapi_spec_validator.validation.validators import SpecValidator


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


#: Below this many paths and schemas a second process costs more than it saves.
PARALLEL_THRESHOLD = 300
#: (JSON path of the error, its message), in the validator's order
Found = list[tuple[list[Any], str]]


def find_errors(
    document: dict[str, Any], *, processes: bool | None = None
) -> tuple[Found, str | None]:
    """Every error the validator reports, in its order, and the exception that stopped it (or None).

    The validator makes two independent passes: the document against the OpenAPI meta-schema, then
    its own keyword checks; upstream runs them one after the other. On a large document (or with
    ``processes``) the meta-schema pass runs in a forked process while this one runs the keyword
    pass, and the results are joined in upstream's order: what one process would have reported,
    including where an exception would have stopped it.
    """
    version = str(document.get("openapi", ""))
    validator_class = FastV31SpecValidator if version.startswith("3.1") else FastV30SpecValidator
    try:
        validator = validator_class(document)
    except Exception as exc:  # e.g. a document the path accessor cannot read
        return [], str(exc)
    if processes is None:
        size = len(document.get("paths") or {}) + len(
            (document.get("components") or {}).get("schemas") or {}
        )
        processes = size >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if not processes or not can_fork or multiprocessing.current_process().daemon:
        return _collect(validator.iter_errors())  # (a pool worker may not have children)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_meta_pass, args=(validator, sender), daemon=True)
    try:
        child.start()
    except OSError:
        receiver.close()
        sender.close()
        return _collect(validator.iter_errors())
    sender.close()
    keyword = _collect(validator.root_validator(validator.schema_path))
    try:
        meta: tuple[Found, str | None] = receiver.recv()
    except EOFError:  # the child died: do its pass here
        meta = _collect(validator.schema_validator.iter_errors(validator.schema))
    finally:
        receiver.close()
        child.join()
    if meta[1] is not None:  # upstream would have stopped before the keyword pass
        return meta
    return meta[0] + keyword[0], keyword[1]


def _meta_pass(validator: SpecValidator, sender: Connection) -> None:
    sender.send(_collect(validator.schema_validator.iter_errors(validator.schema)))
    sender.close()


def _collect(errors: Iterable[Any]) -> tuple[Found, str | None]:
    found: Found = []
    try:
        for error in errors:
            trail = list(getattr(error, "absolute_path", ()) or ())
            found.append((trail, str(getattr(error, "message", error))))
    except Exception as exc:  # the validator raises on what it cannot follow (e.g. a bad $ref)
        return found, str(exc)
    return found, None
