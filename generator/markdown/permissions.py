"""Permissions tables, in both layouts.

Row layout (the common one): ``Permission type | Permissions (…)``, one row per kind of permission.
Column layout: ``Supported resource | Delegated (work or school account) | … | Application``, one row
per resource, one column per kind. A third shape puts several scope columns beside the kind column
(``acting on self`` / ``acting on others``); their scopes are united. ``Not supported.`` gives an
empty scope list; TODO cells and free text give a diagnostic.
"""

from __future__ import annotations

import re

from generator.diagnostics import Severity
from generator.markdown.blocks import Cell, Table
from generator.markdown.context import PageContext
from generator.markdown.model import Permission
from generator.markdown.tables import header_name, is_group_row

_SCOPE = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$")
_SPLIT = re.compile(r",|;|\band\b|\bor\b|\s+|<br\s*/?>", re.I)
_NOT_SUPPORTED = re.compile(r"\bnot\s+(?:supported|applicable)\b|^n/?a$|^none\.?$", re.I)


def permission_kind(label: str) -> str | None:
    lower = label.lower()
    if "delegated" in lower:
        return (
            "delegatedPersonal"
            if ("personal" in lower or "microsoft account" in lower)
            else "delegatedWork"
        )
    if "application" in lower or "app-only" in lower or "app only" in lower:
        return "application"
    return None


def read_permissions(ctx: PageContext, table: Table) -> list[Permission]:
    names = [header_name(ctx, cell) for cell in table.header]
    kinds_by_column = {
        i: permission_kind(n) for i, n in enumerate(names) if i and permission_kind(n)
    }
    out: list[Permission] = []
    for row in table.rows:
        if is_group_row(row):
            continue
        if kinds_by_column:
            for index, kind in kinds_by_column.items():
                if kind and index < len(row.cells):
                    out.append(Permission(kind, _scopes(ctx, row.cells[index], row.line), row.line))
            continue
        label = ctx.inline(row.cells[0]).plain if row.cells else ""
        kind = permission_kind(label)
        if kind is None:
            ctx.diag(
                row.line, Severity.INFO, "M011", f"permission type {label!r} is not recognised"
            )
            continue
        scopes: list[str] = []
        for cell in row.cells[1:]:
            scopes.extend(_scopes(ctx, cell, row.line))
        out.append(Permission(kind, tuple(dict.fromkeys(scopes)), row.line))
    return out


def _scopes(ctx: PageContext, cell: Cell, line: int) -> tuple[str, ...]:
    text = ctx.inline(cell).plain.strip()
    if not text:
        return ()
    if "todo" in text.lower():
        ctx.diag(line, Severity.INFO, "M011", f"permissions cell is a placeholder: {text!r}")
        return ()
    scopes: list[str] = []
    leftovers: list[str] = []
    for piece in _SPLIT.split(text):
        word = piece.strip(" .`*'\"()")
        if not word:
            continue
        if _SCOPE.match(word):
            scopes.append(word)
        else:
            leftovers.append(word)
    if leftovers and not _NOT_SUPPORTED.search(text):
        what = f"scopes {', '.join(scopes)}" if scopes else "no scope"
        ctx.diag(line, Severity.INFO, "M011", f"permissions cell {text!r} is prose; read {what}")
    return tuple(dict.fromkeys(scopes))
