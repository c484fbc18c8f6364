"""openapi-spec-validator over the built document; each error is reported at the page it came from.

The validator reports a JSON path into the document (or, for its own checks, names the path template
in the message); the nearest enclosing object with an ``x-specdown-source`` (an operation, a schema,
an example) gives the page and line of the diagnostic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.openapi.validation_cache import DEFAULT_CACHE, cached

SOURCE = "x-specdown-source"
_TEMPLATE = re.compile(r"'(/[^']*)'")
_DOCUMENT = "<openapi document>"


def _split_source(source: Any) -> tuple[str, int] | None:
    if not isinstance(source, str) or ":" not in source:
        return None
    path, _, line = source.rpartition(":")
    return (path, int(line)) if line.isdigit() else None


def _locate(document: dict[str, Any], trail: Sequence[Any]) -> tuple[str, int] | None:
    node: Any = document
    found = None
    for step in trail:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            found = _split_source(node.get(SOURCE)) or found
    return found


def _locate_template(document: dict[str, Any], message: str) -> tuple[str, int] | None:
    for template in _TEMPLATE.findall(message):
        item = document.get("paths", {}).get(template)
        if isinstance(item, dict):
            for operation in item.values():
                if isinstance(operation, dict) and SOURCE in operation:
                    return _split_source(operation[SOURCE])
    return None


def validate_document(
    document: dict[str, Any], *, cache_dir: Path | None = DEFAULT_CACHE
) -> list[Diagnostic]:
    """O008 errors for everything openapi-spec-validator rejects (3.0 or 3.1 by ``openapi``);
    an unchanged document's result comes from ``cache_dir`` (None: always validate)."""
    return cached(document, _validate, cache_dir)


def _validate(document: dict[str, Any]) -> list[Diagnostic]:
    from generator.openapi.fast_validator import find_errors

    found, stopped = find_errors(document)
    diagnostics: list[Diagnostic] = []
    for trail, full_message in found:
        message = full_message.splitlines()[0][:500] if full_message else full_message
        where = _locate(document, trail) or _locate_template(document, message)
        pointer = "/".join(str(step) for step in trail)
        text = f"{message} (at #/{pointer})" if pointer else message
        path, line = where or (_DOCUMENT, 0)
        diagnostics.append(Diagnostic(path, line, Severity.ERROR, "O008", text))
    if stopped is not None:  # the validator raises on what it cannot follow (e.g. a bad $ref)
        diagnostics.append(
            Diagnostic(_DOCUMENT, 0, Severity.ERROR, "O008", f"validation stopped: {stopped}")
        )
    return diagnostics
