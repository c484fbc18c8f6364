"""Page model → OpenAPI document: build, validate, serialise (see ``document``, ``validate``, ``dump``).

The names are loaded on first use: a run that patches the last document never imports the
validator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.openapi.document import build_document
    from generator.openapi.dump import dump_yaml
    from generator.openapi.validate import validate_document

__all__ = ["build_document", "dump_yaml", "validate_document"]
_HOMES = {
    "build_document": "generator.openapi.document",
    "dump_yaml": "generator.openapi.dump",
    "validate_document": "generator.openapi.validate",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
