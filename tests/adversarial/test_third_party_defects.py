"""A stranger's spec with real defects (OpenAI's): each defect is a warning that names the spec file
and the JSON pointer of the broken schema, and the package is still generated."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity
from generator.pipeline import spec_to_code

pytestmark = pytest.mark.slow

EXPECTED = [
    (
        "#/components/schemas/CreateChatCompletionRequest/allOf/1/properties/seed:",
        "`type: int64`",
    ),
    (
        "#/components/schemas/TranscriptTextDeltaEvent/properties/logprobs/items/properties/bytes:",
        "no `items`",
    ),
    (
        "#/components/schemas/CompoundFilter/properties/filters/items/oneOf/1:",
        "$recursiveRef",
    ),
]


def test_openai_defects_are_warnings_with_pointers(third_party_specs: Path, tmp_path: Path) -> None:
    spec = third_party_specs / "openai.yaml"
    result = spec_to_code(spec, tmp_path / "out", package="openai_api")
    assert result.files > 100
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    for diagnostic in result.diagnostics:
        assert diagnostic.path == str(spec), diagnostic.format()
        assert diagnostic.message.startswith("#/"), diagnostic.format()
    messages = [d.message for d in result.diagnostics if d.code == "G001"]
    for pointer, defect in EXPECTED:
        assert any(m.startswith(pointer) and defect in m for m in messages), (pointer, messages)
    assert (tmp_path / "out").is_dir()
