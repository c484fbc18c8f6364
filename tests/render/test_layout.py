"""``layout`` splits long lines the way black does, or declines: every case is checked against
black itself (the pinned version), so a rule that drifts from black fails here."""

from __future__ import annotations

import pytest

from generator.render.black import format_source
from generator.render.layout import layout

LONG = "a_fairly_long_argument_name_number"

CASES = {
    "call arguments fit on one indented line": f"result = compute({LONG}_1, {LONG}_2)\n",
    "call arguments one per line": f"result = compute({LONG}_1, {LONG}_2, {LONG}_3)\n",
    "nested call": f"result = outer(inner({LONG}_1, {LONG}_2, {LONG}_3))\n",
    "return value": f"def f():\n    return compute({LONG}_1, {LONG}_2, {LONG}_3)\n",
    "collection literal always explodes": f"VALUES = ({LONG}_1, {LONG}_2, {LONG}_3x)\n",
    "one-tuple": f"VALUES = (compute_the_value({LONG}_1, {LONG}_2, {LONG}_3),)\n",
    "import": f"from package.module import {LONG}_1, {LONG}_2 as alias\n",
    "import with a long head": f"from package.{LONG * 3} import name as name\n",
    "def, parameters on one line": f"def function_name(self, *, {LONG}_1: int, b: str) -> None:\n"
    "    pass\n",
    "def, parameters one per line": f"def function_name(self, *, {LONG}_1: int | None = None, "
    f"{LONG}_2: str = 'x') -> None:\n    pass\n",
    "def with one parameter": f"def {LONG}_{LONG}(self) -> None:\n    pass\n",
    "class bases": f"class {LONG}{LONG}(base_module.Base):\n    pass\n",
    "union annotation, value wrapped": "class C:\n"
    f"    field_name: {LONG}_CodeInterpreterResources | _rt.Unset = _rt.UNSET\n",
    "union annotation wrapped": "class C:\n"
    f"    a_rather_long_field_name_here: list[{LONG}_{LONG[:20]}] | _rt.Unset = _rt.UNSET\n",
    "element of an exploded tuple": "VALUES = (\n"
    f"    Spec('{LONG}', '{LONG}', codec(inner('{LONG}', 'Name')), False),\n"
    "    other,\n)\n",
    "keyword argument with a lambda": "VALUES = (\n"
    f"    Param('x', decode=lambda value: decode(ListOf(EnumOf('{LONG}', 'X')), value)),\n"
    "    other,\n)\n",
    "a long string alone stays long": f"VALUES = (\n    '{LONG * 3}',\n    other,\n)\n",
    "a dict entry stays long": f"VALUES = {{\n    '{LONG}': '{LONG * 2}',\n}}\n",
    "long docstring last line": f'def f():\n    """Summary.\n\n    {LONG * 2}"""\n',
    "assignment, value wrapped": f"class E:\n    {LONG.upper()}_X = '{LONG}_value'\n",
    "assignment too long to wrap stays": f"class E:\n    {LONG.upper()} = '{LONG * 3}'\n",
    "return value wrapped": f"def f():\n    return '{LONG}_{LONG}'\n",
    "annotated value wrapped, however long": "class C:\n"
    f"    _service_name: ClassVar[str] = '{LONG * 3}'\n",
    "annotation without brackets wrapped": "class C:\n"
    f"    {LONG}_{LONG[:14]}: {LONG}Type = _rt.UNSET\n",
    "union parameter": "def f(\n    self,\n    *,\n"
    f"    body: {LONG}Request | Mapping[str, Any],\n) -> None:\n    pass\n",
    "union parameter, one member per line": "def f(\n    self,\n    *,\n"
    f"    body: {LONG}{LONG}Request | Mapping[str, Any] | None = None,\n) -> None:\n"
    "    pass\n",
    "call whose head is too long, value in parentheses": "async def f(self):\n"
    f"    return await builder.get_{LONG}_{LONG[:20]}(period=period, tag=tag)\n",
    "call whose head is too long even in parentheses": "async def f(self):\n"
    f"    return await builder.get_{LONG}_{LONG}_{LONG[:10]}(period=period, tag=tag)\n",
    "def whose return annotation is wrapped": f"class A:\n    def {LONG}_{LONG[:10]}(self) -> "
    f"{LONG}{LONG}Builder:\n        pass\n",
    "def whose return annotation stays long": f"class A:\n    def {LONG}_{LONG[:10]}(self) -> "
    f"{LONG}{LONG}{LONG}Builder:\n        pass\n",
    "exploded def whose return annotation is wrapped": "class A:\n    def f(\n        self,\n"
    f"        *,\n        a: int,\n    ) -> {LONG}{LONG}Response:\n        pass\n",
    "class whose head is too long": f"class {LONG}{LONG}{LONG[:10]}(_rt.Model):\n    pass\n",
    "union member too long stays long": "def f(\n    self,\n    *,\n"
    f"    body: {LONG}{LONG}{LONG[:20]} | Mapping[str, Any],\n) -> None:\n    pass\n",
    "annotation too long for its own line stays": "class C:\n"
    f"    {LONG}_{LONG[:14]}: {LONG}{LONG}{LONG[:10]} = _rt.UNSET\n",
    "docstring with a backslash before a newline": 'def f():\n    """Ends in a backslash \\\\\n\n'
    f'    {LONG * 2}"""\n',
    "blank lines capped": "x = 0\n\n\n\n\nx = 1\n\n\n\ndef f():\n    y = 1\n\n\n    return y\n\n\n",
}


@pytest.mark.parametrize("source", list(CASES.values()), ids=list(CASES))
def test_layout_agrees_with_black(source: str) -> None:
    source = source.replace("'", '"')
    result = layout(source)
    assert result is not None
    assert result == format_source(source)
    assert format_source(result) == result


@pytest.mark.parametrize(
    "source",
    [
        f"x = {LONG}_1 + {LONG}_2 + {LONG}_3\n",  # a split at operators
        f"x = self.a.by_id({LONG}_1).b.by_id({LONG}_2).c.get({LONG}_3)\n",  # a method chain
        f"x = compute({LONG}_1, {LONG}_2)  # a comment that makes the line long enough\n",
        f"x = compute('{LONG}_1 é', {LONG}_2, {LONG}_3)\n",  # non-ASCII: width rules
        f"class C:\n    field: list[{LONG}_{LONG}_{LONG}] | _rt.Unset = _rt.UNSET\n",
    ],
    ids=["operators", "method chain", "comment", "non-ascii", "annotation too long to wrap"],
)
def test_layout_declines_what_it_does_not_model(source: str) -> None:
    assert layout(source) is None


def test_a_line_short_in_characters_but_wide_on_screen_goes_to_black() -> None:
    """Found by the spec fuzz test: 84 characters, but wide characters count two columns for black."""
    wide = "\ua4b7" * 6  # YI SYLLABLE, East Asian Wide
    source = f'x = [\n    _rt.FieldSpec("f_1_oa_by_wu", "{wide}{LONG[:26]}", _rt.STR, False),\n]\n'
    assert max(map(len, source.splitlines())) <= 88
    assert format_source(source) != source  # black splits it
    assert layout(source) is None


def test_short_code_is_unchanged() -> None:
    source = '"""Doc."""\n\nimport os\n\n\ndef f() -> int:\n    return 1\n'
    assert layout(source) == source == format_source(source)
