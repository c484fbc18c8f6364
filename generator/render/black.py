"""black (pinned in pyproject.toml): format generated modules, in parallel when there are many."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

import black
from black.mode import Mode, TargetVersion

MODE = Mode(target_versions={TargetVersion.PY311})

#: Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 200


def format_source(text: str) -> str:
    return str(black.format_str(text, mode=MODE))


def format_many(texts: list[str]) -> list[str]:
    """Format every text; in a process pool for large batches (black is CPU-bound)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(texts) < PARALLEL_THRESHOLD or workers < 2:
        return [format_source(t) for t in texts]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(format_source, texts, chunksize=32))
