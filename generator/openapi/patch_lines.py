"""Request lines moved by an edit above them (a permission row, a line of the introduction).

A request line's number is read outside the path items its page feeds in three ways: the
diagnostics about the request itself (O003 on a page that is not the lead, O006 on a request
skipped, O010 on an operationId renamed), the O003 notes on other pages that name the lead's
``page:line``, and the ``x-specdown-source`` of the navigation properties inferred from a GET path
(the lead's ``page:line``). None of them orders anything. So when an edit moves request lines and
changes nothing else outside the path items, those are moved to the new lines and the rest of the
patch goes on as for any operation edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic
from generator.markdown.model import Page
from generator.openapi.context import Schema, source_of
from generator.openapi.document import also_documented

if TYPE_CHECKING:
    from generator.openapi.patch_operations import Step

#: The diagnostics given at a request line outside its operation's build.
REQUEST_CODES = frozenset({"O003", "O006", "O010"})
#: page path → its request lines that moved: old line → new line
Moves = Mapping[str, Mapping[int, int]]


def same_requests(old: Page, new: Page) -> bool:
    """Whether both versions have the same requests (method and path, in order), wherever their
    lines are."""
    before = old.operation.requests if old.operation else ()
    after = new.operation.requests if new.operation else ()
    return [(r.method, r.path) for r in before] == [(r.method, r.path) for r in after]


def moved_lines(old: Page, new: Page) -> dict[int, int]:
    """Old line → new line of the requests whose line moved (the requests being the same)."""
    before = old.operation.requests if old.operation else ()
    after = new.operation.requests if new.operation else ()
    return {a.line: b.line for a, b in zip(before, after, strict=True) if a.line != b.line}


def moved_sources(moves: Moves) -> dict[str, str]:
    """Old ``page:line`` → new, for every moved request line."""
    return {
        source_of(page, a): source_of(page, b)
        for page, lines in moves.items()
        for a, b in lines.items()
    }


def moved_rows(
    rows: Sequence[Diagnostic],
    moves: Moves,
    steps: Mapping[str, Sequence[Step]],
    old: Mapping[str, Page],
) -> list[Diagnostic]:
    """The run's diagnostics with the moved request lines: a request's own diagnostics, and the
    notes naming a moved lead (``steps``: the path items fed by the moved pages; ``old``: their old
    versions)."""
    sources = moved_sources(moves)
    notes: dict[str, str] = {}
    for template, recorded in steps.items():
        for method, (page, index), _, _, others in recorded:
            op = old[page].operation if page in old else None
            requests = op.requests if op is not None else ()
            source = source_of(page, requests[index].line) if index < len(requests) else ""
            if others and source in sources:
                notes[also_documented(method, template, source)] = also_documented(
                    method, template, sources[source]
                )
    moved: list[Diagnostic] = []
    for row in rows:
        line, message = row.line, row.message
        if row.code in REQUEST_CODES:
            line = moves.get(row.path, {}).get(line, line)
        if row.code == "O003":
            message = notes.get(message, message)
        same = (line, message) == (row.line, row.message)
        moved.append(row if same else Diagnostic(row.path, line, row.severity, row.code, message))
    return moved


def moved_navigation(
    navigation: Mapping[str, list[tuple[str, Schema]]], moves: Moves
) -> tuple[dict[str, list[tuple[str, Schema]]], set[str]]:
    """The inferred navigation properties with their moved sources, and the owners whose schemas
    change with them."""
    sources = moved_sources(moves)
    changed: dict[str, list[tuple[str, Schema]]] = dict(navigation)
    owners: set[str] = set()
    for owner, properties in navigation.items():
        if any(schema.get("x-specdown-source") in sources for _, schema in properties):
            owners.add(owner)
            changed[owner] = [
                (
                    name,
                    {
                        **schema,
                        "x-specdown-source": sources.get(
                            schema["x-specdown-source"], schema["x-specdown-source"]
                        ),
                    },
                )
                for name, schema in properties
            ]
    return changed, owners
