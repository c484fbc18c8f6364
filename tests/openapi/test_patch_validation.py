"""A patched run keeps the last validation result only when it provably holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import forked, pipeline
from generator.forked import can_fork
from generator.openapi import fast_validator, patch_validation
from generator.openapi.dump import dump_entry
from generator.openapi.patch_validation import (
    changes_between,
    changes_in_text,
    kept_validation,
    still_valid,
)
from tests.openapi.test_patch import (
    DESCRIPTION_EDITS,
    EXAMPLE,
    OPERATION_EDITS,
    RESOURCE_EDITS,
    _edit,
)

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


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item for each whole validation of the test (those made in this process)."""
    calls: list[int] = []
    validate = pipeline._validate
    monkeypatch.setattr(
        pipeline,
        "_validate",
        lambda *a: calls.append(1) or validate(*a),  # type: ignore[func-returns-value]
    )
    return calls


@pytest.mark.parametrize(
    "edits",
    [DESCRIPTION_EDITS, OPERATION_EDITS, RESOURCE_EDITS],
    ids=["descriptions", "operations", "resources"],
)
def test_a_patched_validating_run_keeps_the_result_without_validating(
    tmp_path: Path, validated: list[int], edits: list[tuple[str, str, str]]
) -> None:
    """Description edits keep the result as it was; operation edits keep it proved (the
    example's document is valid)."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(EXAMPLE, docs)
    first = pipeline.docs_to_spec(docs, cache_dir=cache)
    assert validated == [1] and not [d for d in first.diagnostics if d.code == "O008"]
    for page, old, new in edits:
        _edit(docs / page, old, new)
        patched = pipeline.docs_to_spec(docs, cache_dir=cache)
        full = pipeline.docs_to_spec(docs, cache_dir=None)
        assert patched.patched and patched.data == full.data
        assert patched.diagnostics == full.diagnostics
    assert len(validated) == 1 + len(edits)  # the full builds' only


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
@pytest.mark.parametrize(
    ("edits", "proved"),
    [(DESCRIPTION_EDITS, 0), (RESOURCE_EDITS, len(RESOURCE_EDITS))],
    ids=["descriptions", "resources"],
)
def test_a_patch_is_proved_valid_by_the_prover_child(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    validated: list[int],
    edits: list[tuple[str, str, str]],
    proved: int,
) -> None:
    """The child that got ready meanwhile makes the proof (none here); a run that needs no proof
    ends it (no child is left behind)."""
    here: list[bool] = []
    prove = pipeline._proved
    monkeypatch.setattr(pipeline, "_proved", lambda *a: here.append(prove(*a)) or here[-1])
    asked: list[bool] = []
    ask = forked.Prepared.ask
    monkeypatch.setattr(forked.Prepared, "ask", lambda *a: asked.append(ask(*a)) or asked[-1])
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(EXAMPLE, docs)
    pipeline.docs_to_spec(docs, cache_dir=cache)
    for page, old, new in edits:
        _edit(docs / page, old, new)
        patched = pipeline.docs_to_spec(docs, cache_dir=cache)
        assert patched.patched and patched.data == pipeline.docs_to_spec(docs, cache_dir=None).data
        with pytest.raises(ChildProcessError):  # every child was waited for
            os.waitpid(-1, os.WNOHANG)
    assert asked == [[]] * proved and not here
    assert len(validated) == 1 + len(edits)  # the full builds' only


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
def test_a_patch_the_proof_refuses_is_validated_in_full_by_the_prover_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validated: list[int]
) -> None:
    """The child has the validator imported and the document at hand: it validates the whole
    patched document itself, which finds what a validated build without a cache does."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(EXAMPLE, docs)
    pipeline.docs_to_spec(docs, cache_dir=cache)
    monkeypatch.setattr(patch_validation, "still_valid", lambda document, changes: False)
    finding = lambda document: ([(["paths"], f"{len(document['paths'])} paths")], None)  # noqa: E731
    monkeypatch.setattr(fast_validator, "find_errors", finding)
    page, old, new = RESOURCE_EDITS[0]
    _edit(docs / page, old, new)
    patched = pipeline.docs_to_spec(docs, cache_dir=cache)
    assert validated == [1]  # the first build's: the patched document was validated in the child
    monkeypatch.setattr(pipeline, "PARALLEL_VALIDATION", 10**6)  # the reference, in this process
    full = pipeline.docs_to_spec(docs, cache_dir=None)
    assert patched.patched and patched.data == full.data
    assert patched.diagnostics == full.diagnostics
    assert [d.code for d in patched.diagnostics].count("O008") == 1
    with pytest.raises(ChildProcessError):  # every child was waited for
        os.waitpid(-1, os.WNOHANG)


def _document(**paths: Any) -> dict[str, Any]:
    """A 3.0 document whose component ``thing`` lists a required property it does not define:
    upstream reports it only where ``thing`` is first reached directly."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {f"/{name}": item for name, item in paths.items()},
        "components": {
            "schemas": {
                "base": {"type": "object", "properties": {"id": {"type": "string"}}},
                "thing": {"allOf": [{"$ref": "#/components/schemas/base"}], "required": ["gone"]},
            }
        },
    }


def _item(schema: dict[str, Any], operation_id: str) -> dict[str, Any]:
    content = {"application/json": {"schema": schema}}
    return {
        "get": {
            "operationId": operation_id,
            "responses": {"200": {"description": "ok", "content": content}},
        }
    }


THING = {"$ref": "#/components/schemas/thing"}


def _patched(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """``still_valid`` for the document with ``/a`` patched from ``old`` to ``new``."""
    place = ("paths", "/a")
    head = b"paths:\n"
    entry = dump_entry("paths", "/a", old).encode("utf-8")
    document = _document(a=new, b=_item(THING, "b"))
    changes = changes_in_text(
        head + entry, {place: (len(head), len(head) + len(entry))}, {place: new}
    )
    return changes is not None and still_valid(document, changes)


def test_a_schema_first_reached_elsewhere_after_the_edit_is_checked() -> None:
    """Before the edit ``/a`` reaches ``thing`` inside an array first, so upstream never checks
    its ``required`` list; after it, ``/b`` reaches it first, directly, and upstream reports it."""
    from generator.openapi.validate import validate_document

    old = _item({"type": "array", "items": THING}, "a")
    new = _item({"type": "string"}, "a")
    assert validate_document(_document(a=old, b=_item(THING, "b")), cache_dir=None) == []
    assert validate_document(_document(a=new, b=_item(THING, "b")), cache_dir=None) != []
    assert not _patched(old, new)


def test_patched_items_are_proved_valid_or_refused() -> None:
    plain = _item({"type": "string"}, "a")
    assert _patched(plain, _item({"type": "integer", "default": 3}, "a"))
    assert not _patched(plain, _item({"type": "integer", "default": "three"}, "a"))  # keyword pass
    assert not _patched(plain, _item({"type": "integer", "minimum": "one"}, "a"))  # meta-schema
    assert not _patched(plain, _item({"type": "integer"}, "b"))  # /b's operationId
    assert _patched(plain, _item({"type": "integer"}, "c"))  # another one, unique


def _schema_patched(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """``still_valid`` for the document whose component ``holder`` (reached by ``/a``, before
    ``/b`` reaches ``thing``) is patched from ``old`` to ``new``."""
    place = ("schemas", "holder")
    head = b"components:\n  schemas:\n"
    entry = dump_entry("schemas", "holder", old).encode("utf-8")
    document = _document(a=_item({"$ref": "#/components/schemas/holder"}, "a"), b=_item(THING, "b"))
    document["components"]["schemas"]["holder"] = new
    changes = changes_in_text(
        head + entry, {place: (len(head), len(head) + len(entry))}, {place: new}
    )
    return changes is not None and still_valid(document, changes)


def test_a_schema_patched_is_proved_valid_or_refused() -> None:
    """As for path items: ``holder`` reached ``thing`` first, inside it; after the edit ``/b``
    reaches it first, directly (upstream reports its ``required`` list)."""
    from generator.openapi.validate import validate_document

    plain = {"type": "object", "properties": {"t": {"type": "string"}}}
    holding = {"type": "object", "properties": {"t": THING}}
    old = _document(a=_item({"$ref": "#/components/schemas/holder"}, "a"), b=_item(THING, "b"))
    old["components"]["schemas"]["holder"] = holding
    assert validate_document(old, cache_dir=None) == []
    assert not _schema_patched(holding, plain)
    assert _schema_patched(plain, {**plain, "description": "Edited."})
    assert _schema_patched(plain, {"type": "object", "properties": {"n": {"type": "integer"}}})
    assert not _schema_patched(
        plain, {"type": "object", "properties": {"n": {"type": "integer", "default": "x"}}}
    )


def test_changes_between_finds_changed_added_and_removed_entries() -> None:
    old = _document(a=_item(THING, "a"), b=_item(THING, "b"))
    new = _document(a=_item(THING, "a"), c=_item(THING, "c"))
    new["components"]["schemas"]["thing"] = {**old["components"]["schemas"]["thing"], "x-n": 1}
    assert changes_between(old, old) == {}
    assert changes_between(old, new) == {
        ("paths", "/c"): (None, new["paths"]["/c"]),
        ("paths", "/b"): (old["paths"]["/b"], None),
        ("schemas", "thing"): (
            old["components"]["schemas"]["thing"],
            new["components"]["schemas"]["thing"],
        ),
    }


def test_changes_between_tells_types_apart_and_refuses_changes_elsewhere() -> None:
    old = _document(a=_item({"type": "integer", "default": 1}, "a"))
    new = _document(a=_item({"type": "integer", "default": True}, "a"))
    assert list(changes_between(old, new) or {}) == [("paths", "/a")]
    assert changes_between(old, {**old, "openapi": "3.0.2"}) is None
    assert (
        changes_between(old, {**old, "components": {**old["components"], "responses": {}}}) is None
    )
    tagged = {**old, "tags": [{"name": "new"}]}  # a new page's tags: checked by still_valid
    assert changes_between(old, tagged) == {}
    assert still_valid(tagged, {})
    assert not still_valid({**old, "tags": [{"name": "new"}, {"name": "new"}]}, {})  # duplicate
    for pointer in ("#/tags/0", "#/%74ags/0"):  # written plainly, or with a percent escape
        referred = _document(a=_item({"$ref": pointer}, "a"))
        assert changes_between(referred, {**referred, "tags": [{"name": "new"}]}) is None
    assert changes_between(old, {**old, "openapi": "3.1.0"}) is None
    assert changes_between(old, _document(a=None)) is None  # an entry that is not an object


def test_added_and_removed_items_are_proved_valid_or_refused() -> None:
    """Removing ``/a``, which reached ``thing`` first inside an array, makes ``/b`` reach it first,
    directly: upstream then reports ``thing``'s ``required`` list."""
    from generator.openapi.validate import validate_document

    array = _item({"type": "array", "items": THING}, "a")
    old = _document(a=array, b=_item(THING, "b"))
    gone = _document(b=_item(THING, "b"))
    assert validate_document(old, cache_dir=None) == []
    assert validate_document(gone, cache_dir=None) != []
    assert not still_valid(gone, changes_between(old, gone) or {})
    plain = _item({"type": "string"}, "c")
    added = _document(a=array, c=plain)
    assert still_valid(added, changes_between(_document(a=array), added) or {})
    twice = _document(a=array, c=_item({"type": "string"}, "a"))  # /a's operationId again
    assert validate_document(twice, cache_dir=None) != []
    assert not still_valid(twice, changes_between(_document(a=array), twice) or {})


NEW_PAGE = "api/onlinemeeting-getagain.md"


def _docs_and_a_page(tmp_path: Path, edit: str) -> tuple[Path, Path, str]:
    """A copy of the example docs, a cache folder and an operation page for a new path, which the
    docs already hold when it is to be ``removed``."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    shutil.copytree(EXAMPLE, docs)
    again = (docs / "api" / "onlinemeeting-get.md").read_text("utf-8")
    again = again.replace("/onlineMeetings/{meetingId}", "/onlineMeetings/{meetingId}/again")
    if edit == "removed":
        (docs / NEW_PAGE).write_text(again, "utf-8")
    return docs, cache, again


@pytest.mark.parametrize("edit", ["added", "removed"])
def test_a_full_build_after_a_valid_one_proves_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validated: list[int], edit: str
) -> None:
    """A page added or removed is a full build; the default run then proves the path items that
    changed valid instead of validating the whole document, and reports what a validated build
    without a cache does. The example is small: no child gets ready to check it."""
    checkers: list[object] = []
    monkeypatch.setattr(pipeline, "_checker", lambda *a: checkers.append(a))
    docs, cache, again = _docs_and_a_page(tmp_path, edit)
    first = pipeline.docs_to_spec(docs, cache_dir=cache)
    assert validated == [1] and not [d for d in first.diagnostics if d.code == "O008"]
    if edit == "added":
        (docs / NEW_PAGE).write_text(again, "utf-8")
    else:
        (docs / NEW_PAGE).unlink()
    built = pipeline.docs_to_spec(docs, cache_dir=cache)
    assert not built.patched and not built.cached
    assert validated == [1]  # proved, not validated
    full = pipeline.docs_to_spec(docs, cache_dir=None)
    assert built.data == full.data and built.diagnostics == full.diagnostics
    assert (b"/again" in built.data) == (edit == "added")
    assert checkers == []


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
@pytest.mark.parametrize("edit", ["added", "removed"])
def test_a_full_build_after_a_valid_one_is_checked_by_a_child_that_got_ready(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    """The child forked as the build starts (it reads the last document meanwhile) is sent the new
    document, marshalled, and finds what a validated build without a cache does."""
    monkeypatch.setattr(pipeline, "PARALLEL_VALIDATION", 0)  # the example is small
    answers: list[Any] = []
    send = forked.Prepared.send

    def recorded(self: forked.Prepared[Any, Any, Any], request: Any) -> Any:
        answer = send(self, request)
        if not isinstance(request, bytes):
            return answer
        return lambda: answers.append(answer()) or answers[-1]

    monkeypatch.setattr(forked.Prepared, "send", recorded)
    docs, cache, again = _docs_and_a_page(tmp_path, edit)
    pipeline.docs_to_spec(docs, cache_dir=cache)
    assert answers == []  # no last valid document: validated beside the dump
    if edit == "added":
        (docs / NEW_PAGE).write_text(again, "utf-8")
    else:
        (docs / NEW_PAGE).unlink()
    built = pipeline.docs_to_spec(docs, cache_dir=cache)
    assert answers == [[]]
    full = pipeline.docs_to_spec(docs, cache_dir=None)
    assert built.data == full.data and built.diagnostics == full.diagnostics
    with pytest.raises(ChildProcessError):  # every child was waited for
        os.waitpid(-1, os.WNOHANG)
    # once more, the proof refused and a finding of the validator that names the document's size:
    # the child validates the document it was sent, in full
    monkeypatch.setattr(patch_validation, "still_valid", lambda document, changes: False)
    finding = lambda document: ([(["paths"], f"{len(document['paths'])} paths")], None)  # noqa: E731
    monkeypatch.setattr(fast_validator, "find_errors", finding)
    (docs / "api" / "again.md").write_text(again.replace("/again", "/once-more"), "utf-8")
    built = pipeline.docs_to_spec(docs, cache_dir=cache)
    full = pipeline.docs_to_spec(docs, cache_dir=None)
    assert len(answers) == 2 and answers[1] and [d.code for d in answers[1]] == ["O008"]
    assert built.data == full.data and built.diagnostics == full.diagnostics


def test_a_document_marshal_cannot_write_is_validated_here() -> None:
    assert pipeline._marshalled({"a": [1, 1.5, True, None, "x"]}) is not None
    assert pipeline._marshalled({"a": object()}) is None


def test_other_components_may_be_added_or_change_where_nothing_refers_to_them() -> None:
    """The keyword pass reads a response or a security scheme only through a reference."""
    error = {"description": "An error."}
    scheme = {
        "type": "oauth2",
        "flows": {"implicit": {"authorizationUrl": "https://a/", "scopes": {}}},
    }

    def document(responses: dict[str, Any], scopes: dict[str, str], ref: bool) -> dict[str, Any]:
        item = _item({"type": "string"}, "a")
        if ref:
            item["get"]["responses"]["400"] = {"$ref": "#/components/responses/error"}
        found = _document(a=item)
        flows = {"implicit": {**scheme["flows"]["implicit"], "scopes": scopes}}  # type: ignore[index]
        found["components"].update(
            responses=responses, securitySchemes={"oauth": {**scheme, "flows": flows}}
        )
        return found

    last = document({"error": error}, {}, ref=True)
    added = document({"error": error, "other": error}, {"Read": "Read it."}, ref=True)
    assert changes_between(last, added) == {}
    assert still_valid(added, {})
    changed = document({"error": {"description": "Another."}}, {}, ref=True)
    assert changes_between(last, changed) is None  # /a refers to it
    unreferred = document({"error": error}, {}, ref=False)
    assert changes_between(unreferred, document({}, {}, ref=False)) == {}  # removed, unreferred
    assert changes_between(last, document({}, {}, ref=False)) is None  # the last one referred to it
