"""Tables recognised from data, ApiDoctor style.

A table's kind comes from the role of the section above it; each canonical column is found from a
list of accepted header spellings (compared after removing markup, ``&nbsp;`` and case). There is one
spelling list per table family, not one branch per variant.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Severity
from generator.markdown.blocks import Cell, Row, Table
from generator.markdown.context import PageContext

#: Canonical column → accepted header spellings, per table family.
SPELLINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "fields": {
        "name": (
            "property",
            "property name",
            "name",
            "parameter",
            "parameter name",
            "relationship",
            "relationship name",
            "query parameter",
            "path parameter",
            "field",
            "navigation property",
        ),
        "type": ("type", "data type", "value type", "property type"),
        "description": ("description", "notes", "remarks", "details"),
        "required": ("required", "required/optional"),
    },
    "path_params": {
        "name": ("parameter", "parameter name", "name", "path parameter", "property"),
        "type": ("type", "value", "data type"),
        "description": ("description",),
        "required": ("required",),
    },
    "headers": {
        "name": ("header", "name", "request header", "header name"),
        "value": ("value",),
        "description": ("description",),
        "required": ("required",),
    },
    "enum": {
        "member": ("member", "name", "enum member", "member name", "value name"),
        "value": ("value", "int value", "numeric value", "integer value"),
        "description": ("description",),
    },
}


def header_name(ctx: PageContext, cell: Cell) -> str:
    return ctx.inline(cell).plain.lower().strip(" :*?").replace("*", "")


def columns(ctx: PageContext, table: Table, family: str) -> dict[str, int]:
    """Canonical column → index; an empty dict when the header names none of them."""
    names = [header_name(ctx, cell) for cell in table.header]
    found: dict[str, int] = {}
    for canonical, spellings in SPELLINGS[family].items():
        for index, name in enumerate(names):
            if name in spellings and index not in found.values():
                found[canonical] = index
                break
    return found


def records(
    ctx: PageContext,
    table: Table,
    family: str,
    required: tuple[str, ...],
    unfit: Severity = Severity.WARNING,
) -> Iterator[tuple[Row, dict[str, Cell]]]:
    """The table's rows as canonical-column dicts; a diagnostic (``unfit``) when the header does not fit."""
    found = columns(ctx, table, family)
    missing = [name for name in required if name not in found]
    if missing:
        header = " | ".join(cell.source for cell in table.header)
        ctx.diag(
            table.line,
            unfit,
            "M012",
            f"table header {header!r} has no {' or '.join(missing)} column",
        )
        return
    for row in table.rows:
        if row.extra:
            ctx.diag(
                row.line,
                Severity.WARNING,
                "M003",
                f"row has {len(table.header) + row.extra} cells, the header {len(table.header)}",
            )
        if is_group_row(row):
            continue
        yield row, {name: row.cells[index] for name, index in found.items()}


def is_group_row(row: Row) -> bool:
    """``|**Certificates and secrets**| | |``: a bold first cell and nothing else."""
    first = row.cells[0].source.strip() if row.cells else ""
    if first and not first.startswith("**"):  # most rows: no need to look at the others
        return False
    rest = [c.source.replace("&nbsp;", "").strip() for c in row.cells[1:]]
    if not first and not any(rest):
        return True
    return bool(rest) and first.startswith("**") and not any(rest)
