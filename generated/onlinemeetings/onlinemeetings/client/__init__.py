"""The HTTP client for Microsoft Graph: ``Client`` (blocking) and ``AsyncClient``.

Names are imported on first use, so ``import onlinemeetings.client`` costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onlinemeetings.client._auth import AsyncCredential, Credential
    from onlinemeetings.client._client import AsyncClient, Client
    from onlinemeetings.client._paging import (
        AsyncPageIterator,
        Page,
        PageIterator,
        PagingLoopError,
    )
    from onlinemeetings.client._retry import NO_RETRY, RetryPolicy
    from onlinemeetings.client.errors import (
        ApiError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        NotFoundError,
        ODataError,
        PermissionDeniedError,
        RateLimitError,
        ServerError,
    )

__all__ = [
    "ApiError",
    "AsyncClient",
    "AsyncCredential",
    "AsyncPageIterator",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "Credential",
    "NO_RETRY",
    "NotFoundError",
    "ODataError",
    "Page",
    "PageIterator",
    "PagingLoopError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
]

_EXPORTS = {
    "AsyncCredential": "_auth",
    "Credential": "_auth",
    "AsyncClient": "_client",
    "Client": "_client",
    "AsyncPageIterator": "_paging",
    "Page": "_paging",
    "PageIterator": "_paging",
    "PagingLoopError": "_paging",
    "NO_RETRY": "_retry",
    "RetryPolicy": "_retry",
    "ApiError": "errors",
    "AuthenticationError": "errors",
    "BadRequestError": "errors",
    "ConflictError": "errors",
    "NotFoundError": "errors",
    "ODataError": "errors",
    "PermissionDeniedError": "errors",
    "RateLimitError": "errors",
    "ServerError": "errors",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
