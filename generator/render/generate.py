"""Codegen model → generated files (in memory): every product's jobs, rendered, in black's layout.

Rendering and layout are pure functions of the codegen model, so on Linux a large package is
rendered by two processes: a forked child renders every other module while this process renders
the rest (the child shares the model copy-on-write and returns only text).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink
from generator.render.black import DEFAULT_CACHE, format_many
from generator.render.env import environment
from generator.render.layout import layout
from generator.render.products import RenderJob, discover
from generator.render.writer import safe_relative


def render_files(
    api: Api, sink: DiagnosticSink, *, black_cache: Path | None = DEFAULT_CACHE
) -> dict[str, str]:
    """Posix path relative to ``OUT_DIR`` → file text, for every product, sorted by path."""
    jobs: dict[str, RenderJob] = {}
    for product in discover():
        for job in product.files(api, sink):
            path = job.path if job.root else f"{api.package}/{job.path}"
            safe_relative(path)
            if path in jobs:
                raise ValueError(f"two products render {path!r}")  # a specdown bug
            jobs[path] = job
    paths = sorted(jobs)
    _WORK.append((api, jobs))
    try:
        if len(paths) < PARALLEL_JOBS or (os.cpu_count() or 1) < 2 or sys.platform != "linux":
            done = _render(paths)
        else:
            env = environment()
            for template in sorted({job.template for job in jobs.values()}):
                env.get_template(template)  # compiled once, before the fork
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
                child = pool.submit(_render, paths[1::2])
                done = _render(paths[::2]) + child.result()
    finally:
        _WORK.pop()
    rendered = {path: text for path, text, _ in sorted(done)}
    python = sorted(path for path, _, needs_black in done if needs_black)
    formatted = format_many([rendered[p] for p in python], cache=black_cache)
    for path, result in zip(python, formatted, strict=True):
        if result is None:
            sink.error(path, 0, "G006", "black could not format this module; written unformatted")
        else:
            rendered[path] = result
    return rendered


#: Below this many files a second process costs more than it saves.
PARALLEL_JOBS = 64

#: What :func:`_render` works on (the model and the jobs by path), set around the rendering so a
#: forked child inherits it rather than receiving it pickled.
_WORK: list[tuple[Api, dict[str, RenderJob]]] = []


def _render(paths: list[str]) -> list[tuple[str, str, bool]]:
    """(path, text, whether black must still format it) for each path: rendered, and laid out
    when the job's template writes black's style."""
    api, jobs = _WORK[-1]
    env = environment()
    out = []
    for path in paths:
        job = jobs[path]
        text = env.get_template(job.template).render(
            {**job.context, "api": api, "package": api.package}
        )
        laid_out = layout(text) if job.formatted and path.endswith(".py") else None
        if laid_out is not None:
            out.append((path, laid_out, False))
        else:
            out.append((path, text, path.endswith(".py")))
    return out
