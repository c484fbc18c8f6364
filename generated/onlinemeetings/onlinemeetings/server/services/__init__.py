"""One class per tag: subclass the ones you implement, in your own module. Generated; do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onlinemeetings.server.services.me_online_meeting_service import (
        MeOnlineMeetingService,
    )
    from onlinemeetings.server.services.users_online_meeting_service import (
        UsersOnlineMeetingService,
    )

__all__ = [
    "MeOnlineMeetingService",
    "UsersOnlineMeetingService",
]

_MODULES: dict[str, str] = {
    "MeOnlineMeetingService": "me_online_meeting_service",
    "UsersOnlineMeetingService": "users_online_meeting_service",
}


def __getattr__(name: str) -> Any:
    """Import a service module on first use."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
