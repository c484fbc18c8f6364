"""``Client`` and ``AsyncClient`` for Microsoft Graph (generated from one template; do not edit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Self

import httpx

from onlinemeetings.client._auth import AsyncCredential, Credential
from onlinemeetings.client._core import AsyncSender, Sender
from onlinemeetings.client._flat.part001 import AsyncFlat001, Flat001
from onlinemeetings.client._retry import RetryPolicy

if TYPE_CHECKING:
    from onlinemeetings.client._tags import AsyncTags, Tags


__all__ = ["AsyncClient", "Client", "DEFAULT_BASE_URL"]

#: The spec's first server URL.
DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0/"


class Client(Flat001):
    """Microsoft Graph (blocking client over ``httpx.Client``).

    Navigate along the paths (``client.users.by_id(uid).online_meetings.list()``) or call an
    operation by its operationId (``client.me_create_online_meetings(...)``). Use it as a context
    manager, or call ``client.close()``, to release connections.

    Args:
        base_url: The service root; defaults to the spec's first server.
        credential: A bearer token, a callable ``f(scopes) -> token``, or a
            credential object with ``get_token(*scopes)`` (azure-identity, MSAL wrappers).
        scopes: Scopes to request instead of each operation's own (e.g. ``[".../.default"]``).
        headers: Headers sent with every request.
        timeout: Seconds (or an ``httpx.Timeout``) for requests of the client this creates.
        retry: When to retry; defaults to ``RetryPolicy()`` (429/503/504, idempotent calls).
        http_client: Your own ``httpx.Client`` (proxies, transports, limits); not closed by
            this client.
    """

    __slots__ = ("_http", "_owns_http")

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        credential: Credential | None = None,
        scopes: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.Client(timeout=timeout)
        self._http = http_client
        sender = Sender(
            self._http, base_url, credential, scopes, retry or RetryPolicy(), headers
        )
        super().__init__(sender, ())

    def close(self) -> None:
        """Close the HTTP client if this client created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def tags(self) -> Tags:
        """The operations grouped by the spec's tags: ``client.tags.<tag>.<operation>(...)``."""
        from onlinemeetings.client._tags import Tags

        return Tags(self)


class AsyncClient(AsyncFlat001):
    """Microsoft Graph (asyncio/trio client over ``httpx.AsyncClient``).

    Navigate along the paths (``client.users.by_id(uid).online_meetings.list()``) or call an
    operation by its operationId (``client.me_create_online_meetings(...)``). Use it as an async context
    manager, or call ``await client.aclose()``, to release connections.

    Args:
        base_url: The service root; defaults to the spec's first server.
        credential: A bearer token, a callable ``f(scopes) -> token`` (sync or async), or a
            credential object with ``get_token(*scopes)`` (azure-identity, MSAL wrappers).
        scopes: Scopes to request instead of each operation's own (e.g. ``[".../.default"]``).
        headers: Headers sent with every request.
        timeout: Seconds (or an ``httpx.Timeout``) for requests of the client this creates.
        retry: When to retry; defaults to ``RetryPolicy()`` (429/503/504, idempotent calls).
        http_client: Your own ``httpx.AsyncClient`` (proxies, transports, limits); not closed by
            this client.
    """

    __slots__ = ("_http", "_owns_http")

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        credential: AsyncCredential | None = None,
        scopes: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._owns_http = http_client is None
        if http_client is None:
            http_client = httpx.AsyncClient(timeout=timeout)
        self._http = http_client
        sender = AsyncSender(
            self._http, base_url, credential, scopes, retry or RetryPolicy(), headers
        )
        super().__init__(sender, ())

    async def aclose(self) -> None:
        """Close the HTTP client if this client created it."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def tags(self) -> AsyncTags:
        """The operations grouped by the spec's tags: ``client.tags.<tag>.<operation>(...)``."""
        from onlinemeetings.client._tags import AsyncTags

        return AsyncTags(self)
