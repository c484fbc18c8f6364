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
    from generator.markdown import read_docs  # imported here: each stage loads only its own code
    from generator.openapi import build_document, dump_yaml, validate_document

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


@dataclass
class CodeResult:
    files: int
    stale: list[str]
    diagnostics: list[Diagnostic]
    seconds: float
    package: str


def spec_to_code(
    spec_path: Path, out_dir: Path, *, package: str | None = None, check: bool = False
) -> CodeResult:
    """Generate the package for an OpenAPI document into ``out_dir`` (atomically), or with
    ``check`` compare what would be generated with what is there and write nothing."""
    from generator.codegen.build import build_api, package_name
    from generator.codegen.loader import load_document
    from generator.codegen.naming import module_name
    from generator.render.generate import render_files
    from generator.render.writer import stale_files, write_tree

    started = time.perf_counter()
    sink = DiagnosticSink()
    source = str(spec_path)
    document = load_document(spec_path, sink)
    name = module_name(package) if package else package_name(document or {})
    if package and name != package:
        sink.warning(
            source, 0, "G002", f"--package {package!r} is not an import name; using {name!r}"
        )
    if document is None:
        return CodeResult(0, [], sink.items, time.perf_counter() - started, name)
    api = build_api(document, package=name, source=source, sink=sink)
    files = render_files(api, sink)
    stale: list[str] = []
    if check:
        stale = stale_files(out_dir, files)
    else:
        try:
            write_tree(out_dir, files)
        except OSError as exc:
            sink.error(str(out_dir), 0, "G005", str(exc))
    return CodeResult(len(files), stale, sink.items, time.perf_counter() - started, name)
