"""The LobbyBypassScope enum (#/components/schemas/microsoft.graph.lobbyBypassScope)."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt


class LobbyBypassScope(_rt.OpenStrEnum):
    """lobbyBypassScope

    Open: values not listed here are accepted and kept."""

    ORGANIZER = "organizer"
    ORGANIZATION = "organization"
    ORGANIZATION_AND_FEDERATED = "organizationAndFederated"
    EVERYONE = "everyone"
    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"
