"""The YAML writer reads back as the same document, for any JSON-like value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.openapi import dump_yaml
from generator.openapi.dump import dump_fragments

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.sampled_from(
        [
            "yes",
            "No",
            "null",
            "~",
            "1.0",
            "0x1F",
            "1e5",
            "- a",
            "a: b",
            "#c",
            "",
            " x",
            "@odata.type",
            ".inf",
            "2021-01-01",
            "'q'",
            '"q"',
            "{x}",
            "[a]",
            "*a",
            "&a",
            "!t",
            "%p",
            "a\u2028b",
            "\x85",
            "\ufeff",
            "tab\there",
            "=",
            "<<",
        ]
    )
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text() | st.sampled_from(["200", "true", "$ref", "null"]), inner, max_size=4
        )
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(), values, max_size=5))
def test_round_trip(document: dict[str, Any]) -> None:
    assert yaml.safe_load(dump_yaml(document)) == (document or {})


def test_layout_is_block_style_and_plain_where_safe() -> None:
    document = {
        "openapi": "3.0.3",
        "paths": {
            "/me": {"get": {"tags": ["me.user"], "responses": {"200": {"description": "OK"}}}}
        },
        "empty": {},
        "none": [],
        "list": [{"a": 1, "b": [True, None]}, [1.5, 1e-05]],
    }
    assert dump_yaml(document) == (
        "openapi: 3.0.3\n"
        "paths:\n"
        "  /me:\n"
        "    get:\n"
        "      tags:\n"
        "      - me.user\n"
        "      responses:\n"
        '        "200":\n'
        "          description: OK\n"
        "empty: {}\n"
        "none: []\n"
        "list:\n"
        "- a: 1\n"
        "  b:\n"
        "  - true\n"
        "  - null\n"
        "- - 1.5\n"
        "  - 1.0e-05\n"
    )


def test_entries_written_in_a_forked_child_give_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.openapi import dump

    example = yaml.safe_load((Path(__file__).parents[2] / "spec" / "openapi.yaml").read_text())
    first = dump.dump_fragments(example, {})
    fragments = first.fragments
    monkeypatch.setattr(dump, "PARALLEL_ENTRIES", 0)
    assert dump.dump_fragments(example, {}) == first
    example["paths"].popitem()  # some entries reused, the rest written by both processes
    example["components"]["schemas"]["extra"] = {"type": "string", "description": "new: yes"}
    reused = dump.dump_fragments(example, fragments)
    assert reused == dump.dump_fragments(example, {}) and yaml.safe_load(reused.text) == example


@pytest.mark.parametrize("document", [{}, {"openapi": "3.0.3", "paths": {"/a": {"get": {}}}}])
def test_meanwhile_runs_once_whatever_the_document(document: dict[str, Any]) -> None:
    """The caller's work beside the dump (the cache's parts) runs even for an empty document."""
    ran: list[int] = []
    dump_fragments(document, {}, meanwhile=lambda: ran.append(1))
    assert ran == [1]
