"""The keyword pass of a large document run as two halves at once, to learn that it finds nothing.

Upstream's keyword pass walks the path items in order, then the component schemas, checking every
node once (a schema reached again is skipped). Here one process takes the even path items, a forked
child the odd ones plus the tags and the component schemas, each with the whole document to
resolve references in. When neither half finds an error, neither raises, and the operation ids
(the one check that spans path items) are unique, the whole pass finds nothing either:

- every node the whole pass checks is checked by the half that holds its path item (or the
  components), with the same inputs;
- two checks depend on how a schema is first reached (the meta-schema check and the ``required``
  check, both made only when it is reached directly). Where the whole pass makes them, at a path
  item P, the half holding P makes them too: whatever reached the schema earlier in that half came
  from a path item before P, which the whole pass walks before P as well.

Otherwise the caller runs the whole pass, which gives upstream's errors in upstream's order. The
halves share the schemas most operations reach, so each does more than half the work: on the v1.0
corpus spec 1.3–2.1 s each, 2.0–2.2 s together, where the whole pass takes 2.4–2.9 s. A document
with errors pays for both.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from openapi_spec_validator.validation import keywords

from generator.forked import can_fork, split

#: Path items from which the halves are tried (below, the fork costs more than it saves).
PARALLEL_PATHS = 200


def finds_nothing(document: dict[str, Any], validator_class: type) -> bool:
    """True when the keyword pass of ``validator_class`` certainly finds no error in ``document``;
    False means "run the whole pass" (also for documents too small to split)."""
    paths = document.get("paths")
    if not isinstance(paths, dict) or len(paths) < PARALLEL_PATHS or not can_fork():
        return False
    if not unique_operation_ids(paths):
        return False
    clean_even, clean_odd = split(
        lambda halves: _half_is_clean(document, validator_class, halves[0]), 2
    )
    return clean_even and clean_odd


def unique_operation_ids(paths: dict[str, Any]) -> bool:
    """Whether no operation id repeats, as upstream's operation check sees them; False when a path
    item or an operation is a reference (the raw document does not show what it points to)."""
    seen: set[Any] = set()
    for item in paths.values():
        if not isinstance(item, dict) or "$ref" in item:
            return False
        for method in keywords.PathValidator.OPERATIONS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            if "$ref" in operation:
                return False
            value = operation.get("operationId")
            if value is None:
                continue
            try:
                if value in seen:
                    return False
                seen.add(value)
            except TypeError:  # an unhashable id: let the whole pass judge it
                return False
    return True


def _half_is_clean(document: dict[str, Any], validator_class: type, half: int) -> bool:
    try:
        validator = _halved(validator_class, half)(document)
        errors = validator.root_validator(validator.schema_path)
        return next(iter(errors), None) is None
    except Exception:  # what stops the whole pass stops a half: the whole pass reports it
        return False


@functools.cache
def _halved(validator_class: type, half: int) -> type:
    """``validator_class`` walking only its half: every other path item from ``half``, and for
    half 1 also the tags and the component schemas."""
    paths = type("HalfPaths", (_HalfPaths,), {"half": half})
    root = type("HalfRoot", (_HalfRoot,), {"half": half})
    registry = {**validator_class.keyword_validators, "paths": paths, "__root__": root}  # type: ignore[attr-defined]
    return type(
        f"Half{half}{validator_class.__name__}",
        (validator_class,),
        {"keyword_validators": registry},
    )


class _HalfPaths(keywords.PathsValidator):
    half = 0

    def __call__(self, paths: Any) -> Iterator[Any]:
        for index, (url, path_item) in enumerate(paths.items()):
            if index % 2 == self.half:
                yield from self.path_validator(url, path_item)


class _HalfRoot(keywords.RootValidator):
    half = 0

    def __call__(self, spec: Any) -> Iterator[Any]:
        if self.half:
            yield from super().__call__(spec)
        elif "paths" in spec:
            yield from self.paths_validator(spec / "paths")
