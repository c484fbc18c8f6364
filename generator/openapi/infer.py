"""Navigation properties the resource pages forget but the operation pages show.

``GET /users/{user-id}/joinedTeams`` returning a collection of ``team``, next to ``GET
/users/{user-id}`` returning ``user``, says that ``user`` has a ``joinedTeams`` navigation property
even when ``user.md``'s Relationships table leaves it out. Such a property is added to the parent's
schema, with the operation page as its source.
"""

from __future__ import annotations

from generator.openapi.context import BuildContext, Schema, schema_ref
from generator.openapi.types import array_of, nullable


def _body(schema: Schema) -> Schema:
    return schema["allOf"][-1] if "allOf" in schema else schema


def _known_properties(ctx: BuildContext, name: str) -> set[str]:
    names: set[str] = set()
    for each in ctx.lineage(name):
        names.update(_body(ctx.schemas.get(each, {})).get("properties", {}))
    return names


def _plain_segment(segment: str) -> bool:
    return bool(segment) and not any(c in segment for c in "{}()$:.")


def navigation_candidates(ctx: BuildContext) -> list[tuple[str, str, str, bool, str]]:
    """Every (owner, segment, returned schema, collection?, source) that a GET path may add as a
    navigation property, in order: the owner is a documented type its parent path returns."""
    found: list[tuple[str, str, str, bool, str]] = []
    for template, (target, collection, source) in sorted(ctx.returns.items()):
        parent_path, _, segment = template.rpartition("/")
        parent = ctx.returns.get(parent_path)
        if not _plain_segment(segment) or parent is None or parent[1]:
            continue
        if parent[0] in ctx.index.resources:
            found.append((parent[0], segment, target, collection, source))
    return found


def infer_navigation(
    ctx: BuildContext, candidates: list[tuple[str, str, str, bool, str]]
) -> list[tuple[str, str, Schema]]:
    """Add a navigation property to each documented parent type that lacks one a GET path shows
    (of the :func:`navigation_candidates`); the additions, in order: (owner schema, property, its
    schema)."""
    added: list[tuple[str, str, Schema]] = []
    for owner, segment, target, collection, source in candidates:
        if segment in _known_properties(ctx, owner):
            continue
        ref = schema_ref(target)
        schema = array_of(ref) if collection else nullable(ctx, ref)
        schema["x-ms-navigationProperty"] = True
        schema["x-specdown-source"] = source
        add_property(ctx.schemas[owner], segment, schema)
        added.append((owner, segment, schema))
    return added


def add_property(owner: Schema, name: str, schema: Schema) -> None:
    _body(owner).setdefault("properties", {})[name] = schema
