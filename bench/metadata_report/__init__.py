"""How much of the real Microsoft Graph API a spec recovers, measured against Microsoft's metadata.

Compares an OpenAPI document (by default the one specdown derives from ``../shared/graph-docs/v1.0``)
with the CSDL answer key and the permission scopes file in ``../shared/metadata``. This package is
the only code that reads the metadata; the generator never does.

Run ``python -m bench.metadata_report [--spec FILE] [--defects FILE]``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from bench.metadata_report.csdl import parse_csdl, parse_scopes
from bench.metadata_report.examples import (
    ExampleValidator,
    SpecExample,
    resolved_counts,
    scan_examples,
    spec_examples,
)
from bench.metadata_report.measures import (
    Defect,
    Figure,
    Measure,
    measure_enums,
    measure_paths,
    measure_scopes,
    measure_types,
)
from bench.metadata_report.spec_index import SpecIndex

__all__ = ["Defect", "Figure", "Measure", "build_report", "render_table", "scan_docs"]


def scan_docs(docs_dir: Path) -> Counter[tuple[str, str]]:
    """Example blocks with JSON bodies in every page under ``docs_dir``, by page and kind."""
    counts: Counter[tuple[str, str]] = Counter()
    for page in sorted(docs_dir.rglob("*.md")):
        counts.update(scan_examples(page.relative_to(docs_dir).as_posix(), page.read_text("utf-8")))
    return counts


def measure_examples(scanned: Counter[tuple[str, str]], document: dict[str, Any]) -> Measure:
    """Examples resolving to an operation, and of those, requests and responses that validate."""
    result = Measure()
    attached = list(spec_examples(document))
    resolved = resolved_counts(scanned, attached)
    found = sum(f for f, _ in resolved.values())
    total = sum(e for _, e in resolved.values())
    result.figures.append(Figure("docs' JSON examples resolving to an operation", found, total, 90))
    validator = ExampleValidator(document)
    unique: dict[tuple[str, str], SpecExample] = {}
    for example in attached:
        unique.setdefault((example.kind, example.source), example)
    for kind in ("request", "response"):
        examples = [e for (k, _), e in sorted(unique.items()) if k == kind]
        valid = 0
        for example in examples:
            errors = validator.errors(example.schema, example.value)
            valid += not errors
            if errors:
                message = f"{example.operation}: {errors[0]}" + (
                    f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
                )
                result.defects.append(Defect(example.source, f"{kind}-example", message))
        result.figures.append(Figure(f"  {kind} examples validating", valid, len(examples), 90))
    return result


def build_report(
    csdl_xml: str, scopes_xml: str, document: dict[str, Any], scanned: Counter[tuple[str, str]]
) -> Measure:
    csdl = parse_csdl(csdl_xml)
    index = SpecIndex(document)
    report = Measure()
    for part in (
        measure_types(csdl, index),
        measure_enums(csdl, index),
        measure_paths(csdl, (document.get("paths") or {}).keys()),
        measure_examples(scanned, document),
        measure_scopes(parse_scopes(scopes_xml), document),
    ):
        report.figures += part.figures
        report.defects += part.defects
    report.defects.sort()
    return report


def render_table(figures: list[Figure]) -> str:
    """A markdown table: figure, matched/expected, percent, target and whether it is met."""
    lines = ["| figure | matched/expected | % | target |", "|:---|---:|---:|:---|"]
    for f in figures:
        target = "" if f.target is None else f"≥{f.target:.0f}% {'met' if f.met else 'NOT met'}"
        percent = f"{f.percent:.1f}%" if f.expected else "n/a"
        lines.append(f"| {f.label.strip()} | {f.matched}/{f.expected} | {percent} | {target} |")
    return "\n".join(lines)
