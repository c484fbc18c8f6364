"""The validator's keyword pass over a few path items, every schema check made wherever it reaches.

Upstream's keyword pass checks each schema once, where it first reaches it: a schema reached
directly gets the meta-schema check and the ``required`` check, one reached inside another (an
``items``, a property, an ``allOf`` member) gets neither. Both checks, and the rest of what the pass
checks of a schema (its ``default``, its members), read only the schema's own value. Here every
schema reached is given both checks, so a clean result says that no check upstream could make on
these schemas, from wherever it reached them first, fails.
:func:`generator.openapi.patch_validation.still_valid` builds on this.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from generator.openapi.fast_validator import is_v31, meta_validator, spec_validator_class

#: Path items (template → item) and component schemas (name → schema), in one version.
Version = tuple[dict[str, Any], dict[str, Any]]


def items_are_clean(document: dict[str, Any], versions: list[Version]) -> bool:
    """Whether the strict keyword pass over each version of some path items and component schemas
    (the others resolved in ``document``), and the check of the document's tags, find nothing;
    False also when it cannot follow them. The versions share the schema checks: a schema they both
    reach is checked once."""
    validator_class = _strict(spec_validator_class(document))
    components = document.get("components") or {}
    try:
        validator = validator_class(document)
        registry = validator.keyword_validators_registry
        tags = registry["tags"] if "tags" in registry.keyword_validators else None
        if tags and "tags" in document and next(iter(tags(validator.schema_path / "tags")), None):
            return False
        for items, schemas in versions:
            registry.pop("operation", None)  # each version's operationIds are seen afresh
            all_schemas = {**(components.get("schemas") or {}), **schemas}
            version = {
                **document,
                "paths": items,
                "components": {**components, "schemas": all_schemas},
            }
            spec = validator_class(version).schema_path
            errors = [registry["paths"](spec / "paths")]
            errors += [registry["schema"](spec / "components" / "schemas" / n) for n in schemas]
            if any(next(iter(found), None) is not None for found in errors):
                return False
    except Exception:  # what stops the pass: let the whole validation report it
        return False
    return True


def meta_is_clean(document: dict[str, Any]) -> bool:
    """Whether the document passes the OpenAPI meta-schema (the validator's first pass)."""
    try:
        return bool(meta_validator(is_v31(document)).is_valid(document))
    except Exception:  # a value jsonschema-rs cannot hold: the whole validation decides
        return False


@functools.cache
def _strict(validator_class: type) -> type:
    """``validator_class`` with every schema checked in full."""
    schema = validator_class.keyword_validators["schema"]  # type: ignore[attr-defined]
    strict = type(f"Strict{schema.__name__}", (_StrictSchema, schema), {})
    registry = {**validator_class.keyword_validators, "schema": strict}  # type: ignore[attr-defined]
    name = f"Strict{validator_class.__name__}"
    return type(name, (validator_class,), {"keyword_validators": registry})


class _StrictSchema:
    """A schema validator that makes the meta-schema and ``required`` checks on every schema."""

    def __call__(
        self, schema: Any, require_properties: bool = True, meta_checked: bool = False
    ) -> Iterator[Any]:
        del require_properties, meta_checked  # made for every schema
        yield from super().__call__(schema)  # type: ignore[misc]
