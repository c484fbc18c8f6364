"""Codegen model → generated files (in memory): every product's jobs, rendered, black-formatted."""

from __future__ import annotations

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
    env = environment()
    jobs: dict[str, RenderJob] = {}
    for product in discover():
        for job in product.files(api, sink):
            path = job.path if job.root else f"{api.package}/{job.path}"
            safe_relative(path)
            if path in jobs:
                raise ValueError(f"two products render {path!r}")  # a specdown bug
            jobs[path] = job
    rendered: dict[str, str] = {}
    for path in sorted(jobs):
        job = jobs[path]
        context = {**job.context, "api": api, "package": api.package}
        rendered[path] = env.get_template(job.template).render(context)
    python: list[str] = []
    for path, text in rendered.items():
        if not path.endswith(".py"):
            continue
        laid_out = layout(text) if jobs[path].formatted else None
        if laid_out is None:
            python.append(path)
        else:
            rendered[path] = laid_out
    formatted = format_many([rendered[p] for p in python], cache=black_cache)
    for path, result in zip(python, formatted, strict=True):
        if result is None:
            sink.error(path, 0, "G006", "black could not format this module; written unformatted")
        else:
            rendered[path] = result
    return rendered
