"""Enum schemas: ``{title, type: string, enum}``, flags and member descriptions as Microsoft marks them."""

from __future__ import annotations

from generator.openapi.context import Schema, source_of
from generator.openapi.naming import short_type_name
from generator.openapi.resolve import EnumSchemaDef


def enum_schema(definition: EnumSchemaDef) -> Schema:
    schema: Schema = {
        "title": short_type_name(definition.name),
        "type": "string",
        "enum": [member.name for member in definition.members],
    }
    if definition.enum.flags:
        schema["x-ms-enum-flags"] = {"isFlags": True}
    if any(member.description for member in definition.members):
        schema["x-ms-enum"] = {
            "name": short_type_name(definition.name),
            "modelAsString": False,
            "values": [
                {"value": m.name, "description": m.description, "name": m.name}
                for m in definition.members
            ],
        }
    schema["x-specdown-source"] = source_of(definition.page.path, definition.enum.line)
    return schema
