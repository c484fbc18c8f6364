"""dump_yaml reads back as the same document whatever the keys and strings (found by the chain fuzz:
a 4,000-character property name made a spec that YAML readers reject)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.openapi import dump_yaml

KEYS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["|" * 4000, "x" * 1001, '"' * 1500, "? a", ": b", "- c", "#", "&a", "*a"]),
)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=5))
def test_dump_yaml_round_trips(document: dict[str, Any]) -> None:
    assert yaml.safe_load(dump_yaml(document)) == document
