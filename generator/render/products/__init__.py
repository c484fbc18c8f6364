"""Products: each turns the codegen :class:`~generator.codegen.model.Api` into files to render.

How a product plugs in (no edit to the core): add a module ``generator/render/products/<name>.py``
that defines

.. code-block:: python

    DEPENDENCIES: tuple[str, ...] = ("httpx>=0.27,<1",)   # optional: runtime requirements

    def files(api: Api, sink: DiagnosticSink) -> Iterable[RenderJob]:
        yield RenderJob("client/__init__.py", "client/init.py.jinja", {"operations": ...})

Modules in this package are discovered by name (sorted) and called in that order. Every
:class:`RenderJob` names a path relative to the generated package root (``<OUT_DIR>/<package>/``),
or, with ``root=True``, relative to ``OUT_DIR`` itself (for ``pyproject.toml``). The template name is
relative to the top-level ``templates/`` folder. The template sees its ``context`` plus ``api`` (the
:class:`Api`) and ``package`` (the import name). Paths ending in ``.py`` are formatted with black.
Two jobs for the same path are a specdown bug. Put every identifier, type annotation and literal
into ``context`` precomputed; use the filters ``docstring`` (any text → a safe docstring body) and
``literal`` (any text → a safe string literal) for text from the spec. A job whose template
writes black's style (blank lines, docstrings, spacing) says ``formatted=True``: its long lines are
split by :mod:`generator.render.layout` instead of black, which then only sees the modules whose
long lines layout declines.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from generator.codegen.model import Api
from generator.diagnostics import DiagnosticSink


@dataclass(frozen=True, slots=True)
class RenderJob:
    """One output file: where it goes, which template renders it, and with what."""

    path: str  # posix, relative to the package root (or to OUT_DIR when ``root``)
    template: str  # relative to templates/
    context: Mapping[str, Any] = field(default_factory=dict)
    root: bool = False
    #: The template writes black's style except for long lines, which :func:`layout` splits; black
    #: runs on it only when layout declines a line. ``tests/render`` and the generated-package
    #: tests (``black --check``) check the claim.
    formatted: bool = False


ProductFn = Callable[[Api, DiagnosticSink], Iterable[RenderJob]]


@dataclass(frozen=True, slots=True)
class Product:
    name: str
    files: ProductFn
    dependencies: tuple[str, ...] = ()


def _load(module: ModuleType, name: str) -> Product:
    deps: tuple[str, ...] = tuple(getattr(module, "DEPENDENCIES", ()))
    return Product(name, module.files, deps)


def discover() -> list[Product]:
    """Every product module in this package, sorted by name."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.ispkg)
    return [_load(importlib.import_module(f"{__name__}.{name}"), name) for name in names]
