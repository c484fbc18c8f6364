"""The AccessLevel enum (#/components/schemas/microsoft.graph.accessLevel)."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt


class AccessLevel(_rt.OpenStrEnum):
    """accessLevel

    Open: values not listed here are accepted and kept."""

    EVERYONE = "everyone"
    INVITED = "invited"
    LOCKED = "locked"
    SAME_ENTERPRISE = "sameEnterprise"
    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"
