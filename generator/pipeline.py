"""The one place the stages are wired together.

markdown → page model → OpenAPI (docs_to_spec); OpenAPI → codegen model → templates → black → files
(spec_to_code). Both return values and diagnostics; writing files and exit codes are the CLI's job.
"""

from __future__ import annotations

import functools
import marshal
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from generator.cache_dir import DEFAULT_CACHE
from generator.diagnostics import Diagnostic, DiagnosticSink

if TYPE_CHECKING:
    from generator.forked import Prepared
    from generator.markdown.model import Page
    from generator.markdown.reader import DocsScan
    from generator.openapi.dump import Place
    from generator.openapi.patch import PatchState
    from generator.openapi.patch_validation import Change
    from generator.openapi.paths import PathMemo
    from generator.render.run_cache import LastRun
    from generator.spec_cache import CachedRun, SpecCache

    #: What a proof is asked about a patched document: its overlay on the last full build, and
    #: the entries the patch changed (:func:`~generator.openapi.patch_validation.changes_in_text`).
    Proof: TypeAlias = tuple[dict[Place, Any], dict[Place, Change]]
    #: What validates a patched document, given its :data:`Proof` (:func:`_proved`).
    Prover: TypeAlias = Prepared[dict[str, Any] | None, Proof, list[Diagnostic] | None]
    #: What validates a full build after a valid one: given the new document (marshalled), its
    #: diagnostics (:func:`_validated`).
    Checker: TypeAlias = Prepared[dict[str, Any] | None, bytes, list[Diagnostic]]


#: Path items from which validating in a forked child beside the YAML dump pays for the fork.
PARALLEL_VALIDATION = 200
#: Changed pages parsed to learn whether the last run still holds; with more, a build is likely.
MODEL_CHECK_LIMIT = 50
#: Entries changed since a valid last document that a full build's validation tries to prove
#: valid; with more, the strict pass over them costs about what the validator does.
PROOF_LIMIT = 50


@dataclass
class SpecResult:
    data: bytes  # the YAML text, UTF-8: what is written (a cached run never decodes it)
    diagnostics: list[Diagnostic]
    pages: int
    seconds: float = 0.0
    stats: dict[str, int] = field(default_factory=dict)
    cached: bool = False  # the whole run came from the spec cache
    patched: bool = False  # the last run's document, with the entries of the edited pages
    _document: dict[str, Any] | None = field(default=None, repr=False)
    _load: Callable[[], dict[str, Any] | None] | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.data.decode("utf-8")
        return self._text

    @property
    def document(self) -> dict[str, Any]:
        """The OpenAPI document (read back from the cache when the run was cached)."""
        if self._document is None:
            loaded = self._load() if self._load else None
            if loaded is None:
                import yaml

                loaded = yaml.load(self.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            self._document = loaded
        return self._document


def docs_to_spec(
    docs_dir: Path,
    *,
    version: str = "3.0.3",
    validate: bool = True,
    cache_dir: Path | None = DEFAULT_CACHE,
) -> SpecResult:
    """Parse every page under ``docs_dir`` and build, validate and serialise the OpenAPI document.

    ``cache_dir`` (None: no caches) holds the parsed pages, the last run (:mod:`.spec_cache`) and
    the last validation result; a run whose pages did not change parses and builds nothing.
    """
    from generator.markdown.reader import model_digests, remember_scan, scan_docs
    from generator.spec_cache import SpecCache, from_rows, run_key, to_rows

    started = time.perf_counter()
    sink = DiagnosticSink()
    scan = scan_docs(docs_dir, sink, cache_dir=cache_dir)
    cache = SpecCache(cache_dir) if cache_dir is not None else None
    key = run_key(scan.paths, scan.keys, (version,))
    last = cache.run(None) if cache else None
    hit = last if last is not None and last.key == key else None
    data = None
    patched = None
    previous = _Last(cache, last) if cache and last else None
    if previous is not None and hit is None:
        pending = model_digests(scan, previous.models, limit=MODEL_CHECK_LIMIT)
        if pending.elsewhere:  # the edited pages are parsed in a child: read what a patch needs
            previous.prepare()
        prover = _prover(previous, scan) if validate and previous.run.validation == [] else None
        try:
            digests = pending.result()
            if digests is not None:
                hit = _same_models(
                    scan, previous.cache, previous.run, digests, key=key, version=version
                )
                if hit is not None:
                    data = previous.text  # the same document's
                elif patched := _patched(
                    scan, previous, digests, key=key, version=version, prover=prover
                ):
                    hit, data = patched
        finally:
            if prover is not None:
                prover.close()
    if cache and hit and validate and hit.validation is None:  # built before, validated now
        document = cache.document(hit.model)
        if document is not None:
            hit.validation = to_rows(_validate(document, scan))
            cache.store_run(hit)
    answer = hit if hit is not None and not (validate and hit.validation is None) else None
    if cache is not None and answer is not None and data is None:
        data = cache.text(answer.model)  # None when missing or damaged: built again
    if cache is None or answer is None or data is None:
        valid = previous if previous is not None and previous.run.validation == [] else None
        # this build's validation, first tried as a proof over what changed since the last; in
        # a child only when the document is likely to be large enough (the last one was)
        large = valid is not None and valid.run.stats.get("operations", 0) >= PARALLEL_VALIDATION
        checker = _checker(scan, valid) if validate and valid is not None and large else None
        try:
            return _build_spec(
                scan,
                sink,
                key=key,
                version=version,
                validate=validate,
                cache=cache,
                started=started,
                last_valid=valid,
                checker=checker,
            )
        finally:
            if checker is not None:
                checker.close()
    remember_scan(scan, sink)
    sink.extend(from_rows(answer.diagnostics))
    if validate and answer.validation is not None:
        sink.extend(from_rows(answer.validation))
    model = answer.model
    return SpecResult(
        data,
        sink.items,
        answer.pages,
        time.perf_counter() - started,
        answer.stats,
        cached=patched is None,
        patched=patched is not None,
        _load=lambda: cache.document(model),
    )


class _Last:
    """The last run's stored parts that a run after an edit may need, each read once."""

    def __init__(self, cache: SpecCache, run: CachedRun) -> None:
        self.cache = cache
        self.run = run

    @functools.cached_property
    def models(self) -> dict[str, bytes]:
        """Content key → model digest of its pages."""
        return self.cache.models(self.run.model)

    @functools.cached_property
    def state(self) -> PatchState | None:
        return self.cache.patch_state(self.run.model)

    @functools.cached_property
    def text(self) -> bytes | None:
        return self.cache.text(self.run.model)

    def prepare(self) -> None:
        """Read the patch state and the text (and import the builder) ahead of need: done while
        the edited pages are parsed in a child, it costs a patched run nothing."""
        if self.state is not None:
            self.text  # noqa: B018 (read now and kept: the property caches it)


def _same_models(
    scan: DocsScan,
    cache: SpecCache,
    last: CachedRun,
    digests: list[bytes],
    *,
    key: str,
    version: str,
) -> CachedRun | None:
    """``last`` (the last run), recorded under ``key``, when its pages' models (``digests``, in
    scan order) are this run's: an edit that no reader sees costs a parse of the page, not a
    build."""
    from generator.spec_cache import model_key

    if model_key(scan.paths, digests, (version,)) != last.model:
        return None
    if scan.parsed:
        cache.store_models(last.model, dict(zip(scan.keys, digests, strict=True)))
    run = replace(last, key=key)
    cache.store_run(run)
    return run


def _prover(last: _Last, scan: DocsScan, *, parallel: bool = True) -> Prover:
    """What validates a patched document (:func:`_proved`) when the last one was valid: a forked
    child (unless not ``parallel``) that meanwhile imports the validator and loads the last full
    build's document (0.35 s of a proof's 0.6 s), so that both are ready when the patch is; ended
    unasked when the run needs no proof."""
    from generator.forked import Prepared

    # the patch state names that document; read here, as the patch will replace its file
    base = last.state.base if last.state is not None else None
    return Prepared(
        lambda: _proof_base(last.cache, base),
        lambda document, proof: _proved(document, proof, scan),
        parallel=parallel,
    )


def _proof_base(cache: SpecCache, base: str | None) -> dict[str, Any] | None:
    """The document of the build ``base`` (which the patches since are an overlay on, or which a
    full build is compared with), with the validator imported."""
    import generator.openapi.strict_pass  # noqa: F401 (the validator: most of a proof's imports)

    return cache.document(base) if base is not None else None


def _proved(base: dict[str, Any] | None, proof: Proof, scan: DocsScan) -> list[Diagnostic] | None:
    """The patched document's validation: none found when the changed entries are proved valid,
    else the validator's (the validator is imported and the document at hand either way); None
    without the last full build's document."""
    from generator.openapi.patch import apply_overlay

    if base is None:
        return None
    overlay, changes = proof
    return _proved_or_validated(apply_overlay(base, overlay), changes, scan)


def _patched(
    scan: DocsScan,
    last: _Last,
    digests: list[bytes],
    *,
    key: str,
    version: str,
    prover: Prover | None,
) -> tuple[CachedRun, bytes] | None:
    """The run and its YAML text, patched from the last when the pages edited since changed only
    in their descriptions or inside an operation's tables and examples
    (:mod:`generator.openapi.patch`); None when a full build is needed. The run keeps the last
    validation result when it provably holds (:mod:`generator.openapi.patch_validation`); with a
    ``prover`` (the run validates and the last document was valid), the prover's: none found when
    the patched items are proved valid, else the whole document's validation.
    """
    from generator.openapi.patch import entries_to_patch, pages_needed, patch
    from generator.openapi.patch_validation import changes_in_text, kept_validation
    from generator.spec_cache import CachedRun, from_rows, model_key, to_rows

    state = last.state
    pages = scan.cache
    if state is None or pages is None or state.version != version or list(state.keys) != scan.paths:
        return None
    known = last.models
    models = dict(zip(scan.keys, digests, strict=True))
    edited = {
        path: key
        for path, key in zip(scan.paths, scan.keys, strict=True)
        if models[key] != known.get(state.keys[path])
    }
    old = pages.read(state.keys[path] for path in edited)
    new = pages.read(key for key in edited.values() if key not in scan.parsed)
    if old is None or new is None:
        return None
    new.update((key, parsed.page) for key, parsed in scan.parsed.items())
    edits = entries_to_patch(
        state,
        {path: old[state.keys[path]] for path in edited},
        {path: new[key] for path, key in edited.items()},
    )
    if edits is None:
        return None
    needed = pages_needed(state, edits.places) - set(edited)
    kept = pages.read(state.keys[path] for path in needed)
    text = last.text
    if kept is None or text is None:
        return None
    sources = {path: kept[state.keys[path]] for path in needed}
    sources.update((path, new[key]) for path, key in edited.items())
    keys = dict(zip(scan.paths, scan.keys, strict=True))
    patched = patch(state, edits, sources, text, from_rows(last.run.diagnostics), keys=keys)
    if patched is None:
        return None
    model = model_key(scan.paths, digests, (version,))
    last.cache.store_patch(model, models, patched.data, patched.state)
    validation = kept_validation(last.run.validation, text, state.spans, patched.values)
    if validation is None and prover is not None:
        changes = changes_in_text(text, state.spans, patched.values)
        found = prover.ask((patched.state.overlay, changes)) if changes is not None else None
        validation = to_rows(found) if found is not None else None
    rows = to_rows(patched.diagnostics)
    run = CachedRun(key, rows, last.run.pages, last.run.stats, validation, model)
    last.cache.store_run(run)
    return run, patched.data


def _checker(scan: DocsScan, last: _Last) -> Checker:
    """What validates a full build after a valid one (:func:`_validated`): a forked child that reads
    the last document and imports the validator while this process loads the pages and builds,
    then is sent the new document."""
    from generator.forked import Prepared

    cache, model = last.cache, last.run.model
    return Prepared(
        lambda: _proof_base(cache, model),
        lambda base, document: _validated(marshal.loads(document), scan, base),
    )


def _build_spec(
    scan: DocsScan,
    sink: DiagnosticSink,
    *,
    key: str,
    version: str,
    validate: bool,
    cache: SpecCache | None,
    started: float,
    last_valid: _Last | None = None,
    checker: Checker | None = None,
) -> SpecResult:
    """A full build. ``last_valid``: the last run, when its document was valid (this one's
    validation is then first tried as a proof over what changed since), and ``checker``, the child
    that got ready to validate it meanwhile (:func:`_checker`)."""
    from generator.markdown.reader import open_pages
    from generator.openapi.paths import PathMemo

    paths = PathMemo(cache.paths() if cache else None)
    scanned = len(sink.items)  # the scan's own diagnostics are not part of the cached run
    # while forked children parse: the build's modules (80 ms) are imported, and the request
    # paths of the pages parsed are normalised (0.08 s for the corpus)
    loaded = open_pages(
        scan, sink, meanwhile=_import_build, each=lambda page: _normalised(page, paths)
    )
    from generator.collector import keep_until_exit, paused
    from generator.forked import beside
    from generator.openapi.document import METHODS, BuildTrace, build_document
    from generator.openapi.dump import dump_fragments
    from generator.openapi.patch import record
    from generator.spec_cache import CachedRun, model_key, to_rows

    pages = loaded.pages
    trace = BuildTrace()
    for page in pages:
        start = len(sink.items)
        sink.extend(page.diagnostics)
        trace.rows[(page.path,)] = (start, len(sink.items))
    with paused(freeze=True):  # the document is long-lived and acyclic
        document = build_document(pages, version=version, sink=sink, normalise=paths, trace=trace)
    loaded.store()  # the pages parsed here were pickled for the cache during the build
    live = {key: scan.models[key] for key in scan.keys} if cache else {}
    model = model_key(scan.paths, list(live.values()), (version,)) if cache else ""
    built = to_rows(sink.items[scanned:])

    # the checker is sent the document first; else it is marshalled for the cache during the dump
    marshalled = _marshalled(document) if checker is not None else None

    def dump_and_store() -> bytes:
        if cache is None:
            return dump_fragments(document, {}).data
        states: list[PatchState | None] = []

        def store_build() -> None:  # while the dump's child writes entries
            keys = dict(zip(scan.paths, scan.keys, strict=True))
            states.append(record(trace, first=scanned, version=version, keys=keys, base=model))
            copy = marshalled or _marshalled(document)
            memo = paths.used if paths.changed else None
            cache.store_build(model, live, document if copy is None else copy, paths=memo)

        dumped = dump_fragments(document, cache.fragments(), meanwhile=store_build)
        (state,) = states
        if state is not None:
            state.spans = dumped.spans
        cache.store_text(model, dumped.data, dumped.fragments, state)
        return dumped.data

    validation: list[Diagnostic] | None = None
    parallel = len(document.get("paths", {})) >= PARALLEL_VALIDATION
    sent = marshalled if checker is not None and checker.forked and parallel else None
    if checker is not None and sent is not None:  # the child that got ready meanwhile validates
        answer = checker.send(sent)
        data = dump_and_store()
        validation = answer()
        sink.extend(validation)
    elif validate:  # validation (the longest step) in a forked child while the text is written
        # read before the text is written: that store replaces the last run's files
        last_document = last_valid.cache.document(last_valid.run.model) if last_valid else None
        data, found = beside(
            lambda: _validated(document, scan, last_document), dump_and_store, parallel=parallel
        )
        sink.extend(found)
        validation = found
    else:
        data = dump_and_store()
    stats = {
        "operations": sum(
            1 for item in document.get("paths", {}).values() for method in item if method in METHODS
        ),
        "schemas": len(document.get("components", {}).get("schemas", {})),
    }
    if cache is not None:
        rows = to_rows(validation) if validation is not None else None
        cache.store_run(CachedRun(key, built, len(pages), stats, rows, model))
    seconds = time.perf_counter() - started
    keep_until_exit(loaded, trace)
    return SpecResult(data, sink.items, len(pages), seconds, stats, _document=document)


def _normalised(page: Page, paths: PathMemo) -> None:
    """The page's request paths normalised into ``paths`` (the build asks for them after)."""
    for request in page.operation.requests if page.operation else ():
        paths(request.path)


def _import_build() -> None:
    """Import what a full build uses after the pages are parsed."""
    import generator.openapi.document
    import generator.openapi.dump
    import generator.openapi.patch  # noqa: F401


def _marshalled(document: dict[str, Any]) -> bytes | None:
    """The document for another process (marshal keeps its values, their types and which of them
    are one shared object, which the validator tells apart); None when marshal cannot write it."""
    try:
        return marshal.dumps(document)
    except ValueError:
        return None


def _validated(
    document: dict[str, Any], scan: DocsScan, last: dict[str, Any] | None
) -> list[Diagnostic]:
    """The document's validation: none found when ``last`` (the last run's document, which was
    valid) differs from it only in a few path items and schemas (at most :data:`PROOF_LIMIT`),
    proved valid (:func:`~generator.openapi.patch_validation.still_valid`); else the validator's."""
    from generator.openapi.patch_validation import changes_between

    changes = changes_between(last, document) if last is not None else None
    few = changes if changes is not None and len(changes) <= PROOF_LIMIT else None
    return _proved_or_validated(document, few, scan)


def _proved_or_validated(
    document: dict[str, Any], changes: Mapping[Place, Change] | None, scan: DocsScan
) -> list[Diagnostic]:
    """None found when ``changes`` (from a valid last document) are proved valid; else the
    validator's findings on the whole document (also without ``changes``)."""
    from generator.openapi.patch_validation import still_valid

    return (
        [] if changes is not None and still_valid(document, changes) else _validate(document, scan)
    )


def _validate(document: dict[str, Any], scan: DocsScan) -> list[Diagnostic]:
    from generator.openapi.validate import validate_document

    folder = scan.cache.folder / "validation" if scan.cache else None
    return validate_document(document, cache_dir=folder)


@dataclass
class CodeResult:
    files: int
    stale: list[str]
    diagnostics: list[Diagnostic]
    seconds: float
    package: str
    cached: bool = False  # the output directory already held what this run would write


def spec_to_code(
    spec_path: Path,
    out_dir: Path,
    *,
    package: str | None = None,
    check: bool = False,
    cache_dir: Path | None = DEFAULT_CACHE,
) -> CodeResult:
    """Generate the package for an OpenAPI document into ``out_dir`` (atomically), or with
    ``check`` compare what would be generated with what is there and write nothing.
    ``cache_dir`` (None: no cache) keeps black's results by content and the last run
    (:mod:`generator.render.run_cache`: an unchanged spec whose output is intact renders nothing)."""
    started = time.perf_counter()
    run = _last_generate(spec_path, out_dir, package, cache_dir)
    if run is not None and run.last is not None:
        last, seconds = run.last, time.perf_counter() - started
        count = len(last.files) - 1  # not the marker
        return CodeResult(count, [], last.diagnostics, seconds, last.package, cached=True)
    from generator.codegen.loader import start_loading

    # parses while the imports run; the bytes the run's key was made from, when there is a cache
    loading = start_loading(spec_path, cache_dir=cache_dir, data=run.spec if run else None)
    from generator.codegen.build import build_api, package_name
    from generator.codegen.naming import module_name
    from generator.render.generate import prepare, render_files
    from generator.render.writer import stale_files, write_tree

    prepare()
    sink = DiagnosticSink()
    source = str(spec_path)
    document = loading.result(sink)
    name = module_name(package) if package else package_name(document or {})
    if package and name != package:
        sink.warning(
            source, 0, "G002", f"--package {package!r} is not an import name; using {name!r}"
        )
    if document is None:
        return CodeResult(0, [], sink.items, time.perf_counter() - started, name)
    api = build_api(document, package=name, source=source, sink=sink)
    files = render_files(
        api,
        sink,
        black_cache=cache_dir / "black" if cache_dir else None,
        layout_cache=cache_dir / "layout" if cache_dir else None,
    )
    stale: list[str] = []
    if check:
        stale = stale_files(out_dir, files)
    else:
        try:
            write_tree(out_dir, files)
        except OSError as exc:
            sink.error(str(out_dir), 0, "G005", str(exc))
    if run is not None and not stale and not any(d.code == "G005" for d in sink.items):
        from generator.render.run_cache import store_run

        store_run(run.folder, run.key, name, files, sink.items)
    return CodeResult(len(files), stale, sink.items, time.perf_counter() - started, name)


@dataclass
class _GenerateRun:
    folder: Path
    key: str
    last: LastRun | None
    spec: bytes  # the spec as read for the key


def _last_generate(
    spec_path: Path, out_dir: Path, package: str | None, cache_dir: Path | None
) -> _GenerateRun | None:
    """The key of this ``generate`` run and the last run when it matches and ``out_dir`` holds
    what it wrote; None without a cache or a readable spec (the run then reports why)."""
    if cache_dir is None:
        return None
    from generator.render.run_cache import last_run, run_key

    try:
        spec = spec_path.read_bytes()
    except OSError:
        return None
    key = run_key(spec, str(spec_path), package)
    folder = cache_dir / "generate"
    return _GenerateRun(folder, key, last_run(folder, key, out_dir), spec)
