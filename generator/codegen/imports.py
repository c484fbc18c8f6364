"""Import statements as isort (and ruff's ``I`` rules) write them, for every generated module.

Sections: the standard library, third-party packages, then the generated package itself, separated
by a blank line. Within a section ``import x`` comes before ``from x import …``; modules sort in
natural order and names by type (CONSTANTS, Classes, then the rest); names from one module share a
line, an aliased name (``_runtime as _rt``) has its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from generator.codegen.model import Import


def natural(text: str) -> list[str | int]:
    """``Event9`` before ``Event10``: digit runs compare as numbers (str, int, str… alternate)."""
    return [int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", text))]


def isort_key(name: str) -> tuple[int, list[str | int]]:
    """isort's order for names: CONSTANTS, then Classes, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, natural(name))


def _section(item: Import) -> int:
    if item.local:
        return 2
    top = (item.module or item.name).split(".")[0]
    return 0 if top in sys.stdlib_module_names else 1


def import_block(imports: Iterable[Import], package: str) -> tuple[str, ...]:
    """The import lines of ``imports``, sectioned, with "" between sections."""
    sections: list[dict[tuple[bool, str, str], list[str]]] = [{}, {}, {}]
    for item in set(imports):
        if item.local:  # relative to the package root; "" is the root itself
            statement = (True, f"{package}.{item.module}" if item.module else package, item.alias)
        elif item.module:
            statement = (True, item.module, item.alias)
        else:
            statement = (False, item.name, item.alias)  # ``import name``
        sections[_section(item)].setdefault(statement, []).append(item.name)
    blocks: list[list[str]] = []
    for section in sections:
        lines = []
        for (is_from, module, alias), names in sorted(
            section.items(), key=lambda kv: (kv[0][0], natural(kv[0][1]), kv[0][2])
        ):
            if not is_from:
                lines.append(f"import {module}" + (f" as {alias}" if alias else ""))
            elif alias:
                lines.extend(f"from {module} import {name} as {alias}" for name in sorted(names))
            else:
                unique = sorted(set(names), key=isort_key)
                lines.append(f"from {module} import {', '.join(unique)}")
        if lines:
            blocks.append(lines)
    out: list[str] = []
    for block in blocks:
        out.extend([*([""] if out else []), *block])
    return tuple(out)
