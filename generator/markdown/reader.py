"""``read_docs``: every ``.md`` page under a folder → pages, using both cores and a content cache."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache_dir import DEFAULT_CACHE
from generator.collector import paused
from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.forked import MAX_SHARED, cores, shared, started
from generator.markdown.cache import PageCache, Parsed, dump_page, page_key
from generator.markdown.file_index import signature

if TYPE_CHECKING:
    from generator.markdown.model import Page

#: Below this many pages to parse (or to pickle), forking costs more than it saves.
PARALLEL_THRESHOLD = 150
#: Chunks of pages per process parsing: enough that the processes finish close together.
CHUNKS_PER_PROCESS = 24


@dataclass
class DocsScan:
    """Every page's path and content key, known before any page is parsed or loaded from the cache.

    Keys come from the file index for pages whose ``stat`` did not move; the others were read and
    hashed (their bytes are kept in ``read`` for parsing). A whole-run cache can be consulted with
    the keys alone (:mod:`generator.spec_cache`).
    """

    docs_dir: Path
    paths: list[str]
    keys: list[str]
    read: dict[str, bytes] = field(default_factory=dict)  # key → bytes of the pages read this run
    cache: PageCache | None = None
    #: key → pages parsed before loading (:func:`model_digests`); :func:`load_pages` uses them
    parsed: dict[str, Parsed] = field(default_factory=dict)
    #: key → model digest of each page, filled by :func:`load_pages` when there is a cache
    models: dict[str, bytes] = field(default_factory=dict)


def read_docs(
    docs_dir: Path,
    sink: DiagnosticSink,
    *,
    cache_dir: Path | None = DEFAULT_CACHE,
    workers: int | None = None,
) -> list[Page]:
    """Parse every ``.md`` page under ``docs_dir``, in path order.

    ``cache_dir`` (relative to the current directory unless absolute; None disables the cache) holds
    parsed pages keyed by content; ``workers`` caps the processes parsing (default: one per core).
    """
    return load_pages(scan_docs(docs_dir, sink, cache_dir=cache_dir), sink, workers=workers)


def scan_docs(
    docs_dir: Path, sink: DiagnosticSink, *, cache_dir: Path | None = DEFAULT_CACHE
) -> DocsScan:
    """The content key of every page, reading only the files whose ``stat`` moved."""
    cache = _open_cache(cache_dir)
    index = cache.index if cache else None
    scan = DocsScan(docs_dir, [], [], cache=cache)
    for relative, full in _markdown_files(docs_dir):
        try:
            stat = os.stat(full)
            sig = signature(stat)
            key = index.lookup(relative, sig) if index else None
            if key is None:
                data = _read(full, stat.st_size)
                key = page_key(relative, data)
                if index:
                    index.record(relative, sig, key)
                scan.read[key] = data
        except OSError as exc:
            sink.error(relative, 0, "C001", f"cannot read the page: {exc.strerror or exc}")
            continue
        scan.paths.append(relative)
        scan.keys.append(key)
    return scan


def _read(path: str, size: int) -> bytes:
    """The file's bytes, ``size`` as ``stat`` gave it: a bare descriptor and one read (a Python
    file object for each of 3,341 pages took half the scan's reading time); a file that has grown
    since is read on to its end."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        data = os.read(descriptor, size + 1)
        if len(data) <= size:
            return data
        chunks = [data]
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def remember_scan(scan: DocsScan, sink: DiagnosticSink) -> None:
    """Save the file index of a scan whose pages were not loaded (the run was answered from the
    spec cache), so that the files read this time are not read again, and the pages parsed to
    answer it (:func:`model_digests`), so that they are not parsed again."""
    if scan.cache is None:
        return
    try:
        if scan.parsed:
            scan.cache.store(scan.parsed.values(), set(scan.keys), set(scan.paths))
        else:
            scan.cache.folder.mkdir(parents=True, exist_ok=True)
            scan.cache.index.save(set(scan.paths))
    except OSError as exc:
        sink.warning(str(scan.cache.folder), 0, "C003", f"cannot write the file index: {exc}")


@dataclass
class PendingDigests:
    """Every page's model digest, being computed: ``result()`` waits for it (None when more than the
    limit of pages would need parsing, or one cannot be read). ``elsewhere``: the pages are being
    parsed in a forked child, so this process is free meanwhile."""

    result: Callable[[], list[bytes] | None]
    elsewhere: bool = False


def model_digests(scan: DocsScan, known: Mapping[str, bytes], *, limit: int) -> PendingDigests:
    """Every page's model digest, in scan order: from ``known`` (content key → digest, of an
    earlier run) or by parsing the page (in a forked child while the caller goes on, where this
    system can fork), without loading the parse cache. The pages parsed are kept in
    ``scan.parsed`` for :func:`load_pages`."""
    unknown = [
        (relative, key)
        for relative, key in zip(scan.paths, scan.keys, strict=True)
        if key not in known and key not in scan.parsed
    ]
    if len(unknown) > limit:
        return PendingDigests(lambda: None)
    try:
        files = [(relative, _page_bytes(scan, relative, key)) for relative, key in unknown]
    except OSError:
        return PendingDigests(lambda: None)  # reported by the build that follows

    def digests() -> list[bytes]:
        return [known[key] if key in known else scan.parsed[key].model for key in scan.keys]

    if not files:
        return PendingDigests(digests)

    def parse() -> list[bytes]:
        return [dump_page(parse_file(relative, data)) for relative, data in files]

    parsing = started(parse)

    def parsed() -> list[bytes]:
        for (_, key), blob in zip(unknown, parsing(), strict=True):
            scan.parsed[key] = Parsed(key, pickle.loads(blob), blob)
        return digests()

    return PendingDigests(parsed, elsewhere=parsing is not parse)


def load_pages(scan: DocsScan, sink: DiagnosticSink, *, workers: int | None = None) -> list[Page]:
    """The pages of ``scan``: from the parse cache, the rest parsed (on every core when many) and
    recorded in the cache."""
    loaded = open_pages(scan, sink, workers=workers)
    loaded.store()
    return loaded.pages


@dataclass
class LoadedPages:
    """The pages of a scan. ``store()`` records those parsed this run in the parse cache and their
    model digests in the scan's ``models``: a caller with work of its own to do first (a build)
    calls it afterwards, as the pages this process parsed are meanwhile pickled for the cache in a
    forked child."""

    pages: list[Page]
    store: Callable[[], None]


def open_pages(
    scan: DocsScan,
    sink: DiagnosticSink,
    *,
    workers: int | None = None,
    meanwhile: Callable[[], object] | None = None,
    each: Callable[[Page], object] | None = None,
) -> LoadedPages:
    """The pages of ``scan``, as :func:`load_pages` finds them; the cache is written by ``store()``.
    Work of the caller's done here while forked children parse, if any do (so that they take more
    pages meanwhile, :func:`~generator.forked.shared`): ``meanwhile`` once, and ``each`` on every
    page this call parses, as it is parsed here or comes from a child (not on pages from the cache
    or parsed before, by :func:`model_digests`)."""
    cache = scan.cache
    if cache is not None:
        cache.load_pages()
        if cache.damaged:
            sink.info(str(cache.file), 0, "C003", "the parse cache was damaged and is rebuilt")
    known = cache.pages if cache else {}
    unread: list[tuple[str, bytes]] = []
    unread_keys: list[str] = []
    for relative, key in zip(scan.paths, scan.keys, strict=True):
        if key in known or key in scan.parsed:
            continue
        try:
            data = _page_bytes(scan, relative, key)
        except OSError as exc:
            sink.error(relative, 0, "C001", f"cannot read the page: {exc.strerror or exc}")
            data = b""
        unread.append((relative, data))
        unread_keys.append(key)
    found = dict(known)
    fresh: list[tuple[str, Page, bytes | None]] = [
        (key, parsed.page, parsed.blob) for key, parsed in scan.parsed.items() if key not in known
    ]
    fresh.extend(
        (key, page, blob)
        for key, (page, blob) in zip(
            unread_keys, _parse_all(unread, workers, meanwhile, each), strict=True
        )
    )
    found.update((key, page) for key, page, _ in fresh)
    pages = [found[key] for key in scan.keys]
    if cache is None:
        return LoadedPages(pages, lambda: None)
    unpickled = [page for _, page, blob in fresh if blob is None]

    def stored() -> tuple[list[bytes], str | None]:
        """The pages parsed here pickled, every new page recorded in the parse cache: the model
        digest of each page of ``fresh``, and what kept the cache from being written."""
        blobs = iter([dump_page(page) for page in unpickled])
        records = [
            Parsed(key, page, blob if blob is not None else next(blobs))
            for key, page, blob in fresh
        ]
        try:
            cache.store(records, set(scan.keys), set(scan.paths))
        except OSError as exc:
            return [parsed.model for parsed in records], str(exc)
        return [parsed.model for parsed in records], None

    # the child sends back 16 bytes a page, not the pickles; a fork costs more than a few pages
    storing = started(stored) if len(unpickled) >= PARALLEL_THRESHOLD else stored

    def store() -> None:
        models, problem = storing()
        scan.models.update(cache.models)
        scan.models.update(zip([key for key, _, _ in fresh], models, strict=True))
        if problem is not None:
            sink.warning(str(cache.folder), 0, "C003", f"cannot write the parse cache: {problem}")

    return LoadedPages(pages, store)


def _page_bytes(scan: DocsScan, relative: str, key: str) -> bytes:
    """The page's bytes: as read by the scan, or read again (its key came from the file index)."""
    data = scan.read.get(key)
    return data if data is not None else (scan.docs_dir / relative).read_bytes()


def _markdown_files(docs_dir: Path) -> list[tuple[str, str]]:
    """(docs-relative posix path, file path) of every ``.md`` file, sorted by the relative path.

    As ``os.walk`` walks (symlinked folders listed but not entered, unreadable ones skipped), with
    the paths ``os.scandir`` makes: joining 3,341 paths in Python took a quarter of a warm run's
    scan.
    """
    found: list[tuple[str, str]] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:
            return
        for entry in listed:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".md"):
                found.append((prefix + entry.name, entry.path))

    walk(os.fspath(docs_dir), "")
    return sorted(found)


def _open_cache(cache_dir: Path | None) -> PageCache | None:
    if cache_dir is None:
        return None
    cache = PageCache(cache_dir)
    cache.load_index()
    return cache


def parse_file(relative: str, data: bytes) -> Page:
    """Decode (UTF-8, BOM tolerated; bad bytes replaced and reported) and parse one page."""
    from generator.markdown.page import parse_page  # markdown-it only when a page is parsed

    try:
        return parse_page(relative, data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        page = parse_page(relative, data.decode("utf-8-sig", errors="replace"))
        problem = Diagnostic(
            relative,
            line,
            Severity.ERROR,
            "M017",
            f"invalid UTF-8 byte at offset {exc.start}; replaced",
        )
        return replace(page, diagnostics=(problem, *page.diagnostics))


def _parse_all(
    files: list[tuple[str, bytes]],
    workers: int | None,
    meanwhile: Callable[[], object] | None = None,
    each: Callable[[Page], object] | None = None,
) -> list[tuple[Page, bytes | None]]:
    """Each page, with its pickle when a forked child parsed it.

    The pages are dealt out in chunks to this process and a child per other core
    (:func:`~generator.forked.shared`): this process parses too, only the children's pages cross a
    pipe, and this process unpickles them between chunks of its own as they come.
    """
    count = min(workers or cores(), len(files) // 50 or 1)

    def seen(page: Page) -> Page:
        if each is not None:
            each(page)
        return page

    if count < 2 or len(files) < PARALLEL_THRESHOLD:
        if meanwhile is not None:
            meanwhile()
        return [(seen(parse_file(relative, data)), None) for relative, data in files]
    chunks = _chunks(files, min(CHUNKS_PER_PROCESS * count, MAX_SHARED))

    def parsed(index: int) -> list[Page]:
        return [parse_file(relative, data) for relative, data in chunks[index]]

    def here(index: int) -> list[Page]:
        return [seen(page) for page in parsed(index)]

    def there(index: int) -> list[bytes]:
        return [dump_page(page) for page in parsed(index)]

    def arrived(blobs: list[bytes]) -> list[tuple[Page, bytes]]:
        return [(seen(pickle.loads(blob)), blob) for blob in blobs]

    with paused(freeze=True):
        mine, theirs = shared(
            len(chunks), here, there, processes=count, arrived=arrived, meanwhile=meanwhile
        )
    found: list[tuple[Page, bytes | None]] = []
    for index in range(len(chunks)):
        if index in mine:
            found.extend((page, None) for page in mine[index])
        else:
            found.extend(theirs[index])
    return found


def _chunks(files: list[tuple[str, bytes]], count: int) -> list[list[tuple[str, bytes]]]:
    """Contiguous chunks of about equal byte size (results keep the input order)."""
    total = sum(len(data) for _, data in files) or 1
    target = total / count
    chunks: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for item in files:
        if size >= target and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += len(item[1])
    return chunks
