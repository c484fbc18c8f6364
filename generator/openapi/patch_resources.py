"""Edits of a resource page's rows (added, retyped), checked by building the schemas they reach twice.

The rest of a build reads of a resource page its type's name, base, key and kinds
(:func:`resource_edit` requires them unchanged) and, through its rows:

- the merged definition of its type (several pages may define one; the one with the most rows
  leads, and the others get O002), and the rows that name a base or make the type keyed;
- the names of its rows (``members``), which each derived type leaves to its base;
- the names of its rows again when navigation properties are inferred: a GET path adds one to a
  type only when no type of its lineage has a property of that name.

So the edited type's schema and those of every type derived from it are built from the old and
the new pages. The patch goes ahead when the merged definitions agree on all but their rows, the
base signals agree, no row name that a GET path could add as a property is gone (the last build
recorded those paths' segments per type), no row added takes the name of an inferred navigation
property, the build from the old pages gives exactly the last run's diagnostics for each schema,
no diagnostic names a base or enum line the edit moved, and the type warnings given once about
other pages agree. The derived types' inherited names come from the new members, which the patch
state keeps.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.markdown.model import Page, Resource
from generator.openapi.context import BuildContext, Schema
from generator.openapi.infer import add_property
from generator.openapi.patch_operations import context
from generator.openapi.resolve import NameTables, ResourceDef, TypeIndex
from generator.openapi.schemas import SCHEMA, resource_schema

if TYPE_CHECKING:
    from generator.openapi.patch import PatchState, RowKey


def resource_edit(old: Page, new: Page) -> bool:
    """Whether the two versions of a resource page differ in their rows at most (the caller
    compares the page outside its resource, its enums' lines aside: :func:`unlined`)."""
    before, after = old.resource, new.resource
    return before is not None and after is not None and _identity(before) == _identity(after)


def unlined(page: Page) -> Page:
    """The page with its enums' lines left out: rows added above an enum table move it, and an
    enum's line is read only by its own schema (built again) and by O007 (checked)."""
    enums = tuple(
        dataclasses.replace(
            enum, line=0, members=tuple(dataclasses.replace(m, line=0) for m in enum.members)
        )
        for enum in page.enums
    )
    return dataclasses.replace(page, enums=enums)


def _identity(resource: Resource) -> Resource:
    """The resource but its rows, description and JSON representation; its base's line, which
    rows added above it move, is read only by O004 and O005 (checked)."""
    return dataclasses.replace(
        resource,
        description="",
        base_line=0,
        properties=(),
        relationships=(),
        json_example=None,
        json_line=0,
    )


def reached(state: PatchState, pages: Collection[str]) -> set[str] | None:
    """The schemas an edit of these resource pages reaches: their types and every type derived
    from them (None when a page's type has no schema entry)."""
    types: set[str] = set()
    page_types = state.names[2]
    for path in pages:
        name = page_types.get(path.lower())
        if name is None or name not in state.schemas:
            return None
        types.add(name)
    grew = True
    while grew:
        derived = {child for child, base in state.bases.items() if base in types}
        grew = not derived <= types
        types |= derived
    return types


@dataclasses.dataclass
class CheckedSchemas:
    values: dict[str, Schema]
    rows: dict[RowKey, list[Diagnostic]]
    names: NameTables  # the name tables with the edited types' members


def checked_schemas(
    state: PatchState,
    edited: Collection[str],
    new: Mapping[str, Page],
    old: Mapping[str, Page],
    diagnostics: Sequence[Diagnostic],
) -> CheckedSchemas | None:
    """The schemas the ``edited`` resource pages reach, built from the ``new`` pages, and their
    diagnostics; None unless the checks of the module's docstring hold."""
    types = reached(state, edited)
    moved = [path for path in edited if _lines_moved(old[path], new[path])]
    if types is None or any(_names_lines(row, moved) for row in diagnostics):
        return None
    by_name, by_short, page_types, page_enums, last_members = state.names
    members = dict(last_members)
    inferred = {prop for owner in types for prop, _ in state.navigation.get(owner, ())}
    candidates = {segment for owner in types for segment in state.candidates.get(owner, ())}
    for name in {page_types[path.lower()] for path in edited}:
        was, now = _definition(state, name, old), _definition(state, name, new)
        if was is None or now is None or _signals(was) != _signals(now):
            return None
        gone = set(was[0].resource_members) - set(now[0].resource_members)
        added = set(now[0].resource_members) - set(was[0].resource_members)
        if gone & candidates or added & inferred:
            return None
        members[name] = now[0].resource_members
    names: NameTables = (by_name, by_short, page_types, page_enums, members)
    before, after = context(state), context(state, names)
    values: dict[str, Schema] = {}
    rows: dict[RowKey, list[Diagnostic]] = {}
    for name in sorted(types):  # build order: warnings given once stay where they were
        was_built = _schema(before, state, name, old)
        now_built = _schema(after, state, name, new)
        span = state.rows.get((SCHEMA, name))
        if was_built is None or now_built is None or span is None:
            return None
        if list(diagnostics[span[0] : span[1]]) != was_built[1]:
            return None
        values[name], rows[(SCHEMA, name)] = now_built
    outside = [{k for k in ctx.reported if k[0] not in edited} for ctx in (before, after)]
    return CheckedSchemas(values, rows, names) if outside[0] == outside[1] else None


def _lines_moved(old: Page, new: Page) -> bool:
    """Whether the edit moved the line of the page's base or of one of its enums."""
    base = (old.resource.base_line if old.resource else 0, [e.line for e in old.enums])
    return base != (new.resource.base_line if new.resource else 0, [e.line for e in new.enums])


def _names_lines(row: Diagnostic, pages: Collection[str]) -> bool:
    """Whether a diagnostic names the line of a base (O004, O005) or of an enum (O007, on the
    page or naming it) on one of ``pages``."""
    if row.code in ("O004", "O005"):
        return row.path in pages
    return row.code == "O007" and (
        row.path in pages or any(f" {path}:" in row.message for path in pages)
    )


@dataclasses.dataclass
class _Merged:
    definition: ResourceDef
    resource_members: tuple[str, ...]


def _definition(
    state: PatchState, name: str, pages: Mapping[str, Page]
) -> tuple[_Merged, list[Diagnostic], tuple[str, ...]] | None:
    """The merged definition of a type from its pages, the O002 notes merging gives, and the
    order of its pages."""
    group = state.schemas[name]
    if any(path not in pages for path in group):
        return None
    sink = DiagnosticSink()
    index = TypeIndex([pages[path] for path in group], sink)
    definition = index.resources.get(name)
    if definition is None:
        return None
    return _Merged(definition, index.members[name]), sink.items, index.groups[name]


def _signals(found: tuple[_Merged, list[Diagnostic], tuple[str, ...]]) -> Any:
    """What the rest of the build reads of a merged definition but its rows' names and types."""
    merged, notes, order = found
    resource = merged.definition.resource
    rows = (*resource.properties, *resource.relationships)
    inherited = [row.inherited_from for row in rows if row.inherited_from]
    keyed = any(row.name == "id" for row in resource.properties)
    return _identity(resource), inherited, keyed, notes, order, merged.definition.page.path


def _schema(
    ctx: BuildContext, state: PatchState, name: str, pages: Mapping[str, Page]
) -> tuple[Schema, list[Diagnostic]] | None:
    found = _definition(state, name, pages)
    if found is None:
        return None
    start = len(ctx.sink.items)
    schema = resource_schema(ctx, found[0].definition, state.bases)
    for prop, addition in state.navigation.get(name, ()):
        add_property(schema, prop, addition)
    return schema, ctx.sink.items[start:]
