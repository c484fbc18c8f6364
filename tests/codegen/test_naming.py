"""Names: every identifier is valid, ASCII, not a keyword, stable, and unique within its scope."""

from __future__ import annotations

import keyword

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.codegen import naming
from generator.codegen.literals import docstring, literal
from generator.render.black import format_source
from generator.render.layout import layout


def _ok(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)


@given(st.text())
def test_every_text_gives_valid_names(text: str) -> None:
    assert _ok(naming.field_name(text))
    assert not naming.field_name(text).startswith("_")
    assert _ok(naming.class_name(text))
    assert _ok(naming.module_name(text))
    assert _ok(naming.member_name(text))


def test_examples() -> None:
    assert naming.field_name("@odata.type") == "odata_type"
    assert naming.field_name("displayName") == "display_name"
    assert naming.field_name("user-id") == "user_id"
    assert naming.field_name("class") == "class_"
    assert naming.field_name("__init__") == "init"
    assert naming.field_name("2fa") == "f_2_fa"
    assert naming.field_name("additionalProperties") == "additional_properties_"
    assert naming.field_name("str") == "str_"
    assert naming.class_name("microsoft.graph.user") == "MicrosoftGraphUser"
    assert naming.class_name("None") == "NoneModel"
    assert naming.class_name("Any") == "AnyModel"
    assert naming.member_name("") == "EMPTY"
    assert naming.member_name("id desc") == "ID_DESC"


def test_registry_renames_and_reports() -> None:
    renamed: list[tuple[str, str]] = []
    names = naming.Registry(
        {"Model"}, fold=str.lower, on_rename=lambda a, b: renamed.append((a, b))
    )
    assert [names.claim(n) for n in ["Foo", "foo", "FOO", "Model"]] == [
        "Foo",
        "foo2",
        "FOO3",
        "Model2",
    ]
    assert renamed == [("foo", "foo2"), ("FOO", "FOO3"), ("Model", "Model2")]


@given(st.text())
def test_literals_and_docstrings_evaluate_back(text: str) -> None:
    assert eval(literal(text)) == text
    source = f'"""{docstring(text)}"""'
    compile(source, "<doc>", "eval")
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n")]
    margin = min((len(x) - len(x.lstrip(" ")) for x in lines[1:] if x), default=0)
    expected = "\n".join([lines[0], *(x[margin:] for x in lines[1:])])
    assert eval(source) == expected + (" " if expected.endswith('"') else "")


_PIECES = ["a", " ", '"', "'", "\\", "\n", "\t", "é", "\u200b", "word " * 12, "  indented"]


@settings(max_examples=300, deadline=None)
@given(st.text() | st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_literals_and_docstrings_are_what_black_writes(text: str) -> None:
    """black leaves a literal, and an indented docstring laid out by layout, exactly as written."""
    source = f"x = {literal(text)}\n"
    assert format_source(source) == source
    first, *rest = docstring(text).split("\n")  # indented as the templates' indent(4) does
    body = "\n".join([first, *(f"    {x}" if x else x for x in rest)])
    module = layout(f'def f():\n    """{body}"""\n')
    assert module is not None and format_source(module) == module
