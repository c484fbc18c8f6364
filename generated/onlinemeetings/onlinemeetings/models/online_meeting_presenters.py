"""The OnlineMeetingPresenters enum (#/components/schemas/microsoft.graph.onlineMeetingPresenters)."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt


class OnlineMeetingPresenters(_rt.OpenStrEnum):
    """onlineMeetingPresenters

    Open: values not listed here are accepted and kept."""

    EVERYONE = "everyone"
    ORGANIZATION = "organization"
    ROLE_IS_PRESENTER = "roleIsPresenter"
    ORGANIZER = "organizer"
    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"
