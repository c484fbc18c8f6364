"""Validation results cached by the document's content: an unchanged spec is not validated again.

Key: a hash of the document's content (key order kept, :func:`document_key`), the versions of the
validator, jsonschema and jsonschema-rs, and the source of the validation modules; value: the
diagnostics, in order. One file per key under ``.specdown-cache/validation/`` (only the latest is
kept). The validator is deterministic, so a hit returns exactly what validating would; an unreadable
or unwritable cache is skipped silently.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.atomic import replace_file
from generator.cache_dir import DEFAULT_CACHE as CACHE_ROOT
from generator.cache_dir import code_digest
from generator.diagnostics import Diagnostic, Severity

DEFAULT_CACHE = CACHE_ROOT / "validation"
_HERE = Path(__file__).resolve().parent
_DISTRIBUTIONS = (
    "openapi-spec-validator",
    "openapi-schema-validator",
    "jsonschema",
    "jsonschema-rs",
    "specdown",
)
_SOURCES = (
    _HERE / "validate.py",
    _HERE / "fast_validator.py",
    _HERE / "keyword_halves.py",
    _HERE / "validation_cache.py",
)


@functools.cache
def _salt() -> bytes:
    return code_digest(_DISTRIBUTIONS, _SOURCES, salt="validation cache")


def document_key(document: dict[str, Any]) -> str:
    """A digest of the document's content. marshal's version 0 writes values only (no sharing or
    interning marks, so equal documents give equal bytes) and tells ``1``, ``1.0`` and ``True``
    apart; it is a quarter of ``json.dumps``'s time on the corpus spec. A document marshal cannot
    write (a date from YAML, say) is keyed by its JSON text instead."""
    try:
        content = b"m" + marshal.dumps(document, 0)
    except ValueError:
        text = json.dumps(document, ensure_ascii=False, default=repr, allow_nan=True)
        content = b"j" + text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(_salt() + content, digest_size=20).hexdigest()


def cached(
    document: dict[str, Any],
    validate: Callable[[dict[str, Any]], list[Diagnostic]],
    cache_dir: Path | None,
) -> list[Diagnostic]:
    """``validate(document)``, or its stored result for a document with the same content."""
    if cache_dir is None:
        return validate(document)
    key = document_key(document)
    file = cache_dir / f"{key}.json"
    try:
        rows = json.loads(file.read_text("utf-8"))
        return [Diagnostic(p, line, Severity(sev), code, msg) for p, line, sev, code, msg in rows]
    except (OSError, ValueError, TypeError):
        pass
    found = validate(document)
    rows = [[d.path, d.line, d.severity.value, d.code, d.message] for d in found]
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        replace_file(file, [json.dumps(rows, ensure_ascii=False).encode("utf-8")])
        for other in cache_dir.glob("*.json"):
            if other != file:
                other.unlink(missing_ok=True)
    except OSError:
        pass
    return found
