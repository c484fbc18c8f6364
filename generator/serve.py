"""``specdown serve SPEC``: generate the package for SPEC, import its server and run it with uvicorn.

The server that runs is exactly the generated one (the same code a user installs), generated into
a temporary directory unless ``--out`` keeps it. ``--mock`` answers every operation with its
documented example; ``--service module:attr`` plugs in implementations of the generated service
classes (an instance, or a class to instantiate); anything left answers 501.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity


class ServeError(Exception):
    """The spec could not be turned into a server; ``diagnostics`` say why."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)


@contextmanager
def generated_app(
    spec: Path,
    *,
    mock: bool,
    services: Sequence[str] = (),
    out: Path | None = None,
    package: str | None = None,
) -> Iterator[Any]:
    """The ASGI app of the package generated from ``spec`` (importable while the context lasts)."""
    from generator.pipeline import spec_to_code

    with tempfile.TemporaryDirectory(prefix="specdown-serve-") as tmp:
        target = out or Path(tmp)
        result = spec_to_code(spec, target, package=package)
        errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
        if not result.files or errors:
            raise ServeError(f"cannot generate a server from {spec}", result.diagnostics)
        root = target / "src" if (target / "src" / result.package).is_dir() else target
        sys.path.insert(0, str(root))
        try:
            factory = importlib.import_module(f"{result.package}.server.app")
            yield factory.create_app(*(load_service(s) for s in services), mock=mock)
        finally:
            sys.path.remove(str(root))
            for name in [n for n in sys.modules if n.split(".")[0] == result.package]:
                del sys.modules[name]


def load_service(reference: str) -> object:
    """``module:attr`` → the object; a class is instantiated without arguments."""
    module_name, _, attr = reference.partition(":")
    if not module_name or not attr:
        raise ServeError(f"--service {reference!r}: expected MODULE:NAME")
    try:
        found = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ServeError(f"--service {reference!r}: {exc}") from None
    return found() if isinstance(found, type) else found


def serve(spec: Path, *, host: str, port: int, **options: Any) -> None:
    import uvicorn

    with generated_app(spec, **options) as app:
        uvicorn.run(app, host=host, port=port)
