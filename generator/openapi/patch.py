"""Edits patched into the last build instead of building again.

A page's descriptions (of the page, its operation, its resource and their rows, its enum members)
are written into the schemas and path items that the page feeds, and read by nothing else: no name,
base type, operationId, tag or diagnostic of the build depends on them, and no other page's entries
(a derived type takes its base's row names, not their descriptions). So when every edited page
keeps its structure (:func:`same_structure`: equal but in its descriptions), the last document is
right except for the entries the edited pages feed. Those are built again on their own: a schema from the
pages that define it, a path item from the pages of its endpoints, with the last build's name
tables answering type lookups and its bases and inferred navigation properties as they were. Their
YAML replaces the old entries' in the last text.

An edit inside an operation page's tables and examples (its requests, title and the rest of the
page kept) changes more, but only in the path items the page feeds, as long as building those
items from the old and the new page has the same effects on the rest of the build
(:mod:`generator.openapi.patch_operations` checks it). Their diagnostics are spliced into the last
run's. An edit above the request lines moves them, and what names them moves with them
(:mod:`generator.openapi.patch_lines`). An edit of a resource page's rows (added, retyped) is
checked the same way on the schemas it reaches: its type's and those derived from it
(:mod:`generator.openapi.patch_resources`). Any other edit means a full build.

Tests build the same corpus both ways after each kind of edit and compare the bytes and the
diagnostics.
"""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.markdown.model import Page
from generator.openapi.context import BuildContext, Schema
from generator.openapi.document import BuildTrace
from generator.openapi.dump import PLACES, Place, dump_entry
from generator.openapi.endpoint import Endpoint
from generator.openapi.enums import enum_schema
from generator.openapi.infer import add_property
from generator.openapi.patch_lines import moved_lines, moved_navigation, moved_rows
from generator.openapi.patch_operations import (
    RequestRef,
    Step,
    checked_items,
    context,
    operation_edit,
    path_item,
    plain_path,
    steps,
)
from generator.openapi.patch_resources import checked_schemas, reached, resource_edit, unlined
from generator.openapi.resolve import NameTables, TypeIndex
from generator.openapi.schemas import resource_schema

#: The fields written only into the entries of their own page: descriptions (of the page, its
#: operation, resource, rows and enum members) and a header row's value.
LOCAL_FIELDS = frozenset({"description", "Header.value"})

#: Whose diagnostics a span of the run's list holds: ``(page path,)`` for a page's own, ``(path
#: template, method)`` for those of building an operation.
RowKey = tuple[str, ...]


@dataclass
class PatchState:
    """What a run keeps of its build to patch it (stored as :meth:`plain` values)."""

    version: str
    keys: dict[str, str]  # docs-relative path → content key of the page built from, in path order
    names: NameTables
    bases: dict[str, str]
    navigation: dict[str, list[tuple[str, Schema]]]  # owner schema → inferred properties, in order
    candidates: dict[str, list[str]]  # owner schema → segments of GET paths that may add one
    feeds: dict[str, list[Place]]  # page path → the entries it feeds
    schemas: dict[str, tuple[str, ...]]  # schema → the pages defining it
    #: path template → its operations in document order (a list of :data:`Step`, marshalled: only
    #: the few patched are decoded)
    operations: dict[str, bytes]
    spans: dict[Place, tuple[int, int]]  # entry → where its text is in the YAML text (UTF-8)
    #: where each page's and each operation's diagnostics are in the run's list, in list order
    rows: dict[RowKey, tuple[int, int]]
    base: str  # model key of the last full build (whose document the cache holds)
    #: entries patched since that build, with their values (the document is the base's with these)
    overlay: dict[Place, Any] = field(default_factory=dict)

    def plain(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in dataclasses.fields(self))

    @classmethod
    def from_plain(cls, values: Any) -> PatchState | None:
        try:
            return cls(*values)
        except TypeError:  # another layout: a miss
            return None


def same_structure(old: Any, new: Any) -> bool:
    """Whether two pages (or parts) are equal but in their :data:`LOCAL_FIELDS`: pages equal in
    structure feed the same names, types, paths and diagnostics to the build (see the module's
    docstring)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, tuple):
        return len(old) == len(new) and all(map(same_structure, old, new))
    names = _compared_fields(type(old))
    if names is None:
        return bool(old == new)
    return all(same_structure(getattr(old, name), getattr(new, name)) for name in names)


_COMPARED: dict[type, tuple[str, ...] | None] = {}


def _compared_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of a model class that :func:`same_structure` compares (None: not a dataclass)."""
    if cls not in _COMPARED:
        _COMPARED[cls] = (
            tuple(
                f.name
                for f in dataclasses.fields(cls)
                if f.name not in LOCAL_FIELDS and f"{cls.__name__}.{f.name}" not in LOCAL_FIELDS
            )
            if dataclasses.is_dataclass(cls)
            else None
        )
    return _COMPARED[cls]


def record(
    trace: BuildTrace,
    *,
    first: int,
    version: str,
    keys: dict[str, str],
    base: str,
) -> PatchState | None:
    """The patch state of a full build (None when the trace is incomplete); the run's diagnostics
    are those from ``first`` on in the build's sink. Its ``spans`` are empty: the caller sets them
    once the text is written (this runs while it is)."""
    index = trace.index
    if index is None:
        return None
    rows = {key: (start - first, end - first) for key, (start, end) in trace.rows.items()}
    feeds: dict[str, list[Place]] = {}
    schemas: dict[str, tuple[str, ...]] = {}
    for name, defining in index.groups.items():
        if name not in trace.schemas:
            continue
        schemas[name] = defining
        for path in defining:
            feeds.setdefault(path, []).append(("schemas", name))
    operations: dict[str, bytes] = {}
    for template, endpoints in trace.endpoints.items():
        recorded: list[Step] = []
        for endpoint, operation_id in endpoints:
            others = tuple((_ref(other), plain_path(other.path)) for other in endpoint.others)
            plain = plain_path(endpoint.path)
            recorded.append((endpoint.method, _ref(endpoint), plain, operation_id, others))
            for each in endpoint.all:
                places = feeds.setdefault(each.page.path, [])
                if ("paths", template) not in places:
                    places.append(("paths", template))
        operations[template] = marshal.dumps(recorded)
    navigation: dict[str, list[tuple[str, Schema]]] = {}
    for owner, name, schema in trace.navigation:
        navigation.setdefault(owner, []).append((name, schema))
    return PatchState(
        version,
        keys,
        index.names(),
        trace.bases,
        navigation,
        trace.candidates,
        feeds,
        schemas,
        operations,
        {},
        rows,
        base,
    )


def _ref(endpoint: Endpoint) -> RequestRef:
    requests = endpoint.op.requests
    return endpoint.page.path, next(i for i, r in enumerate(requests) if r is endpoint.request)


@dataclass
class Edits:
    """The edited pages (``old`` and ``new`` versions by path) and the entries they feed."""

    old: Mapping[str, Page]
    new: Mapping[str, Page]
    places: set[Place]
    #: the pages whose operation changed beyond its descriptions (checked when built again)
    operations: set[str]
    #: the pages whose resource's rows changed (checked when built again)
    resources: set[str]
    #: the request lines those pages moved (:mod:`generator.openapi.patch_lines`)
    moves: dict[str, dict[int, int]]
    #: the inferred navigation properties, with the sources that name moved lines moved
    navigation: dict[str, list[tuple[str, Schema]]]


def entries_to_patch(
    state: PatchState, old: Mapping[str, Page], new: Mapping[str, Page]
) -> Edits | None:
    """The edits, or None when a page changed more than its descriptions and its operation's
    tables and examples (:func:`~generator.openapi.patch_operations.operation_edit`)."""
    places: set[Place] = set()
    operations: set[str] = set()
    resources: set[str] = set()
    moves: dict[str, dict[int, int]] = {}
    for path, page in new.items():
        before = old.get(path)
        if before is None:
            return None
        if same_structure(before, page):
            pass
        elif _same_outside(before, page, "operation") and operation_edit(before, page):
            operations.add(path)
            if lines := moved_lines(before, page):
                moves[path] = lines
        elif _same_outside(unlined(before), unlined(page), "resource") and resource_edit(
            before, page
        ):
            resources.add(path)
        else:
            return None
        places.update(state.feeds.get(path, ()))
    types = reached(state, resources)
    if types is None:
        return None
    places.update(("schemas", name) for name in types)
    navigation, owners = moved_navigation(state.navigation, moves)
    places.update(("schemas", owner) for owner in owners)
    return Edits(old, new, places, operations, resources, moves, navigation)


def _same_outside(old: Page, new: Page, part: Literal["operation", "resource"]) -> bool:
    """Whether the two versions are equal in structure outside ``part`` and their diagnostics."""

    def outside(page: Page) -> Page:
        if part == "operation":
            return dataclasses.replace(page, operation=None, diagnostics=())
        return dataclasses.replace(page, resource=None, diagnostics=())

    return same_structure(outside(old), outside(new))


def pages_needed(state: PatchState, places: set[Place]) -> set[str]:
    """The pages the entries in ``places`` are built from."""
    needed: set[str] = set()
    for kind, name in places:
        if kind == "schemas":
            needed.update(state.schemas[name])
        else:
            for _, lead, _, _, others in steps(state, name):
                needed.add(lead[0])
                needed.update(ref[0] for ref, _ in others)
    return needed


@dataclass
class Patched:
    data: bytes  # the YAML text (UTF-8)
    state: PatchState
    values: dict[Place, Any]  # the entries built again
    diagnostics: list[Diagnostic]  # the run's


def patch(
    state: PatchState,
    edits: Edits,
    pages: Mapping[str, Page],
    data: bytes,
    diagnostics: list[Diagnostic],
    *,
    keys: dict[str, str],
) -> Patched | None:
    """The last run's YAML text (``data``) and ``diagnostics`` with the edited entries built again
    from ``pages`` (new versions; ``keys``: their content keys); None when an entry cannot be built
    on its own or a checked edit reaches further (the caller then builds in full)."""
    if any(place not in state.spans for place in edits.places):
        return None
    state = dataclasses.replace(state, navigation=edits.navigation)
    values: dict[Place, Any] = {}
    replaced: dict[RowKey, list[Diagnostic]] = {}
    if edits.operations:
        checked = checked_items(state, edits, pages, diagnostics)
        if checked is None:
            return None
        items, replaced = checked
        values.update((("paths", template), item) for template, item in items.items())
    if edits.resources:
        schemas = checked_schemas(
            state, edits.resources, pages, {**pages, **edits.old}, diagnostics
        )
        if schemas is None:
            return None
        values.update((("schemas", name), schema) for name, schema in schemas.values.items())
        replaced.update(schemas.rows)
        state = dataclasses.replace(state, names=schemas.names)
    for path in edits.operations | edits.resources:  # their own diagnostics
        span = state.rows.get((path,))
        if span is None or diagnostics[span[0] : span[1]] != list(edits.old[path].diagnostics):
            return None
        replaced[(path,)] = list(edits.new[path].diagnostics)
    ctx = context(state)  # with the edited types' members
    for place in edits.places - values.keys():
        value = _build(ctx, state, place, pages)
        if value is None:
            return None
        values[place] = value
    text, spans = _spliced_text(state, data, values)
    rows, row_spans = _spliced_rows(diagnostics, state.rows, replaced)
    if edits.moves:
        fed = {name for kind, name in edits.places if kind == "paths"}
        rows = moved_rows(rows, edits.moves, {t: steps(state, t) for t in fed}, edits.old)
    overlay = {**state.overlay, **values}
    new_state = dataclasses.replace(state, keys=keys, spans=spans, rows=row_spans, overlay=overlay)
    return Patched(text, new_state, values, rows)


def _spliced_text(
    state: PatchState, data: bytes, values: Mapping[Place, Any]
) -> tuple[bytes, dict[Place, tuple[int, int]]]:
    """The text with the YAML of ``values`` in place of their entries', and the entries' spans."""
    pieces: list[bytes | memoryview] = []
    view = memoryview(data)  # slices without copies
    spans: dict[Place, tuple[int, int]] = {}
    position = delta = 0
    for place, (start, end) in sorted(state.spans.items(), key=lambda item: item[1]):
        if place not in values:
            spans[place] = (start + delta, end + delta)
            continue
        written = dump_entry(place[0], place[1], values[place]).encode("utf-8")
        pieces += (view[position:start], written)
        position = end
        spans[place] = (start + delta, start + delta + len(written))
        delta += len(written) - (end - start)
    pieces.append(view[position:])
    return b"".join(pieces), spans


def _spliced_rows(
    rows: list[Diagnostic],
    spans: dict[RowKey, tuple[int, int]],
    replaced: Mapping[RowKey, list[Diagnostic]],
) -> tuple[list[Diagnostic], dict[RowKey, tuple[int, int]]]:
    """The run's diagnostics with ``replaced`` in place of their spans' (spans are in list order,
    empty ones included: that is where a page's first diagnostic goes), and the new spans."""
    if not replaced:
        return rows, spans
    spliced: list[Diagnostic] = []
    moved: dict[RowKey, tuple[int, int]] = {}
    position = delta = 0
    for key, (start, end) in spans.items():
        if key not in replaced:
            moved[key] = (start + delta, end + delta)
            continue
        spliced += rows[position:start]
        spliced += replaced[key]
        position = end
        moved[key] = (start + delta, start + delta + len(replaced[key]))
        delta += len(replaced[key]) - (end - start)
    spliced += rows[position:]
    return spliced, moved


def apply_overlay(document: dict[str, Any], overlay: Mapping[Place, Any]) -> dict[str, Any]:
    """The document of a patched build: its base build's document with the patched entries."""
    for (kind, name), value in overlay.items():
        member: Any = document
        for key in PLACES[kind]:
            member = member[key]
        member[name] = value
    return document


def _build(ctx: BuildContext, state: PatchState, place: Place, pages: Mapping[str, Page]) -> Any:
    kind, name = place
    if kind == "schemas":
        index = TypeIndex([pages[path] for path in state.schemas[name]], DiagnosticSink())
        if name in index.resources:
            schema = resource_schema(ctx, index.resources[name], state.bases)
            for prop, addition in state.navigation.get(name, ()):
                add_property(schema, prop, addition)
            return schema
        enum = index.enums.get(name)
        return enum_schema(enum) if enum is not None else None
    built = path_item(ctx, state, name, pages)
    return {method: operation for method, _, operation, _ in built} if built is not None else None
