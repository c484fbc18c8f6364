"""Resource pages → component schemas: properties, navigation properties, inheritance as ``allOf``.

Base types come from the page's link ("Inherits from [x](x.md)") or the annotation's ``baseType``;
a keyed type with neither derives from ``entity``, as in the Graph metadata. Rows that a base type
already defines (``Inherited from …`` rows, the ``id`` of every entity) are left to the base.
"""

from __future__ import annotations

from collections import Counter

from generator.markdown.model import Property
from generator.openapi.context import BuildContext, Schema, schema_ref, source_of
from generator.openapi.enums import enum_schema
from generator.openapi.naming import short_type_name
from generator.openapi.resolve import DEFAULT_NAMESPACE, ResourceDef
from generator.openapi.types import nullable, type_schema

ENTITY = f"{DEFAULT_NAMESPACE}.entity"
#: The first member of the key of a resource schema's diagnostics (:func:`build_schemas`).
SCHEMA = "schema"


def _entity_schema() -> Schema:
    """The root entity type, for document sets that have no page for it."""
    return {
        "title": "entity",
        "type": "object",
        "properties": {
            "id": {
                "type": "string",
                "description": "The unique identifier for an entity. Read-only.",
            }
        },
    }


def _namespace(name: str) -> str:
    return name.rsplit(".", 1)[0]


def _inherited_from(ctx: BuildContext, definition: ResourceDef) -> list[str]:
    """Types named by "Inherited from [x]" rows (the Intune pages' only base signal), the most
    often named first and ``entity`` (named by inherited ``id`` rows) last."""
    rows = (*definition.resource.properties, *definition.resource.relationships)
    named = [
        found
        for row in rows
        if row.inherited_from
        and (found := ctx.index.lookup(row.inherited_from, _namespace(definition.name)))
    ]
    counts = Counter(named)
    return sorted(counts, key=lambda n: (n == ENTITY, -counts[n], named.index(n)))


def _declared_base(ctx: BuildContext, definition: ResourceDef) -> str | None:
    resource = definition.resource
    namespace = _namespace(definition.name)
    candidates: list[str | None] = []
    if resource.base_link is not None and resource.base_link.page is not None:
        candidates.append(ctx.index.page_type(resource.base_link.page))
        candidates.append(ctx.index.lookup(resource.base_link.text, namespace))
    if resource.base_type:
        candidates.append(ctx.index.lookup(resource.base_type, namespace))
    candidates.extend(_inherited_from(ctx, definition))
    for candidate in candidates:
        if candidate is not None and candidate in ctx.index.resources:
            return candidate if candidate != definition.name else None
    written = resource.base_type or (resource.base_link.text if resource.base_link else None)
    if written and written.strip():
        ctx.sink.warning(
            definition.page.path,
            resource.base_line or resource.line,
            "O004",
            f"base type {written.strip()!r} of {definition.name} is defined by no page",
        )
    return None


def _is_keyed(definition: ResourceDef) -> bool:
    resource = definition.resource
    return bool(resource.key_property) or any(p.name == "id" for p in resource.properties)


def resolve_bases(ctx: BuildContext) -> dict[str, str]:
    """Each type's base (declared, else ``entity`` for keyed types); cycles are cut with O005."""
    bases: dict[str, str] = {}
    for name, definition in sorted(ctx.index.resources.items()):
        base = _declared_base(ctx, definition)
        if base is None and _is_keyed(definition) and name != ENTITY:
            base = ENTITY
        if base is not None:
            bases[name] = base
    for name in sorted(bases):
        seen = [name]
        current = bases.get(name)
        while current is not None and current not in seen:
            seen.append(current)
            current = bases.get(current)
        if current is not None:
            definition = ctx.index.resources[name]
            ctx.sink.error(
                definition.page.path,
                definition.resource.base_line or definition.resource.line,
                "O005",
                f"inheritance is cyclic: {' → '.join([*seen, current])}; base of {name} dropped",
            )
            del bases[name]
    return bases


def _inherited_names(ctx: BuildContext, bases: dict[str, str], name: str) -> set[str]:
    names: set[str] = set()
    current = bases.get(name)
    while current is not None:
        members = ctx.index.members.get(current)
        names.update(("id",) if members is None else members)  # None: the synthesised entity
        current = bases.get(current)
    return names


def property_schema(
    ctx: BuildContext, prop: Property, *, path: str, namespace: str, key: str | None
) -> Schema:
    if prop.type is None:
        schema: Schema = {}
    else:
        schema = type_schema(ctx, prop.type, path=path, line=prop.line, namespace=namespace)
    is_array = schema.get("type") == "array"
    if prop.nullable or (prop.nullable is None and not is_array and prop.name != key):
        schema = nullable(ctx, schema)
    if prop.description:
        schema["description"] = prop.description
    if prop.read_only:
        schema["readOnly"] = True
    if prop.deprecated:
        schema["deprecated"] = True
    if prop.navigation:
        schema["x-ms-navigationProperty"] = True
    return schema


def resource_schema(ctx: BuildContext, definition: ResourceDef, bases: dict[str, str]) -> Schema:
    resource = definition.resource
    namespace = _namespace(definition.name)
    inherited = _inherited_names(ctx, bases, definition.name)
    properties: Schema = {}
    for prop in (*resource.properties, *resource.relationships):
        if prop.name in properties or prop.name in inherited or not prop.name:
            continue
        properties[prop.name] = property_schema(
            ctx,
            prop,
            path=definition.page.path,
            namespace=namespace,
            key=resource.key_property or "id",
        )
    body: Schema = {"title": short_type_name(definition.name), "type": "object"}
    if resource.description:
        body["description"] = resource.description
    body["properties"] = properties
    if resource.open_type:
        body["additionalProperties"] = True
        body["x-ms-open-type"] = True
    if resource.abstract:
        body["x-ms-abstract"] = True
    if resource.media_entity:
        body["x-ms-media-entity"] = True
    base = bases.get(definition.name)
    schema: Schema = {"allOf": [schema_ref(base), body]} if base is not None else body
    schema["x-specdown-source"] = source_of(definition.page.path, resource.line)
    return schema


def build_schemas(ctx: BuildContext, rows: dict[tuple[str, ...], tuple[int, int]]) -> None:
    """Fill ``ctx.schemas`` with every resource and enum schema (plus ``entity`` when needed);
    ``rows`` gets where each resource schema's diagnostics are in the sink (key: ``(SCHEMA, name)``)."""
    bases = ctx.bases = resolve_bases(ctx)
    for name, definition in sorted(ctx.index.resources.items()):
        start = len(ctx.sink.items)
        ctx.schemas[name] = resource_schema(ctx, definition, bases)
        rows[SCHEMA, name] = (start, len(ctx.sink.items))
    for name, enum in sorted(ctx.index.enums.items()):
        ctx.schemas[name] = enum_schema(enum)
    if ENTITY in bases.values() and ENTITY not in ctx.schemas:
        ctx.schemas[ENTITY] = _entity_schema()
