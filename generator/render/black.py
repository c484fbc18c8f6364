"""black (pinned in pyproject.toml): format the generated modules layout declines, cached, and in
parallel when many.

Most modules never come here (:mod:`generator.render.layout` writes black's layout itself); black is
slow (about 60 KB/s per core), so its results are cached by content: the key is a hash of black's
version, the mode and the unformatted text, the value the formatted text (``.specdown-cache/black``,
beside the markdown parse cache). A cache that cannot be read or written is skipped silently: it only
ever saves time, never changes output. Cache misses are formatted in a process pool, largest first.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.atomic import replace_file
from generator.cache_dir import DEFAULT_CACHE as CACHE_ROOT
from generator.cache_dir import installed_version
from generator.forked import cores

if TYPE_CHECKING:
    from black.mode import Mode

LINE_LENGTH = 88  # black's default, which MODE keeps
DEFAULT_CACHE = CACHE_ROOT / "black"


@cache
def _mode() -> Mode:
    """black's mode; black is imported on first use (most runs never need it)."""
    from black.mode import Mode, TargetVersion

    return Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


#: Below this many characters of cache misses a process pool costs more than it saves.
PARALLEL_THRESHOLD = 100_000


def format_source(text: str) -> str:
    import black

    return str(black.format_str(text, mode=_mode()))


def _format_or_fail(text: str) -> str | None:
    """black's text, or None when black rejects it (invalid code: a generator bug)."""
    try:
        return format_source(text)
    except Exception:  # black raises InvalidInput, and its own errors, on what it cannot format
        return None


@cache
def _salt() -> bytes:
    return f"{installed_version('black')}\0{_mode()!r}\0".encode()


def _key(text: str) -> str:
    return hashlib.sha256(_salt() + text.encode("utf-8", "surrogatepass")).hexdigest()


def _read(cache: Path | None, key: str) -> str | None:
    if cache is None:
        return None
    try:
        return (cache / key[:2] / key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _write(cache: Path | None, key: str, text: str) -> None:
    if cache is None:
        return
    try:
        folder = cache / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(folder / key, [text.encode("utf-8")])
    except OSError:
        pass


def format_many(texts: list[str], cache: Path | None = DEFAULT_CACHE) -> list[str | None]:
    """Format every text (same order; None where black failed); cached results first, the rest in
    a pool when large."""
    keys = [_key(t) for t in texts]
    out: list[str | None] = [_read(cache, k) for k in keys]
    missing = sorted((i for i, o in enumerate(out) if o is None), key=lambda i: -len(texts[i]))
    workers = min(cores(), 8)
    if sum(len(texts[i]) for i in missing) < PARALLEL_THRESHOLD or workers < 2:
        done = [_format_or_fail(texts[i]) for i in missing]
    else:
        # Spawned, not forked: a forked worker would hold a copy of this process (the whole
        # document and codegen model, hundreds of MB on large specs) for the life of the pool.
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
            done = list(pool.map(_format_or_fail, [texts[i] for i in missing]))
    for i, text in zip(missing, done, strict=True):
        out[i] = text
        if text is not None:
            _write(cache, keys[i], text)
    return out
