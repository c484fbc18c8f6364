"""The operations tagged ``me.onlineMeeting``: ``client.tags.me_online_meeting`` (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._paging import AsyncPageIterator, PageIterator

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from onlinemeetings.client._client import AsyncClient, Client
    from onlinemeetings.models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting


class MeOnlineMeetingOperations:
    """The operations tagged ``me.onlineMeeting``; each is also a method of the client."""

    __slots__ = ("_client",)

    def __init__(self, client: Client) -> None:
        self._client = client

    def me_create_online_meetings(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /me/onlineMeetings``; same as ``client.me.online_meetings.create(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings import (
            MeOnlineMeetingsBuilder,
        )

        builder = MeOnlineMeetingsBuilder(self._client._sender, ())
        return builder.create(accept_language=accept_language, body=body)

    def me_delete_online_meetings(
        self,
        *,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_item import (
            MeOnlineMeetingsItemBuilder,
        )

        builder = MeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        builder.delete()

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
        from onlinemeetings.client._paths.me_online_meetings_item import (
            MeOnlineMeetingsItemBuilder,
        )

        builder = MeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        return builder.get(select=select, accept_language=accept_language)

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
        from onlinemeetings.client._paths.me_online_meetings import (
            MeOnlineMeetingsBuilder,
        )

        builder = MeOnlineMeetingsBuilder(self._client._sender, ())
        return builder.list(filter=filter, select=select, top=top)

    def me_online_meetings_create_or_get(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /me/onlineMeetings/createOrGet``; same as ``client.me.online_meetings.create_or_get(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_create_or_get import (
            MeOnlineMeetingsCreateOrGetBuilder,
        )

        builder = MeOnlineMeetingsCreateOrGetBuilder(self._client._sender, ())
        return builder(body=body)

    def me_update_online_meetings(
        self,
        *,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_item import (
            MeOnlineMeetingsItemBuilder,
        )

        builder = MeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        return builder.update(body=body)


class AsyncMeOnlineMeetingOperations:
    """The operations tagged ``me.onlineMeeting`` (async); each is also a method of the client."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def me_create_online_meetings(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        ``POST /me/onlineMeetings``; same as ``client.me.online_meetings.create(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings import (
            AsyncMeOnlineMeetingsBuilder,
        )

        builder = AsyncMeOnlineMeetingsBuilder(self._client._sender, ())
        return await builder.create(accept_language=accept_language, body=body)

    async def me_delete_online_meetings(
        self,
        *,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_item import (
            AsyncMeOnlineMeetingsItemBuilder,
        )

        builder = AsyncMeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        await builder.delete()

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
        from onlinemeetings.client._paths.me_online_meetings_item import (
            AsyncMeOnlineMeetingsItemBuilder,
        )

        builder = AsyncMeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        return await builder.get(select=select, accept_language=accept_language)

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
        from onlinemeetings.client._paths.me_online_meetings import (
            AsyncMeOnlineMeetingsBuilder,
        )

        builder = AsyncMeOnlineMeetingsBuilder(self._client._sender, ())
        return builder.list(filter=filter, select=select, top=top)

    async def me_online_meetings_create_or_get(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /me/onlineMeetings/createOrGet``; same as ``client.me.online_meetings.create_or_get(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_create_or_get import (
            AsyncMeOnlineMeetingsCreateOrGetBuilder,
        )

        builder = AsyncMeOnlineMeetingsCreateOrGetBuilder(self._client._sender, ())
        return await builder(body=body)

    async def me_update_online_meetings(
        self,
        *,
        online_meeting_id: str,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        ``PATCH /me/onlineMeetings/{onlineMeeting-id}``; same as ``client.me.online_meetings.by_id(online_meeting_id).update(...)``, documented there.
        """
        from onlinemeetings.client._paths.me_online_meetings_item import (
            AsyncMeOnlineMeetingsItemBuilder,
        )

        builder = AsyncMeOnlineMeetingsItemBuilder(
            self._client._sender, (online_meeting_id,)
        )
        return await builder.update(body=body)
