"""Whether a patched document's validation result is its last build's, so it need not run again.

A patch (:mod:`generator.openapi.patch`) writes entries built again from pages that changed only in
their descriptions. The kept result holds when, checked at run time:

- each entry built again equals its last version but in ``description`` strings (compared with
  their types, against the last text's YAML of the entry). openapi-spec-validator reads a
  description only as "a string" (in the OpenAPI meta-schemas and JSON Schema's), and none of its
  semantic checks (parameters, operationIds, references, defaults) reads one; and
- no error of the last result lies in those entries or above them (its message may quote them),
  and every error says where it lies.

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
            (free and key == "description" and isinstance(value, str) and isinstance(new[key], str))
            or _same_but_descriptions(value, new[key], free and key not in _VALUES)
            for key, value in old.items()
        )
    if isinstance(old, list):
        return len(old) == len(new) and all(
            _same_but_descriptions(a, b, free) for a, b in zip(old, new, strict=True)
        )
    return bool(old == new)
