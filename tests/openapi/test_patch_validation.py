"""A patched run keeps the last validation result only when it provably holds."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.openapi.dump import dump_entry
from generator.openapi.patch_validation import kept_validation
from tests.openapi.test_patch import DESCRIPTION_EDITS, EXAMPLE, _edit

SCHEMA = {
    "type": "object",
    "description": "A meeting.",
    "properties": {
        "subject": {"type": "string", "description": "The subject."},
        "size": {"type": "integer", "default": 3, "description": "How big."},
    },
    "x-specdown-source": "resources/meeting.md:12",
}
PLACE = ("schemas", "meeting")


def _last(value: Any = SCHEMA) -> tuple[bytes, dict[tuple[str, str], tuple[int, int]]]:
    """A last text holding one schema entry, and its span."""
    head = b"components:\n  schemas:\n"
    entry = dump_entry("schemas", "meeting", value).encode("utf-8")
    return head + entry, {PLACE: (len(head), len(head) + len(entry))}


def _with(path: tuple[str, ...], new: Any) -> dict[str, Any]:
    import copy

    value = copy.deepcopy(SCHEMA)
    node = value
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    return value


def _error(pointer: str) -> tuple[str, int, int, str, str]:
    return ("resources/other.md", 3, 3, "O008", f"'x' is not of type 'integer' (at #/{pointer})")


def test_descriptions_changed_keep_the_rows() -> None:
    text, spans = _last()
    new = _with(("properties", "subject", "description"), 'A "new" subject: \\ é')
    new["description"] = "Another meeting."
    rows = [_error("components/schemas/other/properties/a")]
    assert kept_validation(rows, text, spans, {PLACE: new}) == rows
    assert kept_validation([], text, spans, {PLACE: new}) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("properties", "size", "default"), 4),  # a value the validator reads
        (("properties", "size", "default"), True),  # equal to 1 in Python, not in type
        (("properties", "size", "description"), 5),  # no longer a string
        (("properties", "size", "type"), "string"),
        (("properties", "extra"), {"type": "string"}),
    ],
)
def test_other_changes_are_validated_again(path: tuple[str, ...], value: Any) -> None:
    text, spans = _last(_with(("properties", "size", "default"), 1))
    changed = _with(path, value)
    if path[-1] != "default":
        changed["properties"]["size"]["default"] = 1
    assert kept_validation([], text, spans, {PLACE: changed}) is None


def test_a_description_inside_a_default_value_is_data() -> None:
    text, spans = _last(_with(("default",), {"description": "a"}))
    assert (
        kept_validation([], text, spans, {PLACE: _with(("default",), {"description": "b"})}) is None
    )


@pytest.mark.parametrize(
    "pointer",
    ["components/schemas/meeting/properties/size", "components/schemas", ""],
)
def test_errors_in_or_above_a_patched_entry_are_validated_again(pointer: str) -> None:
    text, spans = _last()
    assert kept_validation([_error(pointer)], text, spans, {PLACE: SCHEMA}) is None


def test_errors_without_a_place_or_no_last_result_are_validated_again() -> None:
    text, spans = _last()
    unplaced = ("<openapi document>", 0, 3, "O008", "validation stopped: unresolvable reference")
    assert kept_validation([unplaced], text, spans, {PLACE: SCHEMA}) is None
    assert kept_validation(None, text, spans, {PLACE: SCHEMA}) is None
    assert kept_validation([], text, {}, {PLACE: SCHEMA}) is None


def test_a_patched_validating_run_keeps_the_result_without_validating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(EXAMPLE, docs)
    validated: list[int] = []
    validate = pipeline._validate
    monkeypatch.setattr(
        pipeline,
        "_validate",
        lambda *a: validated.append(1) or validate(*a),  # type: ignore[func-returns-value]
    )
    pipeline.docs_to_spec(docs, cache_dir=cache)
    assert validated == [1]
    for page, old, new in DESCRIPTION_EDITS:
        _edit(docs / page, old, new)
        patched = pipeline.docs_to_spec(docs, cache_dir=cache)
        full = pipeline.docs_to_spec(docs, cache_dir=None)
        assert patched.patched and patched.data == full.data
        assert patched.diagnostics == full.diagnostics
    assert len(validated) == 1 + len(DESCRIPTION_EDITS)  # the full builds' only
