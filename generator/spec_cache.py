"""The whole docs → spec run, cached: the same pages, options and generator give the same spec.

A run first learns every page's content key from the file index (:func:`~generator.markdown.reader.
scan_docs`) without loading a single parsed page. When the key of the run (those page keys, the
options and a fingerprint of the generator's docs → spec code and its dependencies) is the last
run's, its YAML text, diagnostics and figures are returned as they were.

Otherwise the pages whose content changed are parsed, and when every page's model is the one the
last run was built from (the *model key*: page models by digest, options, fingerprint), the last
run's result is the answer too: the spec is a function of the page models, and an edit that no
reader sees (prose outside the tables read, a comment) leaves them equal. Otherwise the document is
built, and the YAML text of every path item and schema that did not change is taken from the last
build (:func:`~generator.openapi.dump.dump_fragments`).

Storage, under the cache folder: ``spec/run.marshal`` (run key, model key, figures, diagnostics,
validation result), ``spec/text.raw`` (the YAML text, UTF-8: read only when the run is the
answer), ``spec/models.marshal`` (each page's model digest by content key),
``spec/fragments.marshal``, ``spec/document.marshal`` (the document, for a caller that asks for it
or to validate it), ``spec/patch.marshal`` (what a build keeps to be patched after an edit of
descriptions: :mod:`generator.openapi.patch`) and ``spec/paths.pickle`` (normalised request paths,
:class:`~generator.openapi.paths.PathMemo`). Each file starts with the key it belongs to (run key;
model key for what a build made; the code fingerprint for the paths), so files of different runs
are never mixed; a missing, damaged or foreign file is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.atomic import replace_file
from generator.cache_dir import code_digest
from generator.collector import paused
from generator.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from generator.openapi.patch import PatchState

FORMAT = 6
_HERE = Path(__file__).resolve().parent
#: The code whose behaviour the spec depends on (pages are keyed by content only).
_SOURCES = (
    *sorted((_HERE / "markdown").glob("*.py")),
    *sorted((_HERE / "openapi").glob("*.py")),
    _HERE / "diagnostics.py",
    _HERE / "pipeline.py",
    Path(__file__).resolve(),
)
_DISTRIBUTIONS = (
    "specdown",
    "markdown-it-py",
    "pyyaml",
    "openapi-spec-validator",
    "openapi-schema-validator",
    "jsonschema",
    "jsonschema-rs",
)

Rows = list[tuple[str, int, int, str, str]]


@functools.cache
def _fingerprint() -> bytes:
    return code_digest(_DISTRIBUTIONS, _SOURCES, salt=f"spec cache {FORMAT}")


def run_key(paths: Sequence[str], keys: Sequence[str], options: Sequence[str]) -> str:
    """The key of a run: the pages' paths and content keys, the options and the code."""
    return _pages_key(paths, [key.encode() for key in keys], options)


def model_key(paths: Sequence[str], models: Sequence[bytes], options: Sequence[str]) -> str:
    """The key of what a build makes: the pages' paths and model digests, the options and the
    code."""
    return _pages_key(paths, models, options)


def _pages_key(paths: Sequence[str], values: Sequence[bytes], options: Sequence[str]) -> str:
    digest = hashlib.blake2b(_fingerprint(), digest_size=20)
    digest.update("\0".join(options).encode() + b"\1")
    for path, value in zip(paths, values, strict=True):
        digest.update(path.encode() + b"\0" + value + b"\0")
    return digest.hexdigest()


def to_rows(items: Sequence[Diagnostic]) -> Rows:
    return [(d.path, d.line, int(d.severity), d.code, d.message) for d in items]


def from_rows(rows: Rows) -> list[Diagnostic]:
    return [Diagnostic(path, line, Severity(sev), code, msg) for path, line, sev, code, msg in rows]


@dataclass
class CachedRun:
    """A run's record; its YAML text is stored apart (:meth:`SpecCache.text`), by model key."""

    key: str
    diagnostics: Rows
    pages: int
    stats: dict[str, int]
    validation: Rows | None  # None: the run did not validate
    model: str  # the model key of the pages it was built from


class SpecCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / "spec"

    def run(self, key: str | None) -> CachedRun | None:
        """The stored run, when it is the run of ``key`` (None: whichever run it is)."""
        found = self._load("run", key)
        if found is None:
            return None
        try:
            stored_key, diagnostics, pages, stats, validation, model = found
        except (TypeError, ValueError):
            return None
        return CachedRun(stored_key, diagnostics, pages, stats, validation, model)

    def text(self, model: str) -> bytes | None:
        """The YAML text (UTF-8) of the document built from the pages of ``model``."""
        found = self._load("text", model)
        return found if isinstance(found, bytes) else None

    def models(self, model: str) -> dict[str, bytes]:
        """Content key → model digest of the pages ``model`` was built from."""
        found = self._load("models", model)
        return found if isinstance(found, dict) else {}

    def fragments(self) -> dict[bytes, bytes]:
        """The YAML fragments of the last build, whichever it was."""
        found = self._load("fragments", None)
        return found if isinstance(found, dict) else {}

    def document(self, model: str) -> dict[str, Any] | None:
        """The document built from the pages of ``model`` (by a full build, or patched)."""
        found = self._load("document", model)
        if isinstance(found, dict):
            return found
        state = self.patch_state(model)
        base = self._load("document", state.base) if state is not None else None
        if state is None or not isinstance(base, dict):
            return None
        from generator.openapi.patch import apply_overlay

        return apply_overlay(base, state.overlay)

    def patch_state(self, model: str) -> PatchState | None:
        """What the build from the pages of ``model`` kept to be patched."""
        from generator.openapi.patch import PatchState  # the build's modules, only when patching

        found = self._load("patch", model)
        return PatchState.from_plain(found) if isinstance(found, tuple) else None

    def paths(self) -> dict[str, Any]:
        """The normalised request paths of the last run, when it ran the same code."""
        found = self._load("paths", _fingerprint().hex())
        return found if isinstance(found, dict) else {}

    def store_build(
        self,
        model: str,
        models: dict[str, bytes],
        document: dict[str, Any] | bytes,
        *,
        paths: dict[str, Any] | None,
    ) -> None:
        """Record what was built from the pages of ``model``: their content keys, the document (or
        it marshalled), and the paths memo unless None (it did not change). Its text goes after
        (:meth:`store_text`), then the run record (:meth:`store_run`), so that an interrupted store
        leaves a miss."""
        if paths is not None:
            self._store(_fingerprint().hex(), ("paths", paths))
        self._store(
            model,
            ("models", models),
            ("document", _Encoded(document) if isinstance(document, bytes) else document),
        )

    def store_text(
        self, model: str, data: bytes, fragments: dict[bytes, bytes], patch: PatchState | None
    ) -> None:
        """Record the YAML text (UTF-8) of a full build of ``model``, its fragments and its patch
        state (:meth:`store_build` first)."""
        self._store(
            model,
            ("text", data),
            ("fragments", fragments),
            ("patch", patch.plain() if patch is not None else None),
        )

    def store_patch(
        self, model: str, models: dict[str, bytes], data: bytes, patch: PatchState
    ) -> None:
        """Record a build patched from the last (:mod:`generator.openapi.patch`): its document is
        the full build's (kept) with the patched entries, which ``patch`` holds."""
        self._store(model, ("models", models), ("text", data), ("patch", patch.plain()))

    def store_models(self, model: str, models: dict[str, bytes]) -> None:
        """Record more content keys for the pages of ``model`` (edited pages whose model did not
        change), so that the next run knows them without parsing."""
        self._store(model, ("models", models))

    def store_run(self, run: CachedRun) -> None:
        """Record the run itself (its document and text are stored already)."""
        self._store(run.key, ("run", _body(run)))

    def _store(self, key: str, *files: tuple[str, Any]) -> None:
        with contextlib.suppress(OSError, ValueError):  # a cache only ever saves time
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, value in files:
                self._save(name, key, value)

    def _load(self, name: str, key: str | None) -> Any:
        """The value stored as ``name`` when its key is ``key`` (None: any key).

        A file is its header's length (4 bytes), the header (format, key, the value's length) and
        the value. It is read whole and decoded from memory: ``marshal.load`` on a file reads it
        piece by piece, which took 0.2 s for a 2 MB value; the collector is paused, as the values
        are large and acyclic.
        """
        codec = _CODECS.get(name, marshal)
        try:
            data = (self.folder / f"{name}.{codec.__name__}").read_bytes()
            size = int.from_bytes(data[:4], "little")
            stored_format, stored_key, length = marshal.loads(data[4 : 4 + size])
            if stored_format != FORMAT or (key is not None and stored_key != key):
                return None
            if length != len(data) - 4 - size:  # cut short, or written over
                return None
            with memoryview(data) as view, paused():
                return codec.loads(view[4 + size :])
        except Exception:  # damaged or foreign: a miss (pickle raises almost anything)
            return None

    def _save(self, name: str, key: str, value: Any) -> None:
        codec = _CODECS.get(name, marshal)
        file = self.folder / f"{name}.{codec.__name__}"
        body = value.data if isinstance(value, _Encoded) else codec.dumps(value)
        header = marshal.dumps((FORMAT, key, len(body)))
        replace_file(file, [len(header).to_bytes(4, "little") + header, body])


@dataclass(frozen=True)
class _Encoded:
    """A value its codec has written already (the document, marshalled for other uses too)."""

    data: bytes


class raw:  # noqa: N801 (named as the modules it stands beside, for the file suffix)
    """The YAML text's codec: bytes as they are (marshal would copy 12 MB each way)."""

    @staticmethod
    def dumps(value: bytes) -> bytes:
        return value

    @staticmethod
    def loads(data: memoryview) -> bytes:
        return bytes(data)


#: How each file's value is written: marshal (the fastest) unless named here.
_CODECS: dict[str, Any] = {"paths": pickle, "text": raw}  # the paths memo holds dataclasses


def _body(run: CachedRun) -> tuple[Any, ...]:
    return (run.key, run.diagnostics, run.pages, run.stats, run.validation, run.model)
