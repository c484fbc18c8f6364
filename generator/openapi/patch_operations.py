"""Path items built again on their own, from the steps a full build recorded.

After a description edit a path item is simply built again (:func:`path_item`). After an edit
inside an operation page's tables and examples it is built twice, from the old and from the new
pages (:func:`checked_items`), because more than the item itself could change. The rest of a build
reads of an operation page only its requests, whether its examples are annotated (which page
leads an endpoint) and the servers of its example requests (:func:`operation_edit` requires them
unchanged, but for the requests' lines: :mod:`generator.openapi.patch_lines` moves what names
them). Building its operations leaves behind, for the rest of the build, their wanted operationIds
(made unique in document order), their tags, what their GET paths return (inferred navigation),
their scopes and the type warnings given once per run. When those agree between the two builds
(sources of moved lines moved), and the build from the old pages gives exactly the last run's
diagnostics for each operation, the new items and their diagnostics are what a full build would
give.
"""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.markdown.model import Page
from generator.openapi.context import BuildContext
from generator.openapi.document import annotated, example_servers
from generator.openapi.endpoint import Endpoint
from generator.openapi.operations import build_operation, operation_id
from generator.openapi.patch_lines import moved_sources, same_requests
from generator.openapi.paths import NormalPath, PathParam
from generator.openapi.resolve import NameTables, TypeIndex

if TYPE_CHECKING:
    from generator.openapi.patch import Edits, PatchState, RowKey

#: One request line of a page: (page path, index among the operation's requests).
RequestRef = tuple[str, int]
#: A :class:`NormalPath` as plain values (the state is stored with marshal, which is fast).
PlainPath = tuple[Any, ...]
#: How a path item's operation is built again: method, lead request, its path, operationId, and
#: the requests of the other pages documenting it (with their paths).
Step = tuple[str, RequestRef, PlainPath, str, tuple[tuple[RequestRef, PlainPath], ...]]
#: One operation built again: its method, endpoint and value, and the diagnostics building it gave.
Built = tuple[str, Endpoint, dict[str, Any], list[Diagnostic]]


def operation_edit(old: Page, new: Page) -> bool:
    """Whether the rest of a build reads the same of the two versions of an operation page (the
    caller compares the page outside its operation)."""
    before, after = old.operation, new.operation
    return (
        before is not None
        and after is not None
        and same_requests(old, new)
        and annotated(before) == annotated(after)
        and example_servers(old) == example_servers(new)
    )


def context(state: PatchState, names: NameTables | None = None) -> BuildContext:
    """A build context answering type lookups from the last build's name tables (or ``names``)."""
    index = TypeIndex.from_names(state.names if names is None else names)
    return BuildContext(state.version, DiagnosticSink(), index, bases=state.bases)


def path_item(
    ctx: BuildContext, state: PatchState, template: str, pages: Mapping[str, Page]
) -> list[Built] | None:
    """The operations of a path item, built again as the last build did (None when a page or
    request it was built from is gone)."""
    built: list[Built] = []
    for method, lead, path, unique, others in steps(state, template):
        endpoint = _endpoint(pages, lead, path, method)
        riders = [_endpoint(pages, ref, other, method) for ref, other in others]
        if endpoint is None or any(rider is None for rider in riders):
            return None
        endpoint = dataclasses.replace(endpoint, others=tuple(r for r in riders if r is not None))
        start = len(ctx.sink.items)
        operation = build_operation(ctx, endpoint, unique)
        built.append((method, endpoint, operation, ctx.sink.items[start:]))
    return built


def checked_items(
    state: PatchState, edits: Edits, new: Mapping[str, Page], diagnostics: Sequence[Diagnostic]
) -> tuple[dict[str, dict[str, Any]], dict[RowKey, list[Diagnostic]]] | None:
    """The path items the edited pages feed, built from the ``new`` pages, and their operations'
    diagnostics; None unless building them from the old pages gives the last run's
    ``diagnostics`` and the same effects on the rest of the build."""
    templates = [name for kind, name in edits.places if kind == "paths"]
    old = {**new, **edits.old}
    before, after = context(state), context(state)
    items: dict[str, dict[str, Any]] = {}
    rows: dict[RowKey, list[Diagnostic]] = {}
    for template in sorted(templates):  # document order: warnings given once stay where they were
        was = path_item(before, state, template, old)
        now = path_item(after, state, template, new)
        if was is None or now is None or _effects(was) != _effects(now):
            return None
        for method, _, _, found in was:
            span = state.rows.get((template, method))
            if span is None or list(diagnostics[span[0] : span[1]]) != found:
                return None
        items[template] = {method: operation for method, _, operation, _ in now}
        rows.update(((template, method), found) for method, _, _, found in now)
    sources = moved_sources(edits.moves)
    moved = {t: (kind, many, sources.get(at, at)) for t, (kind, many, at) in before.returns.items()}
    if (
        moved != after.returns
        or before.delegated_scopes != after.delegated_scopes
        or before.application_scopes != after.application_scopes
        or _reported_outside(before, edits.operations) != _reported_outside(after, edits.operations)
    ):
        return None
    return items, rows


def _effects(built: list[Built]) -> list[tuple[str, str, Any]]:
    """What the rest of the build reads of the operations: wanted operationIds and tags."""
    return [(method, operation_id(e), operation["tags"]) for method, e, operation, _ in built]


def _reported_outside(ctx: BuildContext, edited: Collection[str]) -> set[tuple[str, int, str, str]]:
    """The warnings given once about rows of pages not edited: other path items may read them."""
    return {key for key in ctx.reported if key[0] not in edited}


def steps(state: PatchState, template: str) -> list[Step]:
    found: list[Step] = marshal.loads(state.operations[template])
    return found


def plain_path(path: NormalPath) -> PlainPath:
    """The path as ``dataclasses.astuple`` makes it (its parameters as tuples too), without the deep
    copy of every value that ``astuple`` makes: that took 0.2 s of each corpus build."""
    values = {name: getattr(path, name) for name in _PATH_FIELDS}
    values["params"] = tuple(tuple(getattr(p, n) for n in _PARAM_FIELDS) for p in path.params)
    return tuple(values.values())


def normal_path(plain: PlainPath) -> NormalPath:
    template, params, *rest = plain
    return NormalPath(template, tuple(PathParam(*param) for param in params), *rest)


_PATH_FIELDS = tuple(f.name for f in dataclasses.fields(NormalPath))
_PARAM_FIELDS = tuple(f.name for f in dataclasses.fields(PathParam))


def _endpoint(
    pages: Mapping[str, Page], ref: RequestRef, path: PlainPath, method: str
) -> Endpoint | None:
    page = pages.get(ref[0])
    op = page.operation if page is not None else None
    if page is None or op is None or ref[1] >= len(op.requests):
        return None
    return Endpoint(page, op, op.requests[ref[1]], normal_path(path), method)
