"""Whether a patched document's validation result is its last build's, so it need not run again.

A patch (:mod:`generator.openapi.patch`) writes entries built again from pages that changed only in
their descriptions. The kept result holds when, checked at run time:

- each entry built again equals its last version but in ``description`` strings (compared with
  their types, against the last text's YAML of the entry). openapi-spec-validator reads a
  description only as "a string" (in the OpenAPI meta-schemas and JSON Schema's), and none of its
  semantic checks (parameters, operationIds, references, defaults) reads one; and
- no error of the last result lies in those entries or above them (its message may quote them),
  and every error says where it lies.

After an edit inside an operation page's tables and examples (its path items change more than in
descriptions), a last result without errors still holds when :func:`still_valid` says so.
Otherwise the patched document is validated in full, as any new document is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from generator.openapi.dump import PLACES, Place

if TYPE_CHECKING:
    from generator.spec_cache import Rows

#: Members holding values rather than OpenAPI objects: a ``description`` key inside one is data
#: (checked against a schema, or an example's), compared like any other.
_VALUES = frozenset({"default", "enum", "const", "example", "examples"})
#: Members the validator reads only as "a string": a description, and specdown's extension naming
#: where an object comes from (moved with the request lines above an edit).
_FREE = frozenset({"description", "x-specdown-source"})
_AT = " (at #/"


def kept_validation(
    rows: Rows | None,
    last_text: bytes,
    spans: Mapping[Place, tuple[int, int]],
    values: Mapping[Place, Any],
) -> Rows | None:
    """``rows`` (the last validation's) when they hold for the document patched with ``values``;
    None when it must be validated (``spans``: where each entry's YAML is in ``last_text``)."""
    if rows is None:
        return None
    pointers = [_pointer(place) for place in values]
    for row in rows:
        message = row[4]
        at = message.rfind(_AT)
        if at < 0 or not message.endswith(")"):
            return None
        where = message[at + len(_AT) : -1]
        if any(_nested(where, pointer) for pointer in pointers):
            return None
    for place, value in values.items():
        span = spans.get(place)
        if span is None or not _same_but_descriptions(_last_value(last_text, span, place), value):
            return None
    return rows


def still_valid(
    document: dict[str, Any],
    last_text: bytes,
    spans: Mapping[Place, tuple[int, int]],
    values: Mapping[Place, Any],
) -> bool:
    """Whether the patched ``document`` is valid, its last version having been valid (an empty
    last result), when the patch changed path items or schemas (``values``; ``spans``: where each
    entry's YAML is in ``last_text``).

    The validator's meta-schema pass is run on the whole document (it is fast). Its keyword pass
    walks the path items in order, then the component schemas, and holds state across items in two
    ways only: operationIds must be unique (here each patched item keeps its operations' ids), and
    a schema is checked once, where it is first reached, with two checks (meta-schema,
    ``required``) made only when that first reach is direct (:mod:`generator.openapi.strict_pass`).
    So where a schema is first reached can move between the old and the new document only for
    schemas the old or the new patched entries reach. Every check on those is made by the strict
    pass over both versions of the patched entries (schemas patched only in descriptions left out),
    and every check on the rest is made as in the last, clean validation.
    """
    versions: list[tuple[dict[str, Any], dict[str, Any]]] = [({}, {}), ({}, {})]  # old, new
    for place, value in values.items():
        kind, name = place
        span = spans.get(place)
        old = _last_value(last_text, span, place) if span is not None else None
        if not isinstance(old, dict):
            return False
        if kind == "schemas":
            if not _same_but_descriptions(old, value):
                versions[0][1][name], versions[1][1][name] = old, value
        elif _operation_ids(old) != _operation_ids(value):
            return False
        else:
            versions[0][0][name], versions[1][0][name] = old, value
    from generator.openapi.strict_pass import items_are_clean, meta_is_clean

    return meta_is_clean(document) and items_are_clean(document, versions)


def _operation_ids(item: dict[str, Any]) -> list[Any]:
    return [op.get("operationId") for op in item.values() if isinstance(op, dict)]


def _pointer(place: Place) -> str:
    kind, name = place
    return "/".join((*PLACES[kind], name))


def _nested(a: str, b: str) -> bool:
    """Whether one pointer is the other or lies under it (unescaped ``/`` in names can only make
    more pairs nested, never fewer)."""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/") or not a or not b


def _last_value(text: bytes, span: tuple[int, int], place: Place) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loaded = yaml.load(text[span[0] : span[1]], Loader=loader)
    except yaml.YAMLError:
        return None
    return loaded.get(place[1]) if isinstance(loaded, dict) else None


def _same_but_descriptions(old: Any, new: Any, free: bool = True) -> bool:
    """Equal, types included, but for ``description`` strings (``free``: not inside a value the
    validator checks against a schema, or an example)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        if old.keys() != new.keys():
            return False
        return all(
            (free and key in _FREE and isinstance(value, str) and isinstance(new[key], str))
            or _same_but_descriptions(value, new[key], free and key not in _VALUES)
            for key, value in old.items()
        )
    if isinstance(old, list):
        return len(old) == len(new) and all(
            _same_but_descriptions(a, b, free) for a, b in zip(old, new, strict=True)
        )
    return bool(old == new)
