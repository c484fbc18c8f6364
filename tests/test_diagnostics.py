"""Diagnostics: formatting, ordering and the code registry."""

from __future__ import annotations

import pytest

from generator.diagnostics import (
    CODES,
    Diagnostic,
    DiagnosticSink,
    Severity,
    count_by_severity,
    sorted_unique,
)


def test_format_names_file_line_severity_and_code() -> None:
    item = Diagnostic("api/user-get.md", 12, Severity.WARNING, "M009", "example body is not JSON")
    assert item.format() == "api/user-get.md:12: warning: example body is not JSON [M009]"


def test_whole_file_diagnostic_omits_line() -> None:
    assert (
        Diagnostic("a.md", 0, Severity.ERROR, "C001", "unreadable")
        .format()
        .startswith("a.md: error")
    )


def test_sorted_unique_orders_by_path_then_line_and_drops_duplicates() -> None:
    a = Diagnostic("b.md", 3, Severity.INFO, "M001", "x")
    b = Diagnostic("a.md", 9, Severity.INFO, "M001", "x")
    c = Diagnostic("a.md", 2, Severity.INFO, "M001", "x")
    assert sorted_unique([a, b, c, a]) == [c, b, a]


def test_sink_rejects_unregistered_codes() -> None:
    sink = DiagnosticSink()
    with pytest.raises(ValueError, match="Z999"):
        sink.error("a.md", 1, "Z999", "no such code")


def test_counts_cover_every_severity() -> None:
    sink = DiagnosticSink()
    sink.error("a.md", 1, "M001", "bad")
    sink.warning("a.md", 2, "M002", "meh")
    counts = count_by_severity(sink.items)
    assert counts == {Severity.ERROR: 1, Severity.WARNING: 1, Severity.INFO: 0}


def test_every_code_has_a_meaning() -> None:
    assert all(code[0] in "CMOG" and text for code, text in CODES.items())
