"""The last ``specdown generate`` run: what it wrote, by digest, for its spec, options and code.

Rendering a large spec's package takes seconds (the v1.0 corpus spec: 5,730 files, about 12 s with
black's results cached), even when the spec has not changed since the last run. A run whose spec
bytes, ``--package``, spec path (diagnostics name it) and code (specdown's codegen and render
modules, the templates, the installed jinja2, black and pyyaml, and Python) are the last run's, and
whose output directory holds exactly the files that run wrote (compared by digest), has nothing to
write and nothing to find stale: its files and diagnostics are the last run's. Anything else is a
miss, and the run renders.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.atomic import replace_file
from generator.cache_dir import code_digest
from generator.diagnostics import Diagnostic
from generator.render.writer import MARKER, MARKER_TEXT, existing_files
from generator.spec_cache import from_rows, to_rows

FORMAT = 1
_GENERATOR = Path(__file__).resolve().parent.parent
_TEMPLATES = _GENERATOR.parent / "templates"
_DISTRIBUTIONS = ("specdown", "jinja2", "black", "pyyaml")
_FILE = "last-run.marshal"


@functools.cache
def _fingerprint() -> bytes:
    sources = [
        *sorted((_GENERATOR / "codegen").glob("*.py")),
        *sorted((_GENERATOR / "render").rglob("*.py")),
        *sorted(path for path in _TEMPLATES.rglob("*") if path.is_file()),
        _GENERATOR / "diagnostics.py",
        _GENERATOR / "pipeline.py",
    ]
    return code_digest(_DISTRIBUTIONS, sources, salt=f"generate run {FORMAT} {sys.version}")


def run_key(spec: bytes, spec_path: str, package: str | None) -> str:
    """The key of a run: the spec's bytes and path as given, ``--package`` and the code."""
    digest = hashlib.blake2b(_fingerprint(), digest_size=20)
    digest.update(f"{spec_path}\0{package or ''}\0".encode() + spec)
    return digest.hexdigest()


@dataclass
class LastRun:
    package: str
    files: dict[str, bytes]  # path in the output directory → digest of its content
    diagnostics: list[Diagnostic]


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def last_run(cache_dir: Path, key: str, out_dir: Path) -> LastRun | None:
    """The last run when its key is ``key`` and ``out_dir`` holds exactly what it wrote."""
    try:
        stored_format, stored_key, package, files, rows = marshal.loads(
            (cache_dir / _FILE).read_bytes()
        )
    except (OSError, ValueError, EOFError, TypeError):  # missing, damaged or another layout
        return None
    if stored_format != FORMAT or stored_key != key:
        return None
    present = existing_files(out_dir)
    if present.keys() != files.keys() or any(
        _digest(data) != files[name] for name, data in present.items()
    ):
        return None
    return LastRun(package, files, from_rows(rows))


def store_run(
    cache_dir: Path,
    key: str,
    package: str,
    files: Mapping[str, str],
    diagnostics: list[Diagnostic],
) -> None:
    """Record a run that wrote ``files`` (or found none stale) into its output directory."""
    digests = {name: _digest(text.encode("utf-8")) for name, text in files.items()}
    digests[MARKER] = _digest(MARKER_TEXT.encode("utf-8"))
    rows = to_rows(diagnostics)
    with contextlib.suppress(OSError, ValueError):  # a cache only ever saves time
        cache_dir.mkdir(parents=True, exist_ok=True)
        replace_file(cache_dir / _FILE, [marshal.dumps((FORMAT, key, package, digests, rows))])
