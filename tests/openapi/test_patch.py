"""A description edit is patched into the last build, and the result is the full build's."""

from __future__ import annotations

import dataclasses
import functools
import json
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.markdown.cache import PageCache
from generator.markdown.model import EnumMember, Property
from generator.openapi import patch_validation
from generator.openapi.patch import same_structure
from generator.openapi.patch_operations import normal_path, plain_path
from generator.openapi.paths import NormalPath, normalise_path
from generator.pipeline import SpecResult, docs_to_spec

EXAMPLE = Path(__file__).parents[2] / "spec" / "docs"
CORPUS = Path(__file__).parents[3] / "shared" / "graph-docs" / "v1.0"
#: Text no reader interprets: quotes, a backslash, YAML indicators, non-ASCII.
HOSTILE = " \"Quoted\" \\ back-slash: colon # hash é ✓ 𝄞 'single'"


def _full(docs: Path, cache: Path, *, validate: bool = False) -> SpecResult:
    """A full build (the parse cache of ``cache`` kept, its spec cache removed)."""
    shutil.rmtree(cache / "spec", ignore_errors=True)
    return docs_to_spec(docs, validate=validate, cache_dir=cache)


def _check(patched: SpecResult, full: SpecResult) -> None:
    assert patched.data == full.data
    assert [str(d) for d in patched.diagnostics] == [str(d) for d in full.diagnostics]
    assert (patched.pages, patched.stats) == (full.pages, full.stats)
    assert patched.document == full.document


def _edit(page: Path, old: str, new: str) -> None:
    text = page.read_text("utf-8")
    assert old in text, old
    page.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLE, docs)
    return docs


# (page, text, replacement): a property, a resource, an enum member, a header's description, a
# request body property and an operation's description
DESCRIPTION_EDITS = [
    ("resources/onlinemeeting.md", "The title of the meeting.", "The title" + HOSTILE),
    ("resources/onlinemeeting.md", "takes place online.", "takes place online" + HOSTILE),
    ("resources/enums.md", "Only the organizer and", "Only" + HOSTILE + " the organizer and"),
    ("api/onlinemeeting-get.md", "The language of the returned", "The language" + HOSTILE),
    ("api/onlinemeeting-createorget.md", "The title of the meeting.", "Subject" + HOSTILE),
    ("api/onlinemeeting-get.md", "identified by its **id**.", "identified by its **id**" + HOSTILE),
]


def _patched_one_after_another(
    docs: Path, tmp_path: Path, edits: list[tuple[str, str, str]]
) -> SpecResult:
    """The run after each edit is patched and equals a full build; the last run's result."""
    cache, reference = tmp_path / "cache", tmp_path / "reference"
    patched = docs_to_spec(docs, validate=False, cache_dir=cache)
    for page, old, new in edits:
        _edit(docs / page, old, new)
        last, patched = patched, docs_to_spec(docs, validate=False, cache_dir=cache)
        assert patched.patched and patched.data != last.data, (page, old)
        _check(patched, _full(docs, reference))
    again = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert again.cached and again.data == patched.data
    return patched


def test_description_edits_are_patched_one_after_another(example: Path, tmp_path: Path) -> None:
    _patched_one_after_another(example, tmp_path, DESCRIPTION_EDITS)


def test_a_patched_run_is_validated_on_its_own_document(example: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    _edit(example / "resources/onlinemeeting.md", "The title of the meeting.", "A title.")
    patched = docs_to_spec(example, validate=True, cache_dir=cache)
    full = docs_to_spec(example, validate=True, cache_dir=None)
    assert patched.patched and patched.data == full.data
    assert patched.diagnostics == full.diagnostics


# (page, text, replacement): edits inside an operation page's tables and examples: an example's
# value, a body row added, one of a type no page defines (a warning spliced in), a row's type
# changed, example JSON broken (a page diagnostic spliced in), a permission row added above the
# request lines
OPERATION_EDITS = [
    ("api/onlinemeeting-get.md", '"Quarterly roadmap review",', '"Roadmap \\" review ✓",'),
    (
        "api/onlinemeeting-createorget.md",
        "| The title of the meeting. Optional. |\n",
        "| The title of the meeting. Optional. |\n| isBroadcast | Boolean | Whether"
        + HOSTILE
        + " |\n",
    ),
    (
        "api/onlinemeeting-createorget.md",
        "| isBroadcast | Boolean |",
        "| isBroadcast | [broadcastSettings](../resources/broadcastsettings.md) |",
    ),
    (
        "api/onlinemeeting-createorget.md",
        "| endDateTime   | DateTimeOffset ",
        "| endDateTime   | String ",
    ),
    ("api/onlinemeeting-get.md", '"externalId": "roadmap-2026-q1",', '"externalId": roadmap,'),
    # a permission row moves the request lines below it (and the sources that name them)
    (
        "api/onlinemeeting-get.md",
        "| Application      ",
        "| Application (again) | Not supported. |\n| Application      ",
    ),
]


# (page, text, replacement): edits of a resource page's rows: retyped, added, added with a type no
# page defines (a warning spliced in), renamed, and a row added to the base type of every keyed
# type (a derived type that has a row of that name leaves it to its base from then on)
RESOURCE_EDITS = [
    ("resources/onlinemeeting.md", "| subject                     | String ", "| subject | Int32 "),
    (
        "resources/onlinemeeting.md",
        "| subject | Int32 ",
        "| isBroadcast | Boolean | Whether" + HOSTILE + " |\n| subject | Int32 ",
    ),
    ("resources/onlinemeeting.md", "| isBroadcast | Boolean |", "| isBroadcast | madeUpType |"),
    # renamed: no GET path could add a property of the old name
    ("resources/onlinemeeting.md", "| isBroadcast | madeUpType |", "| isWebinar | madeUpType |"),
    (
        "resources/entity.md",
        "| id       | String |",
        "| subject | String | Its subject. |\n| id       | String |",
    ),
]


def test_resource_edits_are_patched_one_after_another(example: Path, tmp_path: Path) -> None:
    patched = _patched_one_after_another(example, tmp_path, RESOURCE_EDITS)
    assert "O001" in [d.code for d in patched.diagnostics]


def test_operation_edits_are_patched_one_after_another(example: Path, tmp_path: Path) -> None:
    patched = _patched_one_after_another(example, tmp_path, OPERATION_EDITS)
    codes = [d.code for d in patched.diagnostics]
    assert "O001" in codes and "M009" in codes  # both kinds of diagnostics were spliced in


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        # a row of a base type's taken away: a GET path could now add a property of that name
        (
            "resources/entity.md",
            "| id       | String | The unique identifier",
            "| key | String | The",
        ),
        (
            "api/onlinemeeting-get.md",
            "GET /me/onlineMeetings/{meetingId}\n",
            "GET /me/onlineMeetings/{meetingId}/x\n",
        ),
        ("resources/enums.md", "| locked ", "| closed "),
        # a scope no other operation asks for: the security scheme lists it
        ("api/onlinemeeting-get.md", "| OnlineMeetings.Read.All,", "| Calendars.Read.All,"),
        # a GET that returns a collection: another operationId, navigation inferred from it
        (
            "api/onlinemeeting-get.md",
            "and an [onlineMeeting](../resources/onlinemeeting.md) object",
            "and a collection of [onlineMeeting](../resources/onlinemeeting.md) objects",
        ),
    ],
)
def test_other_edits_are_built(
    example: Path, tmp_path: Path, page: str, old: str, new: str
) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    _edit(example / page, old, new)
    built = docs_to_spec(example, validate=False, cache_dir=cache)
    assert not built.patched and not built.cached
    _check(built, _full(example, tmp_path / "reference"))


def test_an_edit_undone_is_patched_back(example: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = docs_to_spec(example, validate=False, cache_dir=cache)
    page = example / "resources/onlinemeeting.md"
    original = page.read_text("utf-8")
    _edit(page, "The title of the meeting.", "Another title.")
    assert docs_to_spec(example, validate=False, cache_dir=cache).patched
    page.write_text(original, "utf-8")
    undone = docs_to_spec(example, validate=False, cache_dir=cache)
    assert undone.patched and undone.data == first.data


def test_without_the_parse_cache_offsets_the_run_is_built(example: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    for offsets in cache.glob("offsets-*.marshal"):
        offsets.write_bytes(b"damaged")
    _edit(example / "resources/onlinemeeting.md", "The title of the meeting.", "A title.")
    built = docs_to_spec(example, validate=False, cache_dir=cache)
    assert not built.patched
    _check(built, _full(example, tmp_path / "reference"))


def test_pages_are_read_by_offset_and_stale_offsets_are_refused(
    example: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    loaded = PageCache(cache)
    loaded.load_pages()
    wanted = sorted(loaded.pages)[:3]
    fresh = PageCache(cache)
    assert fresh.read(wanted) == {key: loaded.pages[key] for key in wanted}
    assert fresh.read(["no such key"]) is None
    with fresh.file.open("ab") as stream:  # appended by a run that did not know the offsets
        stream.write(b"\0")
    assert PageCache(cache).read(wanted) is None


def test_same_structure_ignores_descriptions_only() -> None:
    row = Property("size", None, "How big.", 3)
    assert same_structure(row, Property("size", None, "How large it is.", 3))
    assert not same_structure(row, Property("size", None, "How big.", 4))
    assert not same_structure(row, Property("size", None, "How big.", 3, read_only=True))
    assert not same_structure((row,), (row, row))
    assert same_structure(EnumMember("a", 1, 0, "x"), EnumMember("a", 1, 0, "y"))
    assert not same_structure(EnumMember("a", 1, 0), EnumMember("b", 1, 0))


def _describable_rows(text: str) -> list[int]:
    """Lines of table rows whose last cell is prose (a description)."""
    rows = []
    for number, line in enumerate(text.split("\n")):
        cells = line.strip().strip("|").split("|")
        last = cells[-1].strip()
        if line.startswith("|") and len(cells) >= 2 and " " in last and not last.startswith(":--"):
            rows.append(number)
    return rows[1:]  # not the header


def _corpus_part(docs: Path) -> Path:
    """A copy of the corpus's pages about users (and their base type), groups, Intune devices,
    events, calendars and online meetings, and its enums."""
    prefixes = (
        *("user", "directoryobject", "group", "intune-devices", "event", "calendar"),
        *("onlinemeeting", "enums"),
    )
    for folder in ("api", "resources"):
        (docs / folder).mkdir(parents=True)
        for page in sorted((CORPUS / folder).glob("*.md")):
            if page.name.startswith(prefixes):
                shutil.copy(page, docs / folder / page.name)
    return docs


def _description_edit(text: str, chooser: random.Random, number: int) -> str | None:
    """A table row's description extended (None: the page has no such row)."""
    lines = text.split("\n")
    rows = _describable_rows(text)
    if not rows:
        return None
    row = chooser.choice(rows)
    lines[row] = lines[row].rstrip().rstrip("|") + f"{HOSTILE} ({number})|"
    return "\n".join(lines)


def _edits_give_the_full_build(
    tmp_path: Path,
    folder: str,
    edit: Callable[[str, random.Random, int], str | None],
    seed: int,
    *,
    count: int = 14,
    validate: bool = False,
) -> int:
    """Pages of a part of the corpus (in ``folder``), edited one after another; every result is
    compared with a full build of the same pages. How many runs were patched."""
    docs, cache, reference = _corpus_part(tmp_path / "docs"), tmp_path / "cache", tmp_path / "ref"
    docs_to_spec(docs, validate=validate, cache_dir=cache)
    chooser = random.Random(seed)
    pages = sorted((docs / folder).rglob("*.md"))
    patched = 0
    for number in range(count):
        while (
            edited := edit((page := chooser.choice(pages)).read_text("utf-8"), chooser, number)
        ) is None:
            pass
        page.write_text(edited, "utf-8")
        result = docs_to_spec(docs, validate=validate, cache_dir=cache)
        patched += result.patched
        _check(result, _full(docs, reference, validate=validate))
    return patched


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_description_edits_on_the_graph_corpus_give_the_full_build(tmp_path: Path) -> None:
    """Rows of resource, operation and enum pages of a part of the real corpus."""
    # most rows' descriptions are read only into their own entries
    assert _edits_give_the_full_build(tmp_path, ".", _description_edit, 7) >= 7


def _operation_edit(text: str, chooser: random.Random, number: int) -> str | None:
    """One edit of an operation page: below its request lines, a table row copied under a new name
    and type, an example's string value replaced, or an example's JSON broken; above them (moving
    them), a permission row repeated (None: nothing to edit)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("## HTTP request")), None)
    if start is None:
        return None
    below = range(start + 1, len(lines))
    rows = [i for i in below if lines[i].startswith("|") and "---" not in lines[i]]
    values = [i for i in below if re.match(r'^\s*"\w+": "[^"\\]*",?$', lines[i])]
    above = [i for i in range(start) if lines[i].startswith("|") and "---" not in lines[i]][1:]
    kind = chooser.choice(("row", "value", "broken", "above"))
    if kind == "above" and above:
        row = chooser.choice(above)
        lines.insert(row, lines[row])
        return "\n".join(lines)
    if kind == "row" and rows:
        row = chooser.choice(rows)
        cells = lines[row].strip().strip("|").split("|")
        if len(cells) >= 3:
            kind_of = chooser.choice(("String", "Int32", f"madeUpType{number}", "[user](user.md)"))
            cells[:2] = [f" extra{number} ", f" {kind_of} "]
            lines.insert(row + 1, "|" + "|".join(cells) + "|")
            return "\n".join(lines)
    if kind in ("value", "broken") and values:
        line = chooser.choice(values)
        key, _, rest = lines[line].partition(": ")
        if kind == "value":
            lines[line] = (
                f"{key}: {json.dumps(HOSTILE + str(number))}{',' if rest.endswith(',') else ''}"
            )
        else:
            lines[line] = f"{key}: {rest.replace(chr(34), '', 1)}"
        return "\n".join(lines)
    return None


def _resource_edit(text: str, chooser: random.Random, number: int) -> str | None:
    """A row of a resource page's properties or relationships table added after another (with a
    new name) or retyped (None: the page has no such table)."""
    lines = text.split("\n")
    heads = [
        i
        for i, line in enumerate(lines)
        if line.lower().startswith(("## properties", "## relationships"))
    ]
    rows = [
        i
        for head in heads
        for i in range(head, min(head + 80, len(lines)))
        if lines[i].startswith("|") and "---" not in lines[i] and i > head + 2
    ]
    if not rows:
        return None
    row = chooser.choice(rows)
    cells = lines[row].strip().strip("|").split("|")
    if len(cells) < 3:
        return None
    kind = chooser.choice(
        ("String", "Int32", f"madeUpType{number}", "[user](user.md)", "String collection")
    )
    if chooser.random() < 0.5:
        cells[1] = f" {kind} "
        lines[row] = "|" + "|".join(cells) + "|"
    else:
        cells[:2] = [f" extra{number} ", f" {kind} "]
        lines.insert(row + 1, "|" + "|".join(cells) + "|")
    return "\n".join(lines)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_resource_edits_on_the_graph_corpus_give_the_full_build(tmp_path: Path) -> None:
    """Rows of the resource pages of a part of the real corpus, added and retyped."""
    # an edit that moves a line named elsewhere, or takes a name away, is built in full
    assert _edits_give_the_full_build(tmp_path, "resources", _resource_edit, 17) >= 8


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_operation_edits_on_the_graph_corpus_give_the_full_build(tmp_path: Path) -> None:
    """Table rows and examples of the operation pages of a part of the real corpus."""
    # an edit that reaches further is built in full
    assert _edits_give_the_full_build(tmp_path, "api", _operation_edit, 11) >= 10


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
@pytest.mark.parametrize(
    ("page", "named"),
    [
        # leads endpoints other pages document too: their O003 notes name its request lines
        ("api/event-get.md", "also documented by api/event-get.md:"),
        # its GET path adds user.joinedTeams, whose source names its request line
        ("api/user-list-joinedteams.md", 'x-specdown-source: "api/user-list-joinedteams.md:'),
    ],
)
def test_request_lines_moved_on_the_graph_corpus_give_the_full_build(
    tmp_path: Path, page: str, named: str
) -> None:
    """A permission row repeated, above the request lines: what names them follows."""
    docs, cache = _corpus_part(tmp_path / "docs"), tmp_path / "cache"
    before = docs_to_spec(docs, validate=False, cache_dir=cache)
    _edit(docs / page, "|Application |", "|Application (again) | Not supported. |\n|Application |")
    moved = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert moved.patched
    _check(moved, _full(docs, tmp_path / "reference"))
    texts = (before.text + str(before.diagnostics), moved.text + str(moved.diagnostics))
    assert named in texts[0] and texts[0].count(named) == texts[1].count(named)
    assert texts[0] != texts[1]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_a_row_renamed_where_a_get_path_would_add_it_is_built(tmp_path: Path) -> None:
    """``user.md`` lists ``calendar``; without it, ``GET /users/{id}/calendar`` adds the property."""
    docs, cache = _corpus_part(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, validate=False, cache_dir=cache)
    _edit(docs / "resources/user.md", "|calendar|", "|calendarOfTheUser|")
    built = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not built.patched
    _check(built, _full(docs, tmp_path / "reference"))
    calendar = built.document["components"]["schemas"]["microsoft.graph.user"]["allOf"][1]
    assert calendar["properties"]["calendar"]["x-ms-navigationProperty"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_a_row_added_where_a_get_path_adds_a_property_is_built(tmp_path: Path) -> None:
    """``GET /users/{id}/joinedTeams`` adds ``joinedTeams`` to ``user``; a row of that name
    replaces it."""
    docs, cache = _corpus_part(tmp_path / "docs"), tmp_path / "cache"
    before = docs_to_spec(docs, validate=False, cache_dir=cache)
    _edit(
        docs / "resources/user.md",
        "|calendar|",
        "|joinedTeams|[team](team.md) collection|x|\n|calendar|",
    )
    built = docs_to_spec(docs, validate=False, cache_dir=cache)
    assert not built.patched
    _check(built, _full(docs, tmp_path / "reference"))
    user = [before.document, built.document]
    teams = [
        d["components"]["schemas"]["microsoft.graph.user"]["allOf"][1]["properties"]["joinedTeams"]
        for d in user
    ]
    assert "x-specdown-source" in teams[0] and "x-specdown-source" not in teams[1]


@pytest.fixture
def proofs(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The results of every validity proof of the test (those made in this process: a patch's are
    made here rather than in a prover child)."""
    monkeypatch.setattr(pipeline, "_prover", functools.partial(pipeline._prover, parallel=False))
    found: list[bool] = []
    prove = patch_validation.still_valid

    def recorded(*args: Any) -> bool:
        found.append(prove(*args))
        return found[-1]

    monkeypatch.setattr(patch_validation, "still_valid", recorded)
    return found


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
@pytest.mark.parametrize(
    ("folder", "edit"),
    [("api", _operation_edit), ("resources", _resource_edit)],
    ids=["api", "resources"],
)
def test_edits_on_the_graph_corpus_validated_give_the_full_build(
    tmp_path: Path,
    proofs: list[bool],
    folder: str,
    edit: Callable[[str, random.Random, int], str | None],
) -> None:
    """Operation and resource edits, validated: the part's document is valid, and each patched run
    proves it still is (without validating the whole document)."""
    patched = _edits_give_the_full_build(tmp_path, folder, edit, 11, count=6, validate=True)
    assert patched >= 3 and len(proofs) >= 3 and all(proofs)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_pages_added_and_removed_on_the_graph_corpus_are_proved_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, proofs: list[bool]
) -> None:
    """A page added (under a new path segment: new tags) and removed is a full build, whose
    validation is a proof over the path items that changed; the result is a validated full
    build's."""
    monkeypatch.setattr(pipeline, "PARALLEL_VALIDATION", 10**9)  # here, where it is recorded
    docs, cache = _corpus_part(tmp_path / "docs"), tmp_path / "cache"
    docs_to_spec(docs, cache_dir=cache)
    text = (docs / "api" / "user-get.md").read_text("utf-8")
    added = docs / "api" / "user-get-profilecard.md"
    added.write_text(
        re.sub(r"^(GET /(?:me|users/\{[^}]*\}))$", r"\1/profileCard", text, flags=re.M), "utf-8"
    )
    for step in ("added", "removed"):
        if step == "removed":
            added.unlink()
        built = docs_to_spec(docs, cache_dir=cache)
        assert not built.patched and not built.cached
        assert (b"profileCard:" in built.data) == (step == "added")
        _check(built, _full(docs, tmp_path / "reference", validate=True))
    assert proofs == [True, True]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_two_pages_edited_at_once_are_patched(example: Path, tmp_path: Path, version: str) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, version=version, validate=False, cache_dir=cache)
    for page, old, new in DESCRIPTION_EDITS[:2] + DESCRIPTION_EDITS[3:4]:
        _edit(example / page, old, new)
    patched = docs_to_spec(example, version=version, validate=False, cache_dir=cache)
    assert patched.patched
    full = docs_to_spec(example, version=version, validate=False, cache_dir=None)
    _check(patched, full)


def test_a_page_added_is_built(example: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    shutil.copy(example / "resources/identity.md", example / "resources/identity-copy.md")
    built = docs_to_spec(example, validate=False, cache_dir=cache)
    assert not built.patched and not built.cached
    _check(built, _full(example, tmp_path / "reference"))


@pytest.mark.parametrize(
    "raw",
    [
        "/users/{id | userPrincipalName}/calendar/events/{id}",
        "/drives/{drive-id}/items/{item-id}/workbook/functions/abs",
        "/me/drive/root:/{item-path}:/content",
        "/reports/getEmailActivityCounts(period='{period_value}')",
    ],
)
def test_a_path_is_stored_as_plain_tuples_and_read_back(raw: str) -> None:
    path = normalise_path(raw)
    assert isinstance(path, NormalPath) and path.params
    assert plain_path(path) == dataclasses.astuple(path)
    assert normal_path(plain_path(path)) == path
