"""import_block: the import lines of every generated module, in the order isort and ruff expect."""

from __future__ import annotations

from generator.codegen.imports import import_block
from generator.codegen.model import Import


def test_sections_order_and_merging() -> None:
    lines = import_block(
        [
            Import("models.user", "User", True),
            Import("typing", "cast"),
            Import("", "httpx"),
            Import("typing", "TYPE_CHECKING"),
            Import("", "datetime"),
            Import("", "_runtime", True, alias="_rt"),
            Import("collections.abc", "Mapping"),
            Import("typing", "Self"),
            Import("models.user", "User", True),  # twice: one line, one name
            Import("models.event10", "Event10", True),
            Import("models.event9", "Event9", True),
        ],
        "pkg",
    )
    assert lines == (
        "import datetime",
        "from collections.abc import Mapping",
        "from typing import TYPE_CHECKING, Self, cast",
        "",
        "import httpx",
        "",
        "from pkg import _runtime as _rt",
        "from pkg.models.event9 import Event9",
        "from pkg.models.event10 import Event10",
        "from pkg.models.user import User",
    )


def test_empty_sections_leave_no_blank_lines() -> None:
    assert import_block([Import("models.a", "A", True)], "p") == ("from p.models.a import A",)
    assert import_block([], "p") == ()
