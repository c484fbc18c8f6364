"""Page model → OpenAPI document: build, validate, serialise (see ``document``, ``validate``, ``dump``).

The names are loaded on first use: a run that patches the last document never imports the
validator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.lazy import lazy_names

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


__getattr__ = lazy_names(__name__, _HOMES)
