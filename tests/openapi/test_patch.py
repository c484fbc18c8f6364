"""A description edit is patched into the last build, and the result is the full build's."""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

import pytest

from generator.markdown.cache import PageCache
from generator.markdown.model import EnumMember, Property
from generator.openapi.patch import _normal_path, _plain_path, same_structure
from generator.openapi.paths import NormalPath, normalise_path
from generator.pipeline import SpecResult, docs_to_spec

EXAMPLE = Path(__file__).parents[2] / "spec" / "docs"
CORPUS = Path(__file__).parents[3] / "shared" / "graph-docs" / "v1.0"
#: Text no reader interprets: quotes, a backslash, YAML indicators, non-ASCII.
HOSTILE = " \"Quoted\" \\ back-slash: colon # hash é ✓ 𝄞 'single'"


def _full(docs: Path, cache: Path) -> SpecResult:
    """A full build (the parse cache of ``cache`` kept, its spec cache removed)."""
    shutil.rmtree(cache / "spec", ignore_errors=True)
    return docs_to_spec(docs, validate=False, cache_dir=cache)


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


def test_description_edits_are_patched_one_after_another(example: Path, tmp_path: Path) -> None:
    cache, reference = tmp_path / "cache", tmp_path / "reference"
    patched = docs_to_spec(example, validate=False, cache_dir=cache)
    for page, old, new in DESCRIPTION_EDITS:
        _edit(example / page, old, new)
        last, patched = patched, docs_to_spec(example, validate=False, cache_dir=cache)
        assert patched.patched and patched.data != last.data, (page, old)
        _check(patched, _full(example, reference))
    again = docs_to_spec(example, validate=False, cache_dir=cache)
    assert again.cached and again.data == patched.data


def test_a_patched_run_is_validated_on_its_own_document(example: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    docs_to_spec(example, validate=False, cache_dir=cache)
    _edit(example / "resources/onlinemeeting.md", "The title of the meeting.", "A title.")
    patched = docs_to_spec(example, validate=True, cache_dir=cache)
    full = docs_to_spec(example, validate=True, cache_dir=None)
    assert patched.patched and patched.data == full.data
    assert patched.diagnostics == full.diagnostics


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        (
            "resources/onlinemeeting.md",
            "| subject                     | String ",
            "| subject | Int32 ",
        ),
        (
            "api/onlinemeeting-get.md",
            "GET /me/onlineMeetings/{meetingId}\n",
            "GET /me/onlineMeetings/{meetingId}/x\n",
        ),
        ("resources/enums.md", "| locked ", "| closed "),
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


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Graph corpus is absent ({CORPUS})")
def test_description_edits_on_the_graph_corpus_give_the_full_build(tmp_path: Path) -> None:
    """Rows of resource, operation and enum pages of a part of the real corpus, edited one after
    another; every result is compared with a full build of the same pages."""
    docs, cache, reference = tmp_path / "docs", tmp_path / "cache", tmp_path / "reference"
    prefixes = ("user", "group", "intune-devices", "event", "calendar", "onlinemeeting", "enums")
    for folder in ("api", "resources"):
        (docs / folder).mkdir(parents=True)
        for page in sorted((CORPUS / folder).glob("*.md")):
            if page.name.startswith(prefixes):
                shutil.copy(page, docs / folder / page.name)
    docs_to_spec(docs, validate=False, cache_dir=cache)
    chooser = random.Random(7)
    pages = sorted(docs.rglob("*.md"))
    patched = 0
    for edit in range(12):
        while True:
            page = chooser.choice(pages)
            lines = page.read_text("utf-8").split("\n")
            rows = _describable_rows("\n".join(lines))
            if rows:
                break
        row = chooser.choice(rows)
        lines[row] = lines[row].rstrip().rstrip("|") + f"{HOSTILE} ({edit})|"
        page.write_text("\n".join(lines), "utf-8")
        result = docs_to_spec(docs, validate=False, cache_dir=cache)
        patched += result.patched
        _check(result, _full(docs, reference))
    assert patched >= 6  # most rows' descriptions are read only into their own entries


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
    assert _plain_path(path) == dataclasses.astuple(path)
    assert _normal_path(_plain_path(path)) == path
