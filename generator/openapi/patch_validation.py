"""Whether a document's validation result is its last version's, so it need not run again.

A patch (:mod:`generator.openapi.patch`) writes entries built again from pages that changed only in
their descriptions. The kept result holds when, checked at run time:

- each entry built again equals its last version but in ``description`` strings (compared with
  their types, against the last text's YAML of the entry). openapi-spec-validator reads a
  description only as "a string" (in the OpenAPI meta-schemas and JSON Schema's), and none of its
  semantic checks (parameters, operationIds, references, defaults) reads one; and
- no error of the last result lies in those entries or above them (its message may quote them),
  and every error says where it lies.

After any other edit, a last result without errors still holds when :func:`still_valid` proves the
entries that changed valid: those a patch built again (:func:`changes_in_text`), or, after a full
build, those that differ from the last document's (:func:`changes_between`), as long as nothing
outside the path items and component schemas changed. Otherwise the document is validated in full,
as any new document is."""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from generator.openapi.dump import PLACES, Place, member

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


#: The members :func:`changes_between` compares on their own.
_READ_APART = frozenset({"paths", "tags", "components"})
#: An entry's change: its value in the last document and in this one (None: absent there).
Change = tuple[Any, Any]


def still_valid(document: dict[str, Any], changes: Mapping[Place, Change]) -> bool:
    """Whether ``document`` is valid, its last version having been valid (an empty last result),
    when the two differ only in the path items and component schemas of ``changes`` (changed,
    added or removed).

    The validator's meta-schema pass is run on the whole document (it is fast). Its keyword pass
    walks the path items in order, then the component schemas, and holds state across items in two
    ways only: operationIds must be unique (checked here over the whole document), and a schema is
    checked once, where it is first reached, with two checks (meta-schema, ``required``) made only
    when that first reach is direct (:mod:`generator.openapi.strict_pass`). So where a schema is
    first reached can move between the old and the new document only for schemas the old or the new
    versions of the changed entries reach. Every check on those is made by the strict pass over
    both versions (schemas changed only in descriptions left out), and every check on the rest is
    made as in the last, clean validation.
    """
    from generator.openapi.keyword_halves import unique_operation_ids

    paths = document.get("paths")
    if not isinstance(paths, dict) or not unique_operation_ids(paths):
        return False
    versions: list[tuple[dict[str, Any], dict[str, Any]]] = [({}, {}), ({}, {})]  # old, new
    for (kind, name), (old, new) in changes.items():
        if any(value is not None and not isinstance(value, dict) for value in (old, new)):
            return False
        if (
            kind == "schemas"
            and old is not None
            and new is not None
            and _same_but_descriptions(old, new)
        ):
            continue
        for (items, schemas), value in zip(versions, (old, new), strict=True):
            if value is not None:
                (schemas if kind == "schemas" else items)[name] = value
    from generator.openapi.strict_pass import items_are_clean, meta_is_clean

    return meta_is_clean(document) and items_are_clean(document, versions)


def changes_in_text(
    last_text: bytes, spans: Mapping[Place, tuple[int, int]], values: Mapping[Place, Any]
) -> dict[Place, Change] | None:
    """The changes a patch made: each entry built again (``values``) with its last version, read
    from its YAML in ``last_text`` (``spans``: where each entry is); None when one cannot be read."""
    changes: dict[Place, Change] = {}
    for place, value in values.items():
        span = spans.get(place)
        old = _last_value(last_text, span, place) if span is not None else None
        if old is None:
            return None
        changes[place] = (old, value)
    return changes


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> dict[Place, Change] | None:
    """The path items and component schemas that differ between two documents (types included:
    ``1`` is not ``True``), added and removed ones too; None when the documents also differ
    elsewhere in a way the keyword pass could read, or an entry is not an object.

    Elsewhere, the keyword pass reads the tag list in a check of its own (which :func:`still_valid`
    makes), and the other components (responses, parameters, security schemes…) only where a
    reference it follows leads. So the tags may differ, and so may a component that neither
    document refers to; a component may be added (a new page brings its collection response): only
    the changed entries can refer to it, as a reference the last validation followed resolved."""
    if not _same_value(_outside_entries(old), _outside_entries(new)):
        return None
    written: list[bytes] = []  # every string of each document is in these (made when asked)

    def referred(pointer: str) -> bool:
        """Whether a string of either document may name ``pointer`` (or what is under it),
        also when a reference spells it with percent escapes."""
        if not written:
            written.extend((_marshalled(old), _marshalled(new)))
        return any(
            not blob or pointer.encode() in blob or _ESCAPED_POINTER.search(blob)
            for blob in written
        )

    if not _same_value(old.get("tags"), new.get("tags")) and referred("#/tags"):
        return None
    if not _components_agree(old.get("components"), new.get("components"), referred):
        return None
    changes: dict[Place, Change] = {}
    for kind, where in PLACES.items():
        before, after = member(old, where), member(new, where)
        if not isinstance(before, dict) or not isinstance(after, dict):
            return None
        if not all(isinstance(entry, dict) for entry in [*before.values(), *after.values()]):
            return None
        for name in [*after, *(name for name in before if name not in after)]:
            pair = (before.get(name), after.get(name))
            if pair[0] is None or pair[1] is None or not _same_value(*pair):
                changes[(kind, name)] = pair
    return changes


#: A component name that a reference writes as it is (no JSON pointer or URI escapes).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")
#: A fragment pointer with a percent escape (``#/tag%73``), in a document written by marshal.
_ESCAPED_POINTER = re.compile(rb"#/[^\x00-\x20]*%")


def _components_agree(old: Any, new: Any, referred: Callable[[str], bool]) -> bool:
    """Whether the components other than schemas are the same, but for entries added, and entries
    changed or removed that no reference in either document names."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return _same_value(old, new)
    if old.keys() - {"schemas"} != new.keys() - {"schemas"}:
        return False
    for kind, before in old.items():
        after = new[kind]
        if kind == "schemas" or _same_value(before, after):
            continue
        if not isinstance(before, dict) or not isinstance(after, dict):
            return False
        for name, value in before.items():
            if name in after and _same_value(value, after[name]):
                continue
            if not _PLAIN_NAME.fullmatch(name) or referred(f"#/components/{kind}/{name}"):
                return False
    return True


def _outside_entries(document: dict[str, Any]) -> dict[str, Any]:
    """The document without its path items, tags and components."""
    return {key: value for key, value in document.items() if key not in _READ_APART}


def _same_value(a: Any, b: Any) -> bool:
    """Equal, types included (``1``, ``1.0`` and ``True`` differ). False for a value marshal
    cannot write."""
    written = _marshalled(a)
    return bool(written) and written == _marshalled(b)


def _marshalled(value: Any) -> bytes:
    """``value`` written by ``marshal`` (version 2, without references, so equal values give equal
    bytes; every string is in it as written); empty for a value marshal cannot write."""
    try:
        return marshal.dumps(value, 2)
    except ValueError:
        return b""


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
