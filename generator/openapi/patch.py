"""Edits that change only descriptions, patched into the last build instead of building again.

A page's descriptions (of the page, its operation, its resource and their rows, its enum members)
are written into the schemas and path items that the page feeds, and read by nothing else: no name,
base type, operationId, tag or diagnostic of the build depends on them, and no other page's entries
(a derived type takes its base's row names, not their descriptions). So when every edited page
keeps its structure (:func:`same_structure`: equal but in its descriptions), the last document is
right except for the entries the edited pages feed. Those are built again on their own: a schema from the
pages that define it, a path item from the pages of its endpoints, with the last build's name
tables answering type lookups and its bases and inferred navigation properties as they were. Their
YAML replaces the old entries' in the last text. Any other edit means a full build.

Tests build the same corpus both ways after each kind of edit and compare the bytes.
"""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.markdown.model import Page
from generator.openapi.context import BuildContext, Schema
from generator.openapi.document import BuildTrace
from generator.openapi.dump import PLACES, Place, dump_entry
from generator.openapi.endpoint import Endpoint
from generator.openapi.enums import enum_schema
from generator.openapi.infer import add_property
from generator.openapi.operations import build_operation
from generator.openapi.paths import NormalPath, PathParam
from generator.openapi.resolve import NameTables, TypeIndex
from generator.openapi.schemas import resource_schema

#: The fields written only into the entries of their own page: descriptions (of the page, its
#: operation, resource, rows and enum members) and a header row's value.
LOCAL_FIELDS = frozenset({"description", "Header.value"})

#: One request line of a page: (page path, index among the operation's requests).
RequestRef = tuple[str, int]
#: A :class:`NormalPath` as plain values (the state is stored with marshal, which is fast).
PlainPath = tuple[Any, ...]
#: How a path item's operation is built again: method, lead request, its path, operationId, and
#: the requests of the other pages documenting it (with their paths).
Step = tuple[str, RequestRef, PlainPath, str, tuple[tuple[RequestRef, PlainPath], ...]]


@dataclass
class PatchState:
    """What a run keeps of its build to patch it (stored as :meth:`plain` values)."""

    version: str
    keys: dict[str, str]  # docs-relative path → content key of the page built from, in path order
    names: NameTables
    bases: dict[str, str]
    navigation: dict[str, list[tuple[str, Schema]]]  # owner schema → inferred properties, in order
    feeds: dict[str, list[Place]]  # page path → the entries it feeds
    schemas: dict[str, tuple[str, ...]]  # schema → the pages defining it
    #: path template → its operations in document order (a list of :data:`Step`, marshalled: only
    #: the few patched are decoded)
    operations: dict[str, bytes]
    spans: dict[Place, tuple[int, int]]  # entry → where its text is in the YAML text (UTF-8)
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


_PATH_FIELDS = tuple(f.name for f in dataclasses.fields(NormalPath))
_PARAM_FIELDS = tuple(f.name for f in dataclasses.fields(PathParam))


def _plain_path(path: NormalPath) -> PlainPath:
    """The path as ``dataclasses.astuple`` makes it (its parameters as tuples too), without the deep
    copy of every value that ``astuple`` makes: that took 0.2 s of each corpus build."""
    values = {name: getattr(path, name) for name in _PATH_FIELDS}
    values["params"] = tuple(tuple(getattr(p, n) for n in _PARAM_FIELDS) for p in path.params)
    return tuple(values.values())


def _normal_path(plain: PlainPath) -> NormalPath:
    template, params, *rest = plain
    return NormalPath(template, tuple(PathParam(*param) for param in params), *rest)


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
    version: str,
    keys: dict[str, str],
    spans: dict[Place, tuple[int, int]],
    base: str,
) -> PatchState | None:
    """The patch state of a full build (None when the trace is incomplete)."""
    index = trace.index
    if index is None:
        return None
    feeds: dict[str, list[Place]] = {}
    schemas: dict[str, tuple[str, ...]] = {}
    for name, pages in index.groups.items():
        if name not in trace.schemas:
            continue
        schemas[name] = pages
        for path in pages:
            feeds.setdefault(path, []).append(("schemas", name))
    operations: dict[str, bytes] = {}
    for template, endpoints in trace.endpoints.items():
        steps: list[Step] = []
        for endpoint, operation_id in endpoints:
            others = tuple((_ref(other), _plain_path(other.path)) for other in endpoint.others)
            plain = _plain_path(endpoint.path)
            steps.append((endpoint.method, _ref(endpoint), plain, operation_id, others))
            for each in endpoint.all:
                places = feeds.setdefault(each.page.path, [])
                if ("paths", template) not in places:
                    places.append(("paths", template))
        operations[template] = marshal.dumps(steps)
    navigation: dict[str, list[tuple[str, Schema]]] = {}
    for owner, name, schema in trace.navigation:
        navigation.setdefault(owner, []).append((name, schema))
    return PatchState(
        version,
        keys,
        index.names(),
        trace.bases,
        navigation,
        feeds,
        schemas,
        operations,
        spans,
        base,
    )


def _ref(endpoint: Endpoint) -> RequestRef:
    requests = endpoint.op.requests
    return endpoint.page.path, next(i for i, r in enumerate(requests) if r is endpoint.request)


def entries_to_patch(
    state: PatchState, old: Mapping[str, Page], new: Mapping[str, Page]
) -> set[Place] | None:
    """The entries fed by the edited pages (``old`` and ``new`` versions by path), or None when one
    of them changed more than its descriptions."""
    places: set[Place] = set()
    for path, page in new.items():
        before = old.get(path)
        if before is None or not same_structure(before, page):
            return None
        places.update(state.feeds.get(path, ()))
    return places


def pages_needed(state: PatchState, places: set[Place]) -> set[str]:
    """The pages the entries in ``places`` are built from."""
    needed: set[str] = set()
    for kind, name in places:
        if kind == "schemas":
            needed.update(state.schemas[name])
        else:
            for _, lead, _, _, others in _steps(state, name):
                needed.add(lead[0])
                needed.update(ref[0] for ref, _ in others)
    return needed


def patch(
    state: PatchState,
    places: set[Place],
    pages: Mapping[str, Page],
    data: bytes,
    *,
    keys: dict[str, str],
) -> tuple[bytes, PatchState, dict[Place, Any]] | None:
    """The YAML text (UTF-8) with the entries in ``places`` built again from ``pages``, the state of
    the patched build (``keys``: its pages' content keys) and the entries' new values; None when an
    entry cannot be built on its own (the caller then builds in full)."""
    sink = (
        DiagnosticSink()
    )  # the build's diagnostics do not depend on descriptions: kept as they were
    ctx = BuildContext(state.version, sink, TypeIndex.from_names(state.names), bases=state.bases)
    values: dict[Place, Any] = {}
    for place in places:
        value = _build(ctx, state, place, pages) if place in state.spans else None
        if value is None:
            return None
        values[place] = value
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
    overlay = {**state.overlay, **values}
    new_state = dataclasses.replace(state, keys=keys, spans=spans, overlay=overlay)
    return b"".join(pieces), new_state, values


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
    item: dict[str, Any] = {}
    for method, lead, path, operation_id, others in _steps(state, name):
        endpoint = _endpoint(pages, lead, path, method)
        if endpoint is None:
            return None
        riders = [_endpoint(pages, ref, other, method) for ref, other in others]
        if any(rider is None for rider in riders):
            return None
        endpoint = dataclasses.replace(endpoint, others=tuple(r for r in riders if r is not None))
        item[method] = build_operation(ctx, endpoint, operation_id)
    return item


def _steps(state: PatchState, template: str) -> list[Step]:
    steps: list[Step] = marshal.loads(state.operations[template])
    return steps


def _endpoint(
    pages: Mapping[str, Page], ref: RequestRef, path: PlainPath, method: str
) -> Endpoint | None:
    page = pages.get(ref[0])
    op = page.operation if page is not None else None
    if page is None or op is None or ref[1] >= len(op.requests):
        return None
    return Endpoint(page, op, op.requests[ref[1]], _normal_path(path), method)
