"""The metadata report on the whole v1.0 corpus: every figure at least its floor.

FLOORS holds the issue's targets where the parser meets them, and otherwise the figure measured
last minus a small margin, so that a regression fails but an immature parser does not. Each floor
below its target says NOT MET; raise them as the parser improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metadata_report import Measure, build_report, render_table, scan_docs
from generator.pipeline import docs_to_spec

#: label → floor %. Measured 2026-11-28 on the v1.0 corpus with `python -m bench.metadata_report`;
#: a floor below the issue's target is marked NOT MET with the figure measured.
FLOORS: dict[str, float] = {
    "entity and complex types found": 93,  # target 93, measured 93.7
    "their structural properties found": 95,  # target 95, measured 98.4
    "… of those, with the right type": 93,  # target 93, measured 97.8
    "their navigation properties found": 90,  # target 90, measured 94.4
    "their base types captured (allOf $ref)": 90,  # target 90, measured 90.6
    "enum types found": 87,  # no target, measured 89.2
    "enum members found (of all enum types)": 85,  # target 85, measured 90.1
    # NOT MET: target 90, measured 80.6; the 12 missing roots (roleManagement, branding, agreements…)
    # appear in no documented request path.
    "entity sets and singletons reachable as path roots": 78,
    # NOT MET: target 80, measured 48.2; 366 of the 780 are Excel workbookFunctions and 335 of the
    # 404 missing names occur in no documented request path (the docs' ceiling is about 57%).
    "bound actions and functions reachable as paths": 46,
    "docs' JSON examples resolving to an operation": 90,  # target 90, measured 96.0
    "request examples validating": 90,  # target 90, measured 96.7
    "response examples validating": 90,  # target 90, measured 96.8
    "operations whose scopes equal the scopes file's": 72,  # no target, measured 75.8
    "operations sharing a scope with the scopes file": 95,  # no target, measured 98.7
}


@pytest.fixture(scope="module")
def report(corpus_dir: Path, metadata_dir: Path) -> Measure:
    document = docs_to_spec(corpus_dir, validate=False).document
    return build_report(
        (metadata_dir / "v1.0_metadata.xml").read_text("utf-8"),
        (metadata_dir / "apiPermissionsAndScopes-v1.0.xml").read_text("utf-8-sig"),
        document,
        scan_docs(corpus_dir),
    )


@pytest.mark.corpus
@pytest.mark.slow
def test_every_figure_reaches_its_floor(report: Measure) -> None:
    print(render_table(report.figures))
    assert sorted(f.label.strip() for f in report.figures) == sorted(FLOORS)
    below = [
        f"{f.label.strip()}: {f.percent:.1f}% < {FLOORS[f.label.strip()]}%"
        for f in report.figures
        if f.percent < FLOORS[f.label.strip()]
    ]
    assert not below, "figures fell below their floor:\n" + "\n".join(below)


@pytest.mark.corpus
@pytest.mark.slow
def test_defects_name_a_page_and_line(report: Measure) -> None:
    located = [d for d in report.defects if d.source != "?"]
    assert len(located) >= 0.9 * len(report.defects)
