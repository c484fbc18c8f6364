"""``Client`` and ``AsyncClient`` for Microsoft Graph (generated from one template; do not edit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Self

import httpx

from onlinemeetings.client._auth import AsyncCredential, Credential
from onlinemeetings.client._core import AsyncBuilder, AsyncSender, Builder, Sender
from onlinemeetings.client._paging import AsyncPageIterator, PageIterator
from onlinemeetings.client._retry import RetryPolicy

if TYPE_CHECKING:
    from typing import Any

    from onlinemeetings.client._paths.me import AsyncMeBuilder, MeBuilder
    from onlinemeetings.client._paths.users import AsyncUsersBuilder, UsersBuilder
    from onlinemeetings.client._tags import AsyncTags, Tags
    from onlinemeetings.models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting
    from onlinemeetings.models.users_online_meetings_create_or_get_request import (
        UsersOnlineMeetingsCreateOrGetRequest,
    )


__all__ = ["AsyncClient", "Client", "DEFAULT_BASE_URL"]

#: The spec's first server URL.
DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0/"


class Client(Builder):
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
        self._http = (
            http_client if http_client is not None else httpx.Client(timeout=timeout)
        )
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

    @property
    def me(self) -> MeBuilder:
        from onlinemeetings.client._paths.me import MeBuilder

        return MeBuilder(self._sender, self._path)

    @property
    def users(self) -> UsersBuilder:
        from onlinemeetings.client._paths.users import UsersBuilder

        return UsersBuilder(self._sender, self._path)

    def me_create_online_meetings(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /me/onlineMeetings``; same as ``client.me.online_meetings.create(...)``, documented there.
        """
        return self.me.online_meetings.create(
            accept_language=accept_language, body=body
        )

    def me_delete_online_meetings(
        self,
        *,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        self.me.online_meetings.by_id(online_meeting_id).delete()

    def me_get_online_meetings(
        self,
        *,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        ``GET /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).get(...)``, documented there.
        """
        return self.me.online_meetings.by_id(online_meeting_id).get(
            select=select, accept_language=accept_language
        )

    def me_list_online_meetings(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> PageIterator[OnlineMeeting]:
        """List onlineMeetings

        ``GET /me/onlineMeetings``; same as ``client.me.online_meetings.list(...)``, documented there.
        """
        return self.me.online_meetings.list(filter=filter, select=select, top=top)

    def me_online_meetings_create_or_get(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /me/onlineMeetings/createOrGet``; same as ``client.me.online_meetings.create_or_get(...)``, documented there.
        """
        return self.me.online_meetings.create_or_get(body=body)

    def me_update_online_meetings(
        self,
        *,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        return self.me.online_meetings.by_id(online_meeting_id).update(body=body)

    def users_create_online_meetings(
        self,
        *,
        user_id: str,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /users/{user-id}/onlineMeetings``; same as ``client.users.by_id(user_id).online_meetings.create(...)``, documented there.
        """
        return self.users.by_id(user_id).online_meetings.create(
            accept_language=accept_language, body=body
        )

    def users_delete_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        self.users.by_id(user_id).online_meetings.by_id(online_meeting_id).delete()

    def users_get_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        ``GET /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).get(...)``, documented there.
        """
        return (
            self.users.by_id(user_id)
            .online_meetings.by_id(online_meeting_id)
            .get(select=select, accept_language=accept_language)
        )

    def users_list_online_meetings(
        self,
        *,
        user_id: str,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> PageIterator[OnlineMeeting]:
        """List onlineMeetings

        ``GET /users/{user-id}/onlineMeetings``; same as ``client.users.by_id(user_id).online_meetings.list(...)``, documented there.
        """
        return self.users.by_id(user_id).online_meetings.list(
            filter=filter, select=select, top=top
        )

    def users_online_meetings_create_or_get(
        self,
        *,
        user_id: str,
        body: UsersOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /users/{user-id}/onlineMeetings/createOrGet``; same as ``client.users.by_id(user_id).online_meetings.create_or_get(...)``, documented there.
        """
        return self.users.by_id(user_id).online_meetings.create_or_get(body=body)

    def users_update_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        return (
            self.users.by_id(user_id)
            .online_meetings.by_id(online_meeting_id)
            .update(body=body)
        )


class AsyncClient(AsyncBuilder):
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
        self._http = (
            http_client
            if http_client is not None
            else httpx.AsyncClient(timeout=timeout)
        )
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

    @property
    def me(self) -> AsyncMeBuilder:
        from onlinemeetings.client._paths.me import AsyncMeBuilder

        return AsyncMeBuilder(self._sender, self._path)

    @property
    def users(self) -> AsyncUsersBuilder:
        from onlinemeetings.client._paths.users import AsyncUsersBuilder

        return AsyncUsersBuilder(self._sender, self._path)

    async def me_create_online_meetings(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /me/onlineMeetings``; same as ``client.me.online_meetings.create(...)``, documented there.
        """
        return await self.me.online_meetings.create(
            accept_language=accept_language, body=body
        )

    async def me_delete_online_meetings(
        self,
        *,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        await self.me.online_meetings.by_id(online_meeting_id).delete()

    async def me_get_online_meetings(
        self,
        *,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        ``GET /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).get(...)``, documented there.
        """
        return await self.me.online_meetings.by_id(online_meeting_id).get(
            select=select, accept_language=accept_language
        )

    def me_list_online_meetings(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> AsyncPageIterator[OnlineMeeting]:
        """List onlineMeetings

        ``GET /me/onlineMeetings``; same as ``client.me.online_meetings.list(...)``, documented there.
        """
        return self.me.online_meetings.list(filter=filter, select=select, top=top)

    async def me_online_meetings_create_or_get(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /me/onlineMeetings/createOrGet``; same as ``client.me.online_meetings.create_or_get(...)``, documented there.
        """
        return await self.me.online_meetings.create_or_get(body=body)

    async def me_update_online_meetings(
        self,
        *,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        return await self.me.online_meetings.by_id(online_meeting_id).update(body=body)

    async def users_create_online_meetings(
        self,
        *,
        user_id: str,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /users/{user-id}/onlineMeetings``; same as ``client.users.by_id(user_id).online_meetings.create(...)``, documented there.
        """
        return await self.users.by_id(user_id).online_meetings.create(
            accept_language=accept_language, body=body
        )

    async def users_delete_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        await self.users.by_id(user_id).online_meetings.by_id(
            online_meeting_id
        ).delete()

    async def users_get_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        ``GET /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).get(...)``, documented there.
        """
        return (
            await self.users.by_id(user_id)
            .online_meetings.by_id(online_meeting_id)
            .get(select=select, accept_language=accept_language)
        )

    def users_list_online_meetings(
        self,
        *,
        user_id: str,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> AsyncPageIterator[OnlineMeeting]:
        """List onlineMeetings

        ``GET /users/{user-id}/onlineMeetings``; same as ``client.users.by_id(user_id).online_meetings.list(...)``, documented there.
        """
        return self.users.by_id(user_id).online_meetings.list(
            filter=filter, select=select, top=top
        )

    async def users_online_meetings_create_or_get(
        self,
        *,
        user_id: str,
        body: UsersOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /users/{user-id}/onlineMeetings/createOrGet``; same as ``client.users.by_id(user_id).online_meetings.create_or_get(...)``, documented there.
        """
        return await self.users.by_id(user_id).online_meetings.create_or_get(body=body)

    async def users_update_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        return (
            await self.users.by_id(user_id)
            .online_meetings.by_id(online_meeting_id)
            .update(body=body)
        )
