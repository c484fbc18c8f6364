"""The printed table: one row per measurement, median and spread, ratios and targets as notes."""

from __future__ import annotations

from dataclasses import dataclass

from bench.measure import Sample

HEADER = ("benchmark", "case", "wall s (min–max)", "cpu s", "peak RSS MB", "runs", "note")


@dataclass(frozen=True)
class Row:
    benchmark: str
    case: str
    sample: Sample
    note: str = ""


def _cells(row: Row) -> tuple[str, ...]:
    sample = row.sample
    runs = str(len(sample.runs))
    if not sample.ok:
        return (row.benchmark, row.case, "FAILED", "", "", runs, sample.error or row.note)
    low, high = sample.spread("wall")
    wall = f"{sample.median('wall'):.2f} ({low:.2f}–{high:.2f})"
    return (
        row.benchmark,
        row.case,
        wall,
        f"{sample.median('cpu'):.2f}",
        f"{sample.median('rss_mb'):.0f}" if sample.median("rss_mb") else "",
        runs,
        row.note,
    )


def render(rows: list[Row]) -> str:
    """A GitHub-flavoured markdown table (readable as plain text too)."""
    lines = [HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]

    def fmt(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(lines[0]), rule, *(fmt(cells) for cells in lines[1:])])


def target(value: float, limit: float, unit: str = "s") -> str:
    return f"target ≤{limit:g}{unit}: {'met' if value <= limit else 'NOT MET'}"
