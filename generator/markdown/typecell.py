"""The type-cell grammar: ``String``, ``[x](x.md) collection``, ``Collection(Edm.Int32)``, …

::

    cell      := collection | core
    collection:= "Collection(" core ")" | "collection of " core | core " collection" | core "[]"
    core      := ["Edm."] Name | LINK | "[" Name "][" label? "]"   (an undefined reference link)

Primitive names are matched case-insensitively against about thirty spellings. The type name of a link
is its text, never its file name; the link itself is kept so that the OpenAPI stage can resolve the
target page. Anything else is prose: the first link or primitive word in it is taken, with a
diagnostic, and a cell with neither yields no type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.diagnostics import Severity
from generator.markdown.inline import SENTINEL, InlineText, squash
from generator.markdown.model import Link, TypeRef

#: Lower-cased spellings (after an optional ``Edm.``) → canonical EDM primitive names.
PRIMITIVES: dict[str, str] = {
    "string": "String",
    "str": "String",
    "url": "String",
    "uri": "String",
    "etag": "String",
    "boolean": "Boolean",
    "bool": "Boolean",
    "int32": "Int32",
    "int": "Int32",
    "integer": "Int32",
    "int64": "Int64",
    "long": "Int64",
    "int16": "Int16",
    "byte": "Byte",
    "sbyte": "SByte",
    "double": "Double",
    "number": "Double",
    "single": "Single",
    "float": "Single",
    "decimal": "Decimal",
    "numeric": "Decimal",
    "datetimeoffset": "DateTimeOffset",
    "datetime": "DateTimeOffset",
    "timestamp": "DateTimeOffset",
    "date": "Date",
    "timeofday": "TimeOfDay",
    "duration": "Duration",
    "timespan": "Duration",
    "guid": "Guid",
    "uuid": "Guid",
    "binary": "Binary",
    "stream": "Stream",
    "json": "Json",
    "object": "Json",
}

_COLLECTION_FORMS = (
    re.compile(r"^collection\s*\(\s*(?P<core>.*?)\s*\)$", re.IGNORECASE),
    re.compile(r"^(?:an?\s+)?collection\s+of\s+(?P<core>.*)$", re.IGNORECASE),
    re.compile(r"^(?P<core>.*?)\s+collection$", re.IGNORECASE),
    re.compile(r"^(?P<core>[^\[\]]*?)\s*\[\]$"),
)
_NAME = re.compile(r"^[A-Za-z_][\w.]*$")
_LINK_SENTINEL = re.compile(f"^{SENTINEL}(\\d+){SENTINEL}$")
_ANY_SENTINEL = re.compile(f"{SENTINEL}(\\d+){SENTINEL}")
_UNDEFINED_REF = re.compile(r"^\[([^\]]+)\](?:\[[^\]]*\])?$")
#: ``[x](x.md collection)``: not a link to markdown-it, because of the space in the target.
_LINK_WITH_WORD = re.compile(r"^\[([^\]]+)\]\(([^)\s]+)\s+collection\)$", re.IGNORECASE)
#: ``[x](x.md`` with the closing parenthesis missing.
_UNCLOSED_LINK = re.compile(r"^\[([^\]]+)\]\(([^)\s]+)$")
_WORD = re.compile(r"[A-Za-z_][\w.]*")

Resolver = Callable[[str, str], Link]


@dataclass(frozen=True, slots=True)
class TypeProblem:
    severity: Severity
    code: str
    message: str


def primitive_name(word: str) -> str | None:
    word = word.strip().strip("`*").strip()
    if word[:4].lower() == "edm.":
        word = word[4:]
    return PRIMITIVES.get(word.lower())


def parse_type(
    cell: InlineText, raw: str, resolve: Resolver
) -> tuple[TypeRef | None, list[TypeProblem]]:
    """Parse one type cell; ``resolve(text, href)`` turns a link into a :class:`Link`."""
    raw = squash(raw)
    shape = cell.shape.strip().rstrip(".").replace("*", "").strip()
    if not shape:
        return None, [TypeProblem(Severity.WARNING, "M004", "empty type cell")]
    literal = _LINK_WITH_WORD.match(shape)
    if literal:
        link = resolve(literal.group(1), literal.group(2))
        return named_type(raw, literal.group(1), link, collection=True), []
    collection = False
    core = shape
    for form in _COLLECTION_FORMS:
        match = form.match(core)
        if match and match.group("core"):
            core, collection = match.group("core").strip(), True
            break
    core = re.sub(r"\s+enum$|\s*\(enum\)$", "", core, flags=re.IGNORECASE).strip("` ")
    sentinel = _LINK_SENTINEL.match(core)
    if sentinel:
        text, href = cell.links[int(sentinel.group(1))]
        return named_type(raw, text, resolve(text, href), collection), []
    if _NAME.match(core):
        return named_type(raw, core, None, collection), []
    unclosed = _UNCLOSED_LINK.match(core)
    if unclosed:
        problem = TypeProblem(Severity.INFO, "M004", f"type cell {raw!r} has an unclosed link")
        link = resolve(unclosed.group(1), unclosed.group(2))
        return named_type(raw, unclosed.group(1), link, collection), [problem]
    undefined = _UNDEFINED_REF.match(core)
    if undefined:
        name = undefined.group(1).strip("` ")
        problem = TypeProblem(
            Severity.WARNING, "M014", f"type {core!r} is a reference link with no definition"
        )
        return named_type(raw, name, None, collection), [problem]
    return _from_prose(raw, shape, cell, resolve)


def named_type(raw: str, name: str, link: Link | None, collection: bool) -> TypeRef:
    name = squash(name).strip("`* ")
    primitive = primitive_name(name)
    if primitive:
        return TypeRef(raw=raw, name=primitive, primitive=True, collection=collection, link=link)
    return TypeRef(raw=raw, name=name, primitive=False, collection=collection, link=link)


def _from_prose(
    raw: str, shape: str, cell: InlineText, resolve: Resolver
) -> tuple[TypeRef | None, list[TypeProblem]]:
    collection = "collection" in shape.lower()
    found = [int(m.group(1)) for m in _ANY_SENTINEL.finditer(shape)]
    if found:
        text, href = cell.links[found[0]]
        what = "several types" if len(found) > 1 else "prose"
        message = f"type cell {raw!r} is {what}; took the linked type {text!r}"
        return named_type(raw, text, resolve(text, href), collection), [
            TypeProblem(Severity.INFO, "M004", message)
        ]
    for word in _WORD.findall(_ANY_SENTINEL.sub(" ", shape)):
        primitive = primitive_name(word)
        if primitive:
            message = f"type cell {raw!r} is prose; took the primitive type {primitive}"
            ref = TypeRef(raw=raw, name=primitive, primitive=True, collection=collection)
            return ref, [TypeProblem(Severity.INFO, "M004", message)]
    return None, [TypeProblem(Severity.WARNING, "M004", f"type cell {raw!r} names no type")]
