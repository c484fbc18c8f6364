"""Read an OpenAPI document the way the report needs it: schemas by name, declared properties, base
types, enum members and normalised property types, in both Microsoft's and specdown's conventions.

Type names are compared case-insensitively: the docs spell some type names with a different case
than the metadata, and that is a naming defect, not a missing type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bench.metadata_report.csdl import TypeRef

SCHEMA_PREFIX = "#/components/schemas/"

#: How Microsoft's CSDL → OpenAPI converter writes each EDM primitive: (type, format).
EDM_TO_OPENAPI: dict[str, tuple[str, str | None]] = {
    "Edm.String": ("string", None),
    "Edm.Boolean": ("boolean", None),
    "Edm.Byte": ("integer", "uint8"),
    "Edm.SByte": ("integer", "int8"),
    "Edm.Int16": ("integer", "int16"),
    "Edm.Int32": ("integer", "int32"),
    "Edm.Int64": ("integer", "int64"),
    "Edm.Single": ("number", "float"),
    "Edm.Double": ("number", "double"),
    "Edm.Decimal": ("number", "decimal"),
    "Edm.DateTimeOffset": ("string", "date-time"),
    "Edm.Date": ("string", "date"),
    "Edm.TimeOfDay": ("string", "time"),
    "Edm.Duration": ("string", "duration"),
    "Edm.Guid": ("string", "uuid"),
    "Edm.Binary": ("string", "base64url"),
    "Edm.Stream": ("string", "base64url"),
}


@dataclass(frozen=True, slots=True)
class Signature:
    """A normalised property type: a primitive ``(type, format)`` or a reference to a named schema."""

    ref: str | None = None  # lower-cased schema name
    type: str | None = None
    format: str | None = None
    collection: bool = False

    def __str__(self) -> str:
        inner = self.ref or (f"{self.type}/{self.format}" if self.format else str(self.type))
        return f"Collection({inner})" if self.collection else inner


def expected_signature(ref: TypeRef) -> Signature:
    """The signature Microsoft's converter gives a CSDL type."""
    primitive = EDM_TO_OPENAPI.get(ref.name)
    if primitive is None:
        return Signature(ref=ref.name.lower(), collection=ref.collection)
    return Signature(type=primitive[0], format=primitive[1], collection=ref.collection)


def _is_null_part(schema: Any) -> bool:
    """The filler parts of a nullable union: ``{type: object, nullable: true}``, ``{type: 'null'}``."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if schema.get("type") == "null":
        return True
    keys = set(schema) - {"nullable", "type", "description", "title"}
    return bool(schema.get("nullable")) and not keys and schema.get("type") in (None, "object")


def signature(schema: Any) -> Signature | None:
    """Normalise a property schema; None when it names no type at all."""
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return Signature(ref=ref.removeprefix(SCHEMA_PREFIX).lower())
    for union in ("allOf", "anyOf", "oneOf"):
        parts = [p for p in schema.get(union) or () if not _is_null_part(p)]
        if (
            parts
        ):  # Microsoft writes Double as oneOf [number, string, ReferenceNumeric]: take the number
            numeric = [
                p for p in parts if isinstance(p, dict) and p.get("type") in ("number", "integer")
            ]
            return signature((numeric or parts)[0])
    kind = schema.get("type")
    if isinstance(kind, list):  # 3.1: ["string", "null"]
        kind = next((k for k in kind if k != "null"), None)
    if kind == "array":
        inner = signature(schema.get("items"))
        if inner is None:
            return Signature(type=None, collection=True)
        return Signature(inner.ref, inner.type, inner.format, collection=True)
    if kind is None:
        return None
    fmt = schema.get("format")
    return Signature(type=str(kind), format=str(fmt) if fmt else None)


#: ``microsoft.graph.Json`` is an empty open complex type: any JSON value. An untyped schema says the same.
UNTYPED = "microsoft.graph.json"


def same_type(expected: Signature, actual: Signature | None) -> bool:
    if actual is None or (actual.ref is None and actual.type is None):
        return expected.ref == UNTYPED and (
            actual is None or actual.collection == expected.collection
        )
    return expected == actual


class SpecIndex:
    """Case-insensitive access to the schemas of one OpenAPI document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        schemas = (document.get("components") or {}).get("schemas") or {}
        self.schemas: dict[str, dict[str, Any]] = {
            key: value for key, value in schemas.items() if isinstance(value, dict)
        }
        self._by_lower: dict[str, str] = {}
        for key in sorted(self.schemas):
            self._by_lower.setdefault(key.lower(), key)

    def key(self, qualified_name: str) -> str | None:
        """The schema key for a qualified type name: exact match first, then ignoring case."""
        if qualified_name in self.schemas:
            return qualified_name
        return self._by_lower.get(qualified_name.lower())

    def parts(self, key: str) -> list[dict[str, Any]]:
        """The schema itself, or its inline ``allOf`` parts."""
        schema = self.schemas.get(key, {})
        parts = [p for p in schema.get("allOf") or () if isinstance(p, dict) and "$ref" not in p]
        return parts if "allOf" in schema else [schema]

    def own_properties(self, key: str) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for part in self.parts(key):
            props.update(part.get("properties") or {})
        return props

    def bases(self, key: str) -> list[str]:
        """Schema keys referenced from ``allOf`` (the base types), lower-cased."""
        schema = self.schemas.get(key, {})
        return [
            p["$ref"].removeprefix(SCHEMA_PREFIX).lower()
            for p in schema.get("allOf") or ()
            if isinstance(p, dict) and isinstance(p.get("$ref"), str)
        ]

    def properties(self, key: str) -> dict[str, Any]:
        """Declared and inherited properties (through ``allOf`` bases), each once; own ones win."""
        seen: set[str] = set()
        result: dict[str, Any] = {}
        pending = [key]
        while pending:
            current = pending.pop(0)
            if current in seen:
                continue
            seen.add(current)
            for name, schema in self.own_properties(current).items():
                result.setdefault(name, schema)
            pending.extend(k for b in self.bases(current) if (k := self.key(b)) is not None)
        return result

    def enum_members(self, key: str) -> set[str]:
        members: set[str] = set()
        schema = self.schemas.get(key, {})
        for part in [schema, *(schema.get("anyOf") or ()), *(schema.get("oneOf") or ())]:
            if isinstance(part, dict):
                members.update(m for m in part.get("enum") or () if isinstance(m, str))
        return members


def find_property(props: dict[str, Any], name: str) -> tuple[str, Any] | None:
    """A property by name: exact, else ignoring case (the docs' casing sometimes differs)."""
    if name in props:
        return name, props[name]
    lowered = name.lower()
    for candidate in sorted(props):
        if candidate.lower() == lowered:
            return candidate, props[candidate]
    return None


def source_of(node: Any) -> str:
    """``page:line`` from an ``x-specdown-source`` extension (a string or a {path, line} mapping)."""
    if not isinstance(node, dict):
        return "?"
    source = node.get("x-specdown-source")
    if isinstance(source, str):
        return source
    if isinstance(source, dict):
        page = source.get("path") or source.get("page") or source.get("file") or "?"
        line = source.get("line")
        return f"{page}:{line}" if line else str(page)
    return "?"
