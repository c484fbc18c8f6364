"""OpenAPI document → :class:`~generator.codegen.model.Api`: walk every schema, then freeze.

Component schemas are named first (so they win names over inline schemas), then typed in sorted
order; then every schema under ``paths`` and the other components is typed, so the operation model
can look any of them up by pointer. Inline schemas are named after where they are: the class and
property (``ChatMessageBody``), or the operation and role (``CreatePetRequest``, ``ListPetsResponse200``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.codegen import naming
from generator.codegen.loader import Resolver, child
from generator.codegen.model import Api, ClassRef, ModelClass
from generator.codegen.schema_facts import COMPONENT_SCHEMAS
from generator.codegen.schemas import Draft, SchemaBuilder
from generator.diagnostics import DiagnosticSink

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ODATA_TYPE = "@odata.type"


def package_name(document: Mapping[str, Any]) -> str:
    """The default import name: the spec title in snake case."""
    info = document.get("info")
    title = info.get("title") if isinstance(info, Mapping) else None
    return naming.module_name(title if isinstance(title, str) and title.strip() else "api")


def build_api(
    document: Mapping[str, Any], *, package: str, source: str, sink: DiagnosticSink
) -> Api:
    version = document.get("openapi")
    if not (isinstance(version, str) and version.startswith("3.")):
        found = f"openapi: {version!r}" if version is not None else "no `openapi` field"
        sink.warning(
            source, 0, "G001", f"#/openapi: not an OpenAPI 3 document ({found}); reading it as 3.0"
        )
    resolver = Resolver(document, source, sink)
    builder = SchemaBuilder(resolver, package, sink)
    components = document.get("components")
    components = components if isinstance(components, Mapping) else {}
    schemas = components.get("schemas")
    schemas = schemas if isinstance(schemas, Mapping) else {}
    builder.allocate_components(schemas)
    for key in sorted(schemas):
        pointer = child("#/components", "schemas", key)
        builder.type_of(schemas[key], pointer, key)
    builder.finish()
    for pointer, node, hint in _other_schemas(document, components, resolver):
        builder.type_of(node, pointer, hint)
    builder.finish()
    info = document.get("info")
    info = info if isinstance(info, Mapping) else {}
    return Api(
        package=package,
        title=str(info.get("title") or package),
        version=str(info.get("version") or ""),
        openapi=str(document.get("openapi") or document.get("swagger") or ""),
        description=str(info.get("description") or ""),
        classes=_freeze(builder),
        enums=tuple(sorted(builder.enums.values(), key=lambda e: e.ref)),
        unions=tuple(sorted(builder.unions.values(), key=lambda u: u.ref)),
        schema_types=dict(sorted(builder.types.items())),
        document=document,
        source=source,
    )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _media_schemas(holder: Any, pointer: str, hint: str) -> Iterator[tuple[str, Any, str]]:
    content = _mapping(_mapping(holder).get("content"))
    for media in sorted(content):
        entry = content[media]
        if isinstance(entry, Mapping) and "schema" in entry:
            suffix = "" if "json" in media or len(content) == 1 else naming.pascal(media)
            yield child(pointer, "content", media, "schema"), entry["schema"], hint + suffix


def _operation_schemas(
    op: Mapping[str, Any], pointer: str, name: str, resolver: Resolver
) -> Iterator[tuple[str, Any, str]]:
    for i, param in enumerate(op.get("parameters") or []):
        target, at = resolver.follow(param, child(pointer, "parameters", i))
        if isinstance(target, Mapping) and "schema" in target:
            yield (
                child(at, "schema"),
                target["schema"],
                name + naming.pascal(str(target.get("name"))),
            )
    body, at = resolver.follow(op.get("requestBody"), child(pointer, "requestBody"))
    yield from _media_schemas(body, at, name + "Request")
    responses = _mapping(op.get("responses"))
    for status in sorted(responses):
        response, at = resolver.follow(responses[status], child(pointer, "responses", status))
        yield from _media_schemas(response, at, f"{name}Response{naming.pascal(status)}")


def _other_schemas(
    document: Mapping[str, Any], components: Mapping[str, Any], resolver: Resolver
) -> Iterator[tuple[str, Any, str]]:
    """Every schema outside ``components/schemas``, with a name hint for inline classes."""
    paths = _mapping(document.get("paths"))
    for path in sorted(paths):
        item = paths[path]
        if not isinstance(item, Mapping):
            continue
        item_ptr = child("#/paths", path)
        shared = {"parameters": item.get("parameters") or []}
        yield from _operation_schemas(shared, item_ptr, naming.pascal(path), resolver)
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, Mapping):
                op_id = op.get("operationId")
                name = naming.pascal(op_id if isinstance(op_id, str) else f"{method} {path}")
                yield from _operation_schemas(op, child(item_ptr, method), name, resolver)
    for kind in ("parameters", "headers"):
        group = _mapping(components.get(kind))
        for key in sorted(group):
            node = group[key]
            if isinstance(node, Mapping) and "schema" in node:
                yield child("#/components", kind, key, "schema"), node["schema"], key
    for kind, role in (("requestBodies", "Request"), ("responses", "Response")):
        group = _mapping(components.get(kind))
        for key in sorted(group):
            yield from _media_schemas(group[key], child("#/components", kind, key), key + role)


def _subtype_value(draft: Draft, discriminator: str, mapping: dict[str, str]) -> str | None:
    """The discriminator value that selects ``draft``: mapped, else derived from its schema key."""
    for value, target in sorted(mapping.items()):
        if target == draft.pointer:
            return value
    if not draft.pointer.startswith(COMPONENT_SCHEMAS):
        return None
    key = draft.pointer[len(COMPONENT_SCHEMAS) :].replace("~1", "/").replace("~0", "~")
    return "#" + key if discriminator == ODATA_TYPE else key


def _discriminator(draft: Draft, has_children: bool) -> str | None:
    """Own or inherited; OData style (``@odata.type``) for dotted schema keys with subclasses."""
    node: Draft | None = draft
    while node is not None:
        if node.discriminator:
            return node.discriminator
        node = node.base
    if not has_children:
        return None
    if any(f.wire_name == ODATA_TYPE for f in draft.all_fields()) or "." in draft.pointer:
        return ODATA_TYPE
    return None


def _freeze(builder: SchemaBuilder) -> tuple[ModelClass, ...]:
    drafts = builder.drafts
    children: dict[str, list[Draft]] = {}
    for draft in drafts.values():
        if draft.base is not None:
            children.setdefault(draft.base.pointer, []).append(draft)

    def descendants(draft: Draft) -> list[Draft]:
        out: list[Draft] = []
        for kid in children.get(draft.pointer, []):
            out += [kid, *descendants(kid)]
        return out

    mapping: dict[str, str] = {}
    for draft in drafts.values():
        mapping.update(draft.mapping)
    classes: list[ModelClass] = []
    for draft in drafts.values():
        below = descendants(draft)
        disc = _discriminator(draft, bool(below) or draft.base is not None)
        own_value = _subtype_value(draft, disc, mapping) if disc else None
        subtypes: dict[str, ClassRef] = {}
        if disc and below:
            for kid in below:
                value = _subtype_value(kid, disc, mapping)
                if value is not None and value != own_value:
                    subtypes.setdefault(value, kid.ref)
        all_fields = tuple(draft.all_fields())
        imports = {i for f in draft.fields for i in f.type.imports}
        classes.append(
            ModelClass(
                ref=draft.ref,
                schema=draft.pointer,
                doc=draft.doc,
                bases=(draft.base.ref,) if draft.base else (),
                fields=tuple(draft.fields),
                all_fields=all_fields,
                discriminator=disc if subtypes else None,
                subtypes=tuple(sorted(subtypes.items())),
                discriminator_value=own_value,
                imports=tuple(sorted(imports)),
            )
        )
    return tuple(sorted(classes, key=lambda c: c.ref))
