"""Codegen model → generated files (in memory): every product's jobs, rendered, in black's layout.

Building a product's jobs, rendering and layout are pure functions of the codegen model, so on
Linux a large package is made by two processes (:mod:`generator.forked`): a forked child takes every
other product (sharing the model copy-on-write, returning text and diagnostics) while this process
makes the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.codegen.model import Api
from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.forked import can_fork, split
from generator.render.black import DEFAULT_CACHE, format_many
from generator.render.env import environment
from generator.render.layout_memo import LayoutMemo, Results
from generator.render.products import Product, discover
from generator.render.writer import safe_relative

#: Below this many models and paths a second process costs more than it saves.
PARALLEL_SIZE = 50

#: (path, text, whether black must still format it)
_Rendered = tuple[str, str, bool]


def prepare() -> None:
    """What rendering needs that does not depend on the spec: the product modules (and the code
    generator they import) and the compiled templates. Run while a spec is still being parsed."""
    discover()
    env = environment()
    for template in env.list_templates(extensions=["jinja"]):
        env.get_template(template)


def render_files(
    api: Api,
    sink: DiagnosticSink,
    *,
    black_cache: Path | None = DEFAULT_CACHE,
    layout_cache: Path | None = None,
) -> dict[str, str]:
    """Posix path relative to ``OUT_DIR`` → file text, for every product, sorted by path.
    ``black_cache`` keeps black's results, ``layout_cache`` the last run's layouts
    (:mod:`generator.render.layout_memo`); None: not kept."""
    products = discover()
    size = len(api.classes) + len(api.enums) + len(api.unions) + len(api.document.get("paths", {}))
    parallel = size >= PARALLEL_SIZE and can_fork()
    if parallel:
        prepare()  # compiled once, before the fork
    memo = LayoutMemo(layout_cache)

    def job(indexes: Sequence[int]) -> tuple[list[_Rendered], list[Diagnostic], Results]:
        notes = DiagnosticSink()
        rendered = _render_products(api, [products[i] for i in indexes], notes, memo)
        return rendered, notes.items, memo.used

    (done, notes, used), (more, more_notes, more_used) = split(
        job, len(products), parallel=parallel
    )
    done += more
    sink.extend(notes)
    sink.extend(more_notes)
    memo.save({**used, **more_used})
    rendered: dict[str, str] = {}
    for path, text, _ in done:
        if path in rendered:
            raise ValueError(f"two products render {path!r}")  # a specdown bug
        rendered[path] = text
    python = sorted(path for path, _, needs_black in done if needs_black)
    formatted = format_many([rendered[p] for p in python], cache=black_cache)
    for path, result in zip(python, formatted, strict=True):
        if result is None:
            sink.error(path, 0, "G006", "black could not format this module; written unformatted")
        else:
            rendered[path] = result
    return dict(sorted(rendered.items()))


def _render_products(
    api: Api, products: Sequence[Product], sink: DiagnosticSink, memo: LayoutMemo
) -> list[_Rendered]:
    """Every module of ``products``: rendered, and laid out when its template writes black's style
    (else marked for black)."""
    env = environment()
    out: list[_Rendered] = []
    for product in products:
        for job in product.files(api, sink):
            path = job.path if job.root else f"{api.package}/{job.path}"
            safe_relative(path)
            context = {**job.context, "api": api, "package": api.package}
            text = env.get_template(job.template).render(context)
            python = path.endswith(".py")
            laid_out = memo.layout(text) if job.formatted and python else None
            out.append((path, text, python) if laid_out is None else (path, laid_out, False))
    return out
