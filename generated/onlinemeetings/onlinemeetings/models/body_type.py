"""The BodyType enum (#/components/schemas/microsoft.graph.bodyType)."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt


class BodyType(_rt.OpenStrEnum):
    """bodyType

    Open: values not listed here are accepted and kept."""

    TEXT = "text"
    HTML = "html"
