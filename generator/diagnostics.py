"""Diagnostics: problems in the input, reported as values rather than raised.

Every stage collects :class:`Diagnostic` values as it goes; only a bug in specdown raises. A diagnostic
names the file and line it is about, a severity, a human message and a stable code. Codes are grouped by
stage (``M`` markdown, ``O`` OpenAPI, ``G`` code generation, ``C`` command line) and are listed in
:data:`CODES` so that documentation and tests can check them; a code, once published, keeps its meaning.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` of a run's severities is its worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem, at ``path:line``. ``line`` is 1-based; 0 means "the whole file"."""

    path: str
    line: int
    severity: Severity = field(compare=False)
    code: str
    message: str

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message} [{self.code}]"


#: Every code specdown emits, with a one-line meaning. Stages add theirs here.
CODES: dict[str, str] = {
    # command line and files
    "C001": "a file could not be read or decoded",
    "C002": "the output file is stale (--check)",
    "C003": "the parse cache could not be read or written (the run goes on without it)",
    # markdown → page model
    "M001": "front matter is missing or is not valid YAML",
    "M002": "an annotation comment is not valid JSON, even leniently",
    "M003": "a table row has a different number of cells than its header",
    "M004": "a type cell could not be parsed",
    "M005": "a page could not be classified (no doc_type and no recognisable content)",
    "M006": "an operation page has no HTTP request line",
    "M007": "a resource page has no type name",
    "M008": "a line in an HTTP request block is not `METHOD /path`",
    "M009": "an example body is not valid JSON",
    "M010": "a response section names no status code",
    "M011": "a permissions cell could not be read",
    "M012": "a table has no recognisable header",
    "M013": "an enum table or value list could not be read",
    "M014": "a link target could not be resolved",
    "M015": "an example block could not be read as an HTTP message",
    "M016": "an annotation is separated from its code block",
    "M017": "a page holds text that is not valid UTF-8",
    "M018": "the parser failed on a page (a specdown bug; the page is skipped)",
    # page model → OpenAPI
    "O001": "a type is referenced but defined by no page",
    "O002": "a type is defined by more than one page",
    "O003": "an operation (method + path) is documented by more than one page",
    "O004": "a base type could not be resolved",
    "O005": "inheritance is cyclic",
    "O006": "a path could not be normalised",
    "O007": "an enum is defined more than once with different members",
    "O008": "the generated document does not validate",
    "O009": "an example does not validate against its schema",
    "O010": "an operationId collided and was renamed",
    # OpenAPI → code
    "G001": "the input spec has a defect that was worked around",
    "G002": "a name collided and was renamed",
    "G003": "a $ref could not be resolved",
    "G004": "a schema construct is not supported and was typed as Any",
}


class DiagnosticSink:
    """Collects diagnostics for one file or one run; cheap to create, cheap to merge."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, path: str, line: int, severity: Severity, code: str, message: str) -> None:
        if code not in CODES:  # a specdown bug, not an input problem
            raise ValueError(f"unregistered diagnostic code {code!r}")
        self.items.append(Diagnostic(path, line, severity, code, message))

    def error(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, Severity.ERROR, code, message)

    def warning(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, Severity.WARNING, code, message)

    def info(self, path: str, line: int, code: str, message: str) -> None:
        self.add(path, line, Severity.INFO, code, message)

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self.items.extend(items)


def sorted_unique(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in the order they are printed: by path, line, code, message; duplicates once."""
    return sorted(set(items))


def count_by_severity(items: Iterable[Diagnostic]) -> dict[Severity, int]:
    counts = Counter(d.severity for d in items)
    return {severity: counts.get(severity, 0) for severity in Severity}
