"""Enums from four places: enum pages (``## Members``), ``### x values`` tables, the shared
``enums.md`` files (many ``### x values`` tables), and "Possible values are …" lists."""

from __future__ import annotations

import re

from generator.diagnostics import Severity
from generator.markdown.blocks import Table
from generator.markdown.context import PageContext
from generator.markdown.model import EnumDef, EnumMember, Property
from generator.markdown.tables import columns, is_group_row

_MEMBER = re.compile(r"^[A-Za-z_][\w.\-]*$")
_INT = re.compile(r"^-?\d+$|^0x[0-9a-f]+$", re.I)
_ENUM_TITLE = re.compile(
    r"^\s*`?([A-Za-z_][\w.]*)`?\s+(?:enum(?:eration)?(?:\s+type)?|flags?\s+enum)\b", re.I
)


def enum_title_name(title: str) -> str | None:
    """``clonableTeamParts`` for the H1 ``clonableTeamParts enum type``."""
    match = _ENUM_TITLE.match(title)
    return match.group(1) if match else None


def read_enum_table(
    ctx: PageContext, table: Table, name: str, line: int, source: str
) -> EnumDef | None:
    found = columns(ctx, table, "enum")
    member_col = found.get("member", found.get("value"))
    value_col = found.get("value") if "member" in found else None
    if member_col is None:
        header = " | ".join(cell.source for cell in table.header)
        ctx.diag(
            table.line, Severity.WARNING, "M013", f"enum table {header!r} has no Member column"
        )
        return None
    members: list[EnumMember] = []
    seen: set[str] = set()
    for row in table.rows:
        if is_group_row(row) or member_col >= len(row.cells):
            continue
        member = ctx.inline(row.cells[member_col]).plain.strip("`* ")
        if not _MEMBER.match(member):
            ctx.diag(row.line, Severity.WARNING, "M013", f"enum member {member!r} is not a name")
            continue
        if member in seen:
            ctx.diag(row.line, Severity.WARNING, "M013", f"enum member {member!r} is listed again")
            continue
        seen.add(member)
        value: int | None = None
        if value_col is not None and value_col < len(row.cells):
            text = ctx.inline(row.cells[value_col]).plain.strip("` ")
            value = int(text, 0) if _INT.match(text) else None
        described = found.get("description")
        description = (
            ctx.inline(row.cells[described]).plain
            if described is not None and described < len(row.cells)
            else ""
        )
        members.append(EnumMember(member, row.line, value, description))
    if not members:
        ctx.diag(table.line, Severity.WARNING, "M013", f"enum {name!r} has no members")
        return None
    return EnumDef(
        name=name, line=line, members=tuple(members), flags=_is_flags(members), source=source
    )


def _is_flags(members: list[EnumMember]) -> bool:
    """Flags are visible only from their values: three or more distinct powers of two, not 1, 2, 3."""
    values = [m.value for m in members if m.value is not None]
    if len(values) < 3 or len(values) != len(members) or len(set(values)) != len(values):
        return False
    return all(v > 0 and v & (v - 1) == 0 for v in values) and max(values) > len(values)


def table_enums(ctx: PageContext, namespace: str | None) -> list[EnumDef]:
    """``### x values`` tables anywhere on the page."""
    out: list[EnumDef] = []
    for section in ctx.sections("enum_values"):
        name = section.enum_name
        if not name:
            continue
        for table in ctx.blocks(section).tables[:1]:
            enum = read_enum_table(ctx, table, name, section.line, "table")
            if enum:
                out.append(_with_namespace(enum, namespace))
    return out


def page_enum(ctx: PageContext, title: str, namespace: str | None) -> list[EnumDef]:
    """An enum page's own enum: named by its H1, members from the ``## Members`` table."""
    name = enum_title_name(title)
    tables = [(s, t) for s in ctx.sections("members") for t in ctx.blocks(s).tables]
    if not tables:
        return []
    if name is None:
        ctx.diag(
            tables[0][1].line,
            Severity.WARNING,
            "M013",
            f"enum page title {title!r} does not name an enum",
        )
        return []
    enum = read_enum_table(
        ctx, tables[0][1], name, ctx.outline.h1.line if ctx.outline.h1 else 0, "page"
    )
    return [_with_namespace(enum, namespace)] if enum else []


def value_list_enums(properties: list[Property], namespace: str | None) -> list[EnumDef]:
    """Enums named by a property's (non-primitive) type and listed only in its description."""
    out: list[EnumDef] = []
    for prop in properties:
        if prop.type is None or prop.type.primitive or not prop.possible_values:
            continue
        members = tuple(EnumMember(v, prop.line) for v in prop.possible_values if _MEMBER.match(v))
        if members:
            name = prop.type.name.rsplit(".", 1)[-1]
            out.append(EnumDef(name, prop.line, members, namespace, source="possible-values"))
    return out


def _with_namespace(enum: EnumDef, namespace: str | None) -> EnumDef:
    return EnumDef(enum.name, enum.line, enum.members, namespace, enum.flags, enum.source)
