from __future__ import annotations

import pytest

from generator.markdown.lenient_json import loads


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"a": 1}', {"a": 1}),
        ('{"a": 1,}', {"a": 1}),
        ("{'a': 'b\"c'}", {"a": 'b"c'}),
        ("{a: 1, b: [1, 2,],}", {"a": 1, "b": [1, 2]}),
        ('{"a": 1 // comment\n, "b": 2}', {"a": 1, "b": 2}),
        ('{"a": "1" /* c */}', {"a": "1"}),
        ('{"value": [{"a": 1}, ...]}', {"value": [{"a": 1}]}),
        ('{"value": [{"a": 1}, …', {"value": [{"a": 1}]}),
        ('{"a": "x"\n"b": 2}', {"a": "x", "b": 2}),
        ("[1, 2,, 3]", [1, 2, 3]),
        ('{"a": "\t"}', {"a": "\t"}),
        ('{"url": "https://x.example/a//b"}', {"url": "https://x.example/a//b"}),
    ],
)
def test_repairs(text: str, value: object) -> None:
    result = loads(text)
    assert result.ok
    assert result.value == value


def test_strict_json_is_not_marked_repaired() -> None:
    assert not loads('{"a": [1, 2]}').repaired
    assert loads('{"a": [1, 2,]}').repaired


def test_two_objects_keep_the_first_and_say_so() -> None:
    result = loads('{"x": 1}{"y": 2}')
    assert result.ok and result.extra and result.value == {"x": 1}


@pytest.mark.parametrize("text", ["", "nope", "<xml/>", "{{{{", "]"])
def test_not_json(text: str) -> None:
    result = loads(text)
    if text == "{{{{":  # closed by the repair: still an error (a key is missing)
        assert not result.ok
    else:
        assert not result.ok and result.error


def test_deep_nesting_does_not_raise() -> None:
    assert not loads("[" * 100_000).ok
