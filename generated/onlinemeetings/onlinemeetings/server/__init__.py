"""The server for the Microsoft Graph API: a Starlette app with validation and a mock mode.

``create_app(*services)`` routes every operation to your implementations of the classes in
``onlinemeetings.server.services``; ``create_mock_app()`` answers the documented examples.
Generated: implement services in your own module, never here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onlinemeetings.server._runtime import ApiError, OperationNotImplementedError
    from onlinemeetings.server.app import create_app, create_mock_app

__all__ = ["ApiError", "OperationNotImplementedError", "create_app", "create_mock_app"]

_LAZY = {
    "ApiError": "_runtime",
    "OperationNotImplementedError": "_runtime",
    "create_app": "app",
    "create_mock_app": "app",
}


def __getattr__(name: str) -> Any:
    """Import on first use, so importing the package does not import Starlette."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
