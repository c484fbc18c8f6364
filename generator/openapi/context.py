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


def source_of(path: str, line: int) -> str:
    """Where an object comes from (``x-specdown-source``): the page and line."""
    return f"{path}:{line}"


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
    bases: dict[str, str] = field(default_factory=dict)  # schema name → its base schema name
    #: GET path template → (returned schema, collection?, source) for typed responses
    returns: dict[str, tuple[str, bool, str]] = field(default_factory=dict)
    #: the (page, line, code, message) of the warnings given once (:meth:`warn_once`)
    reported: set[tuple[str, int, str, str]] = field(default_factory=set)

    def lineage(self, name: str) -> list[str]:
        """``name`` and its base types, nearest first."""
        chain = [name]
        while (base := self.bases.get(chain[-1])) is not None and base not in chain:
            chain.append(base)
        return chain

    def common_base(self, names: list[str]) -> str | None:
        """The nearest type that every one of ``names`` is or derives from."""
        shared = self.lineage(names[0])
        for name in names[1:]:
            ancestors = set(self.lineage(name))
            shared = [n for n in shared if n in ancestors]
        return shared[0] if shared else None

    def warn_once(self, path: str, line: int, code: str, message: str) -> None:
        """A warning about a page row that several operations (paths) read: reported once."""
        key = (path, line, code, message)
        if key not in self.reported:
            self.reported.add(key)
            self.sink.warning(path, line, code, message)

    @property
    def v31(self) -> bool:
        return self.openapi.startswith("3.1")
