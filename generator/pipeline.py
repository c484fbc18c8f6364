"""The one place the stages are wired together.

markdown → page model → OpenAPI (docs_to_spec); OpenAPI → codegen model → templates → black → files
(spec_to_code). Both return values and diagnostics; writing files and exit codes are the CLI's job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, DiagnosticSink
from generator.markdown import read_docs
from generator.openapi import build_document, dump_yaml, validate_document


@dataclass
class SpecResult:
    document: dict[str, Any]
    text: str
    diagnostics: list[Diagnostic]
    pages: int
    seconds: float = 0.0
    stats: dict[str, int] = field(default_factory=dict)


def docs_to_spec(docs_dir: Path, *, version: str = "3.0.3", validate: bool = True) -> SpecResult:
    """Parse every page under ``docs_dir`` and build, validate and serialise the OpenAPI document."""
    started = time.perf_counter()
    sink = DiagnosticSink()
    pages = read_docs(docs_dir, sink)
    for page in pages:
        sink.extend(page.diagnostics)
    document = build_document(pages, version=version, sink=sink)
    if validate:
        sink.extend(validate_document(document))
    text = dump_yaml(document)
    stats = {
        "operations": sum(
            1
            for item in document.get("paths", {}).values()
            for key in item
            if key in {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
        ),
        "schemas": len(document.get("components", {}).get("schemas", {})),
    }
    return SpecResult(document, text, sink.items, len(pages), time.perf_counter() - started, stats)
