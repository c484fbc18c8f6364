"""Request builders for ``/`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._paging import AsyncPageIterator, PageIterator
from onlinemeetings.client._root import AsyncRoot, Root

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from onlinemeetings.models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting
    from onlinemeetings.models.users_online_meetings_create_or_get_request import (
        UsersOnlineMeetingsCreateOrGetRequest,
    )


class Flat001(Root):
    """``/``"""

    __slots__ = ()

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

        builder = MeOnlineMeetingsBuilder(self._sender, ())
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

        builder = MeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
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

        builder = MeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
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

        builder = MeOnlineMeetingsBuilder(self._sender, ())
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

        builder = MeOnlineMeetingsCreateOrGetBuilder(self._sender, ())
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

        builder = MeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
        return builder.update(body=body)

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
        from onlinemeetings.client._paths.users_item_online_meetings import (
            UsersItemOnlineMeetingsBuilder,
        )

        builder = UsersItemOnlineMeetingsBuilder(self._sender, (user_id,))
        return builder.create(accept_language=accept_language, body=body)

    def users_delete_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            UsersItemOnlineMeetingsItemBuilder,
        )

        builder = UsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        builder.delete()

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
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            UsersItemOnlineMeetingsItemBuilder,
        )

        builder = UsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        return builder.get(select=select, accept_language=accept_language)

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
        from onlinemeetings.client._paths.users_item_online_meetings import (
            UsersItemOnlineMeetingsBuilder,
        )

        builder = UsersItemOnlineMeetingsBuilder(self._sender, (user_id,))
        return builder.list(filter=filter, select=select, top=top)

    def users_online_meetings_create_or_get(
        self,
        *,
        user_id: str,
        body: UsersOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /users/{user-id}/onlineMeetings/createOrGet``; same as ``client.users.by_id(user_id).online_meetings.create_or_get(...)``, documented there.
        """
        from onlinemeetings.client._paths.users_item_online_meetings_create_or_get import (
            UsersItemOnlineMeetingsCreateOrGetBuilder,
        )

        builder = UsersItemOnlineMeetingsCreateOrGetBuilder(self._sender, (user_id,))
        return builder(body=body)

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
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            UsersItemOnlineMeetingsItemBuilder,
        )

        builder = UsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        return builder.update(body=body)


class AsyncFlat001(AsyncRoot):
    """``/`` (async)"""

    __slots__ = ()

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

        builder = AsyncMeOnlineMeetingsBuilder(self._sender, ())
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

        builder = AsyncMeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
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

        builder = AsyncMeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
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

        builder = AsyncMeOnlineMeetingsBuilder(self._sender, ())
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

        builder = AsyncMeOnlineMeetingsCreateOrGetBuilder(self._sender, ())
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

        builder = AsyncMeOnlineMeetingsItemBuilder(self._sender, (online_meeting_id,))
        return await builder.update(body=body)

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
        from onlinemeetings.client._paths.users_item_online_meetings import (
            AsyncUsersItemOnlineMeetingsBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsBuilder(self._sender, (user_id,))
        return await builder.create(accept_language=accept_language, body=body)

    async def users_delete_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
    ) -> None:
        """Delete onlineMeeting

        ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}``; same as ``client.users.by_id(user_id).online_meetings.by_id(online_meeting_id).delete(...)``, documented there.
        """
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            AsyncUsersItemOnlineMeetingsItemBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        await builder.delete()

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
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            AsyncUsersItemOnlineMeetingsItemBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        return await builder.get(select=select, accept_language=accept_language)

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
        from onlinemeetings.client._paths.users_item_online_meetings import (
            AsyncUsersItemOnlineMeetingsBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsBuilder(self._sender, (user_id,))
        return builder.list(filter=filter, select=select, top=top)

    async def users_online_meetings_create_or_get(
        self,
        *,
        user_id: str,
        body: UsersOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        ``POST /users/{user-id}/onlineMeetings/createOrGet``; same as ``client.users.by_id(user_id).online_meetings.create_or_get(...)``, documented there.
        """
        from onlinemeetings.client._paths.users_item_online_meetings_create_or_get import (
            AsyncUsersItemOnlineMeetingsCreateOrGetBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsCreateOrGetBuilder(
            self._sender, (user_id,)
        )
        return await builder(body=body)

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
        from onlinemeetings.client._paths.users_item_online_meetings_item import (
            AsyncUsersItemOnlineMeetingsItemBuilder,
        )

        builder = AsyncUsersItemOnlineMeetingsItemBuilder(
            self._sender, (user_id, online_meeting_id)
        )
        return await builder.update(body=body)
