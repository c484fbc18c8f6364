"""Codegen model → generated files (in memory): every product's jobs, rendered, black-formatted."""

from __future__ import annotations

from pathlib import Path

from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink
from generator.render.black import DEFAULT_CACHE, LINE_LENGTH, format_many
from generator.render.env import environment
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
    python = [p for p in rendered if p.endswith(".py") and _needs_black(jobs[p], rendered[p])]
    formatted = format_many([rendered[p] for p in python], cache=black_cache)
    for path, text in zip(python, formatted, strict=True):
        if text is None:
            sink.error(path, 0, "G006", "black could not format this module; written unformatted")
        else:
            rendered[path] = text
    return rendered


def _needs_black(job: RenderJob, text: str) -> bool:
    return not job.formatted or any(len(line) > LINE_LENGTH for line in text.splitlines())
