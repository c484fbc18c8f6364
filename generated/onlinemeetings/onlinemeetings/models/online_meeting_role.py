"""The OnlineMeetingRole enum (#/components/schemas/microsoft.graph.onlineMeetingRole)."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt


class OnlineMeetingRole(_rt.OpenStrEnum):
    """onlineMeetingRole

    Open: values not listed here are accepted and kept."""

    ATTENDEE = "attendee"
    PRESENTER = "presenter"
    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"
