"""State shared by the builders of one document: target version, diagnostics, type index, components."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.openapi.resolve import TypeIndex

Schema = dict[str, Any]

SCHEMAS = "#/components/schemas/"


def schema_ref(name: str) -> Schema:
    return {"$ref": SCHEMAS + name}


@dataclass
class BuildContext:
    """``openapi`` is the document's version string; ``v31`` selects 3.1 spellings (type lists)."""

    openapi: str
    sink: DiagnosticSink
    index: TypeIndex
    schemas: dict[str, Schema] = field(default_factory=dict)
    responses: dict[str, Any] = field(default_factory=dict)
    delegated_scopes: set[str] = field(default_factory=set)
    application_scopes: set[str] = field(default_factory=set)

    @property
    def v31(self) -> bool:
        return self.openapi.startswith("3.1")
