"""``read_modifiers``: what a description's prose says about its property."""

from __future__ import annotations

import pytest

from generator.markdown.modifiers import Modifiers, read_modifiers


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("The user's name.", Modifiers()),
        ("Read-only. Nullable.", Modifiers(read_only=True, nullable=True)),
        ("READ ONLY; not nullable.", Modifiers(read_only=True, nullable=False)),
        ("Read-only for guests.", Modifiers()),
        ("Required.", Modifiers(required=True)),
        ("Optional. Not required.", Modifiers()),
        (
            "Deprecated. Inherited from **entity**.",
            Modifiers(deprecated=True, inherited_from="entity"),
        ),
        ("Possible values are: `a`, `b`.", Modifiers(possible_values=("a", "b"))),
        # Non-ASCII text takes the patterns alone: ``re.I`` folds ``ı`` to ``i`` where ``lower()``
        # does not, and both paths must read the same.
        ("Nom complet — required, réad-only.", Modifiers(required=True)),
        (
            "Requıred. Read-only. Valeurs « possible values are: `x`, `y` ».",
            Modifiers(read_only=True, required=True, possible_values=("x", "y")),
        ),
    ],
)
def test_read_modifiers(marked: str, expected: Modifiers) -> None:
    assert read_modifiers(marked) == expected
