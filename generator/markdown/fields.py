"""Rows of Properties, Relationships and parameter tables → :class:`Property` / :class:`Parameter`."""

from __future__ import annotations

import re

from generator.diagnostics import Severity
from generator.markdown.blocks import Cell, Table
from generator.markdown.context import PageContext
from generator.markdown.model import Parameter, Property
from generator.markdown.modifiers import Modifiers, read_modifiers
from generator.markdown.tables import records

_NAME = re.compile(r"[@$]?[A-Za-z_][\w.@$\-]*")


def cell_name(ctx: PageContext, cell: Cell) -> str:
    """The identifier in a name cell (``**id**``, `` `id` ``, ``id (key)``)."""
    plain = ctx.inline(cell).plain.strip("*` ")
    match = _NAME.match(plain)
    return match.group() if match else plain


def read_properties(ctx: PageContext, table: Table, *, navigation: bool) -> list[Property]:
    out: list[Property] = []
    for row, cells in records(ctx, table, "fields", ("name", "type")):
        name = cell_name(ctx, cells["name"])
        if not name:
            continue
        description, mods, required = _described(ctx, cells)
        out.append(
            Property(
                name=name,
                type=ctx.type_of(cells["type"], row.line),
                description=description,
                line=row.line,
                navigation=navigation,
                read_only=mods.read_only,
                nullable=mods.nullable,
                required=required,
                deprecated=mods.deprecated,
                inherited_from=mods.inherited_from,
                possible_values=mods.possible_values,
            )
        )
    return out


def read_parameters(
    ctx: PageContext, table: Table, family: str = "fields", unfit: Severity = Severity.WARNING
) -> list[Parameter]:
    """``unfit``: the severity for a table whose header names no parameter column."""
    out: list[Parameter] = []
    for row, cells in records(ctx, table, family, ("name",), unfit):
        name = cell_name(ctx, cells["name"])
        if not name:
            continue
        description, mods, required = _described(ctx, cells)
        type_cell = cells.get("type")
        out.append(
            Parameter(
                name=name,
                type=ctx.type_of(type_cell, row.line) if type_cell else None,
                description=description,
                line=row.line,
                required=required,
                possible_values=mods.possible_values,
            )
        )
    return out


def _described(ctx: PageContext, cells: dict[str, Cell]) -> tuple[str, Modifiers, bool]:
    """A row's description (plain text), what its prose says, and whether the row is required
    (by its prose or its own "Required" column)."""
    cell = cells.get("description")
    text = ctx.inline(cell) if cell else None
    mods = read_modifiers(text.marked if text else "")
    return (
        (text.plain if text else ""),
        mods,
        mods.required or _says_required(ctx, cells.get("required")),
    )


def _says_required(ctx: PageContext, cell: Cell | None) -> bool:
    if cell is None:
        return False
    return ctx.inline(cell).plain.strip().lower() in ("yes", "true", "required", "y", "✓")
