"""Request builders for ``/me/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from onlinemeetings import _runtime as _rt
from onlinemeetings.client._core import AsyncBuilder, Builder
from onlinemeetings.client._paging import AsyncPageIterator, PageIterator
from onlinemeetings.client._request import Operation

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from onlinemeetings.client._paths.me_online_meetings_create_or_get import (
        AsyncMeOnlineMeetingsCreateOrGetBuilder,
        MeOnlineMeetingsCreateOrGetBuilder,
    )
    from onlinemeetings.client._paths.me_online_meetings_item import (
        AsyncMeOnlineMeetingsItemBuilder,
        MeOnlineMeetingsItemBuilder,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting

_OP_LIST = Operation(
    "GET",
    "/me/onlineMeetings",
    "/me/onlineMeetings",
    "me.ListOnlineMeetings",
    scopes=("OnlineMeetings.Read",),
    idempotent=True,
)
_OP_CREATE = Operation(
    "POST",
    "/me/onlineMeetings",
    "/me/onlineMeetings",
    "me.CreateOnlineMeetings",
    scopes=("OnlineMeetings.ReadWrite",),
    content_type="application/json",
)


class MeOnlineMeetingsBuilder(Builder):
    """``/me/onlineMeetings``"""

    __slots__ = ()

    @property
    def create_or_get(self) -> MeOnlineMeetingsCreateOrGetBuilder:
        from onlinemeetings.client._paths.me_online_meetings_create_or_get import (
            MeOnlineMeetingsCreateOrGetBuilder,
        )

        return MeOnlineMeetingsCreateOrGetBuilder(self._sender, self._path)

    def by_id(self, online_meeting_id: str) -> MeOnlineMeetingsItemBuilder:
        from onlinemeetings.client._paths.me_online_meetings_item import (
            MeOnlineMeetingsItemBuilder,
        )

        return MeOnlineMeetingsItemBuilder(
            self._sender, (*self._path, online_meeting_id)
        )

    def list(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> PageIterator[OnlineMeeting]:
        """List onlineMeetings

        Get the onlineMeeting objects organized by a user. Large results come in pages: follow @odata.nextLink until it is absent to read them all.

        Args:
            filter: Filter items by property values
            select: Select properties to be returned
            top: Show only the first n items

        Returns:
            an iterator over the items of every page (``.pages()`` for page-level access).

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``GET /me/onlineMeetings`` (operationId ``me.ListOnlineMeetings``)
        Permissions: OnlineMeetings.Read, OnlineMeetings.ReadWrite, OnlineMeetings.Read.All, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-list.md:30"""
        return PageIterator(
            self._sender,
            _OP_LIST,
            lambda: self._sender.send(
                _OP_LIST,
                path=self._path,
                query=(
                    ("$filter", filter, False),
                    ("$select", select, False),
                    ("$top", top, False),
                ),
            ),
            lambda value: cast(
                "OnlineMeeting",
                _rt.decode(
                    _rt.ModelOf(
                        "onlinemeetings.models.online_meeting", "OnlineMeeting"
                    ),
                    value,
                ),
            ),
            item_name="value",
            next_name="@odata.nextLink",
        )

    def create(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        Create an onlineMeeting whose organizer is the signed-in user, or the user named in the path when the call uses application permissions. The new meeting is not added to anyone's calendar.

        Args:
            accept_language: The language of the returned joinInformation, such as fr-FR. Optional.
            body: New entity (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings`` (operationId ``me.CreateOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-create.md:30"""
        response = self._sender.send(
            _OP_CREATE,
            path=self._path,
            headers=(("Accept-Language", accept_language),),
            body=body,
        )
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )


class AsyncMeOnlineMeetingsBuilder(AsyncBuilder):
    """``/me/onlineMeetings`` (async)"""

    __slots__ = ()

    @property
    def create_or_get(self) -> AsyncMeOnlineMeetingsCreateOrGetBuilder:
        from onlinemeetings.client._paths.me_online_meetings_create_or_get import (
            AsyncMeOnlineMeetingsCreateOrGetBuilder,
        )

        return AsyncMeOnlineMeetingsCreateOrGetBuilder(self._sender, self._path)

    def by_id(self, online_meeting_id: str) -> AsyncMeOnlineMeetingsItemBuilder:
        from onlinemeetings.client._paths.me_online_meetings_item import (
            AsyncMeOnlineMeetingsItemBuilder,
        )

        return AsyncMeOnlineMeetingsItemBuilder(
            self._sender, (*self._path, online_meeting_id)
        )

    def list(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> AsyncPageIterator[OnlineMeeting]:
        """List onlineMeetings

        Get the onlineMeeting objects organized by a user. Large results come in pages: follow @odata.nextLink until it is absent to read them all.

        Args:
            filter: Filter items by property values
            select: Select properties to be returned
            top: Show only the first n items

        Returns:
            an iterator over the items of every page (``.pages()`` for page-level access).

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``GET /me/onlineMeetings`` (operationId ``me.ListOnlineMeetings``)
        Permissions: OnlineMeetings.Read, OnlineMeetings.ReadWrite, OnlineMeetings.Read.All, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-list.md:30"""
        return AsyncPageIterator(
            self._sender,
            _OP_LIST,
            lambda: self._sender.send(
                _OP_LIST,
                path=self._path,
                query=(
                    ("$filter", filter, False),
                    ("$select", select, False),
                    ("$top", top, False),
                ),
            ),
            lambda value: cast(
                "OnlineMeeting",
                _rt.decode(
                    _rt.ModelOf(
                        "onlinemeetings.models.online_meeting", "OnlineMeeting"
                    ),
                    value,
                ),
            ),
            item_name="value",
            next_name="@odata.nextLink",
        )

    async def create(
        self,
        *,
        accept_language: str | None = None,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Create onlineMeeting

        Create an onlineMeeting whose organizer is the signed-in user, or the user named in the path when the call uses application permissions. The new meeting is not added to anyone's calendar.

        Args:
            accept_language: The language of the returned joinInformation, such as fr-FR. Optional.
            body: New entity (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings`` (operationId ``me.CreateOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-create.md:30"""
        response = await self._sender.send(
            _OP_CREATE,
            path=self._path,
            headers=(("Accept-Language", accept_language),),
            body=body,
        )
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )
