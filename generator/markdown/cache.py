"""A content-hash cache of parsed pages.

Key: specdown's version (and markdown-it-py's and PyYAML's) + a fingerprint of the parser's own source
+ the page's docs-relative path + the page's bytes, so an edited page, an edited parser or a new
release each miss. Storage: one append-only file of records per fingerprint, each a pickled key
followed by the pickled ``Page`` (the bytes a parse worker already sent, written as they came)
under the cache folder (``.specdown-cache/`` by default). A run loads it once, appends what it parsed, and rewrites it
compacted when stale records outnumber live ones; files of other fingerprints are removed. A damaged
file is read up to the damage and then rewritten. Beside it, the offset of each record (with the
file's size when they were taken) lets a run read a few pages without loading the file
(:meth:`PageCache.read`). A file index (:mod:`.file_index`) beside it spares a
warm run reading and hashing the pages whose ``stat`` did not move.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import enum
import functools
import hashlib
import io
import marshal
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from generator.atomic import replace_file
from generator.cache_dir import code_digest
from generator.collector import paused
from generator.markdown.file_index import FileIndex

if TYPE_CHECKING:
    from generator.markdown.model import Page

_PACKAGE = Path(__file__).resolve().parent
_FINGERPRINTED = (*sorted(_PACKAGE.glob("*.py")), _PACKAGE.parent / "diagnostics.py")


@functools.cache
def _register_reducers() -> None:
    """Pickle the frozen model dataclasses as ``cls(*fields)`` (from the first page pickled: a run
    answered from the caches does not import the model, 25 ms of dataclass creation).

    The default protocol for slotted frozen dataclasses restores each object through a Python-level
    ``__setstate__``; a constructor call is about twice as fast, which matters when a warm run
    unpickles every page of the corpus.
    """
    from generator.diagnostics import Diagnostic, Severity
    from generator.markdown import model

    classes = [
        c for c in vars(model).values() if dataclasses.is_dataclass(c) and isinstance(c, type)
    ]
    for cls in [*classes, Diagnostic]:
        names = tuple(field.name for field in dataclasses.fields(cls))
        copyreg.pickle(cls, _Reducer(cls, names))
    for kind in (model.PageKind, Severity):  # by name: a C-level getattr, not Enum.__call__
        copyreg.pickle(kind, cast(Any, _member_by_name))


def _member_by_name(member: enum.Enum) -> tuple[object, tuple[type, str]]:
    return getattr, (type(member), member.name)


class _Reducer:
    __slots__ = ("cls", "names")

    def __init__(self, cls: type, names: tuple[str, ...]) -> None:
        self.cls = cls
        self.names = names

    def __call__(self, obj: object) -> tuple[type, tuple[object, ...]]:
        return self.cls, tuple(getattr(obj, name) for name in self.names)


@functools.cache
def fingerprint() -> str:
    # markdown-it-py's and PyYAML's output is ours too
    distributions = ("specdown", "markdown-it-py", "pyyaml")
    return code_digest(distributions, _FINGERPRINTED, salt="parse cache").hex()[:24]


@dataclasses.dataclass(slots=True)
class Parsed:
    """A page, its content key and the page pickled (as a parse worker sent it, or pickled here)."""

    key: str
    page: Page
    blob: bytes

    def record(self) -> bytes:
        return pickle.dumps(self.key, protocol=5) + self.blob

    @property
    def model(self) -> bytes:
        return model_digest(self.blob)


def dump_page(page: Page) -> bytes:
    _register_reducers()
    return pickle.dumps(page, protocol=5)


def model_digest(blob: bytes | memoryview) -> bytes:
    """A digest of a pickled page: equal digests, equal pages (what the spec is built from).

    Two pages equal in value pickle alike when they were parsed by the same code, so an edit that
    no reader sees (prose in an example section, a comment, blank lines) keeps the page's digest.
    """
    return hashlib.blake2b(blob, digest_size=16).digest()


def page_key(path: str, data: bytes) -> str:
    return hashlib.blake2b(path.encode() + b"\0" + data, digest_size=20).hexdigest()


class PageCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / f"pages-{fingerprint()}.pickle"
        self.offsets_file = folder / f"offsets-{fingerprint()}.marshal"
        self.index = FileIndex(folder / f"index-{fingerprint()}.pickle")
        self.pages: dict[str, Page] = {}
        self.models: dict[str, bytes] = {}  # key → model digest of each page read
        self.records = 0
        self.damaged = False
        self._offsets: dict[str, int] | None = None  # key → offset of its record, when known

    def load(self) -> None:
        self.load_index()
        self.load_pages()

    def load_index(self) -> None:
        """The file index alone: enough to know every page's content key (see ``spec_cache``)."""
        self.index.load()

    def load_pages(self) -> None:
        with paused(freeze=True):  # pages are long-lived and acyclic
            self._read()

    def _read(self) -> None:
        try:
            data = self.file.read_bytes()
            offsets: dict[str, int] = {}
            with io.BytesIO(data) as stream, memoryview(data) as view:
                while True:
                    record = stream.tell()
                    try:
                        key = pickle.load(stream)
                    except EOFError:
                        break
                    start = stream.tell()
                    page = pickle.load(stream)
                    self.models[key] = model_digest(view[start : stream.tell()])
                    self.pages[key] = page
                    offsets[key] = record
                    self.records += 1
            self._offsets = offsets
        except FileNotFoundError:
            self._offsets = {}
            return
        except Exception:  # a truncated or foreign file: keep what was read, rewrite it
            self.damaged = True

    def read(self, keys: Iterable[str]) -> dict[str, Page] | None:
        """The pages of ``keys`` read from the file by their offsets, without loading the rest;
        None when one is not there or the offsets do not belong to the file as it is."""
        offsets = self._stored_offsets()
        found: dict[str, Page] = {}
        try:
            with self.file.open("rb") as stream:
                for key in keys:
                    if key in self.pages:
                        found[key] = self.pages[key]
                        continue
                    offset = offsets.get(key) if offsets is not None else None
                    if offset is None:
                        return None
                    stream.seek(offset)
                    if pickle.load(stream) != key:
                        return None
                    found[key] = pickle.load(stream)
        except Exception:  # missing or damaged: the caller loads everything instead
            return None
        return found

    def _stored_offsets(self) -> dict[str, int] | None:
        """The offsets file's records, when it was written for the pages file as it is now."""
        if self._offsets is None:
            try:
                with self.offsets_file.open("rb") as stream:
                    size, offsets = marshal.load(stream)
                if size == self.file.stat().st_size and isinstance(offsets, dict):
                    self._offsets = offsets
            except Exception:  # absent, damaged or stale: unknown
                return None
        return self._offsets

    def store(self, new: Iterable[Parsed], live: set[str], paths: set[str]) -> None:
        """Record ``new`` pages; compact when fewer than half the records are ``live`` keys.

        ``paths`` are the docs-relative paths read this run (the file index keeps only those).
        """
        fresh = {parsed.key: parsed for parsed in new}
        self.folder.mkdir(parents=True, exist_ok=True)
        self._remove_other_fingerprints()
        self.index.save(paths)
        if self.damaged or (self.records + len(fresh)) > 2 * max(len(live), 1):
            self.pages.update((key, parsed.page) for key, parsed in fresh.items())
            records = (
                fresh[key]
                if key in fresh
                else Parsed(key, self.pages[key], dump_page(self.pages[key]))
                for key in sorted(live)
                if key in self.pages
            )
            self._rewrite(records)
        elif fresh:
            offsets = self._stored_offsets()
            with self.file.open("ab") as stream:
                position = stream.tell()
                for key, parsed in fresh.items():
                    record = parsed.record()
                    if offsets is not None:
                        offsets[key] = position
                    stream.write(record)
                    position += len(record)
        else:
            return
        self._save_offsets()

    def _rewrite(self, records: Iterable[Parsed]) -> None:
        offsets: dict[str, int] = {}

        def written() -> Iterator[bytes]:
            position = 0
            for parsed in records:
                record = parsed.record()
                offsets[parsed.key] = position
                position += len(record)
                yield record

        replace_file(self.file, written())
        self._offsets = offsets

    def _save_offsets(self) -> None:
        """Write the offsets beside the pages file, or remove a stale offsets file when they are
        unknown (the pages file was appended to without them)."""
        with contextlib.suppress(OSError):
            if self._offsets is None:
                self.offsets_file.unlink(missing_ok=True)
                return
            data = marshal.dumps((self.file.stat().st_size, self._offsets))
            replace_file(self.offsets_file, [data])

    def _remove_other_fingerprints(self) -> None:
        own = (self.file, self.index.file, self.offsets_file)
        for other in [
            *self.folder.glob("pages-*.pickle"),
            *self.folder.glob("index-*.pickle"),
            *self.folder.glob("offsets-*.marshal"),
        ]:
            if other not in own:
                with contextlib.suppress(OSError):
                    other.unlink()
