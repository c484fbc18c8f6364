"""Helpers for building documents from hand-made pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generator.diagnostics import DiagnosticSink
from generator.markdown.model import Page
from generator.openapi import build_document

Build = Callable[..., tuple[dict[str, Any], DiagnosticSink]]


@pytest.fixture
def build() -> Build:
    def run(*pages: Page, version: str = "3.0.3") -> tuple[dict[str, Any], DiagnosticSink]:
        sink = DiagnosticSink()
        return build_document(list(pages), version=version, sink=sink), sink

    return run
