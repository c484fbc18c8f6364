"""Type cells → JSON schemas: EDM primitives with Microsoft's formats, links → ``$ref``, collections.

Microsoft's OpenAPI conversion of the Graph CSDL maps ``Edm.Int32`` to ``integer``/``int32``,
``Edm.Double`` to ``number``/``double``, ``Edm.DateTimeOffset`` to ``string``/``date-time``,
``Edm.Binary`` to ``string``/``base64url`` and so on; the same formats are used here so that the two
documents compare directly. Untyped JSON (``Json``, ``Object``) is the empty schema.
"""

from __future__ import annotations

from typing import Any

from generator.markdown.model import TypeRef
from generator.openapi.context import BuildContext, Schema, schema_ref

_PRIMITIVES: dict[str, Schema] = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "byte": {"type": "integer", "format": "uint8"},
    "sbyte": {"type": "integer", "format": "int8"},
    "int16": {"type": "integer", "format": "int16"},
    "int32": {"type": "integer", "format": "int32"},
    "int64": {"type": "integer", "format": "int64"},
    "single": {"type": "number", "format": "float"},
    "double": {"type": "number", "format": "double"},
    "decimal": {"type": "number", "format": "decimal"},
    "datetimeoffset": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "timeofday": {"type": "string", "format": "time"},
    "duration": {"type": "string", "format": "duration"},
    "guid": {"type": "string", "format": "uuid"},
    "binary": {"type": "string", "format": "base64url"},
    "stream": {"type": "string", "format": "binary"},
    "json": {},
    "untyped": {},
}
_SYNONYMS = {
    "str": "string",
    "bool": "boolean",
    "int": "int32",
    "integer": "int32",
    "long": "int64",
    "float": "single",
    "number": "double",
    "numeric": "double",
    "datetime": "datetimeoffset",
    "timestamp": "datetimeoffset",
    "object": "json",
}


def primitive_schema(name: str) -> Schema | None:
    """The schema of an EDM primitive spelled any way the docs spell it, or None."""
    key = name.strip().strip("`").lower().removeprefix("edm.")
    key = _SYNONYMS.get(key, key)
    found = _PRIMITIVES.get(key)
    return dict(found) if found is not None else None


def array_of(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def type_schema(
    ctx: BuildContext, ref: TypeRef, *, path: str, line: int, namespace: str | None
) -> Schema:
    """The schema of one type cell; an unknown type gives O001 and the empty (any) schema."""
    single = primitive_schema(ref.name) if ref.primitive or ref.link is None else None
    if single is None:
        target = ctx.index.resolve(ref, namespace)
        single = schema_ref(target) if target is not None else primitive_schema(ref.name)
    if single is None:
        ctx.warn_once(
            path, line, "O001", f"type {ref.name!r} is defined by no page; typed as any value"
        )
        single = {}
    return array_of(single) if ref.collection else single


def nullable(ctx: BuildContext, schema: Schema) -> Schema:
    """``schema`` that also admits null: ``nullable`` in 3.0, a type list in 3.1.

    A ``$ref`` cannot carry ``nullable``, so it becomes ``anyOf`` with a null alternative (the form
    Microsoft's current Graph documents use).
    """
    if "$ref" in schema:
        alternative: Schema = {"type": "null"} if ctx.v31 else {"type": "object", "nullable": True}
        return {"anyOf": [{"$ref": schema["$ref"]}, alternative], **_rest(schema, "$ref")}
    kind = schema.get("type")
    if not isinstance(kind, str):
        return schema
    if ctx.v31:
        return {**schema, "type": [kind, "null"]}
    return {**schema, "nullable": True}


def _rest(schema: Schema, *drop: str) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in drop}
