"""Request builders for ``/users/{user-id}/onlineMeetings/{onlineMeeting-id}`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from onlinemeetings import _runtime as _rt
from onlinemeetings.client._core import AsyncBuilder, Builder
from onlinemeetings.client._request import Operation

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from onlinemeetings.models.online_meeting import OnlineMeeting

_OP_DELETE = Operation(
    "DELETE",
    "/users/{0}/onlineMeetings/{1}",
    "/users/{user-id}/onlineMeetings/{onlineMeeting-id}",
    "users.DeleteOnlineMeetings",
    scopes=("OnlineMeetings.ReadWrite",),
    idempotent=True,
)
_OP_GET = Operation(
    "GET",
    "/users/{0}/onlineMeetings/{1}",
    "/users/{user-id}/onlineMeetings/{onlineMeeting-id}",
    "users.GetOnlineMeetings",
    scopes=("OnlineMeetings.Read",),
    idempotent=True,
)
_OP_UPDATE = Operation(
    "PATCH",
    "/users/{0}/onlineMeetings/{1}",
    "/users/{user-id}/onlineMeetings/{onlineMeeting-id}",
    "users.UpdateOnlineMeetings",
    scopes=("OnlineMeetings.ReadWrite",),
    content_type="application/json",
)


class UsersItemOnlineMeetingsItemBuilder(Builder):
    """``/users/{user-id}/onlineMeetings/{onlineMeeting-id}``"""

    __slots__ = ()

    def delete(
        self,
    ) -> None:
        """Delete onlineMeeting

        Remove an onlineMeeting. Its join link stops working at once; the chat thread of the meeting is kept.

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.DeleteOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-delete.md:31"""
        self._sender.send(_OP_DELETE, path=self._path)

    def get(
        self,
        *,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        Read the properties of an onlineMeeting, identified by its id.

        Args:
            select: Select properties to be returned
            accept_language: The language of the returned joinInformation, such as fr-FR. Optional.

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``GET /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.GetOnlineMeetings``)
        Permissions: OnlineMeetings.Read, OnlineMeetings.ReadWrite, OnlineMeetings.Read.All, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-get.md:31"""
        response = self._sender.send(
            _OP_GET,
            path=self._path,
            query=(("$select", select, False),),
            headers=(("Accept-Language", accept_language),),
        )
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )

    def update(
        self,
        *,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        Change one or more properties of an onlineMeeting. Properties left out of the request body keep their values.

        Args:
            body: New property values (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``PATCH /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.UpdateOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-update.md:31"""
        response = self._sender.send(_OP_UPDATE, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )


class AsyncUsersItemOnlineMeetingsItemBuilder(AsyncBuilder):
    """``/users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (async)"""

    __slots__ = ()

    async def delete(
        self,
    ) -> None:
        """Delete onlineMeeting

        Remove an onlineMeeting. Its join link stops working at once; the chat thread of the meeting is kept.

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.DeleteOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-delete.md:31"""
        await self._sender.send(_OP_DELETE, path=self._path)

    async def get(
        self,
        *,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        Read the properties of an onlineMeeting, identified by its id.

        Args:
            select: Select properties to be returned
            accept_language: The language of the returned joinInformation, such as fr-FR. Optional.

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``GET /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.GetOnlineMeetings``)
        Permissions: OnlineMeetings.Read, OnlineMeetings.ReadWrite, OnlineMeetings.Read.All, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-get.md:31"""
        response = await self._sender.send(
            _OP_GET,
            path=self._path,
            query=(("$select", select, False),),
            headers=(("Accept-Language", accept_language),),
        )
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )

    async def update(
        self,
        *,
        body: OnlineMeeting | Mapping[str, Any],
    ) -> OnlineMeeting:
        """Update onlineMeeting

        Change one or more properties of an onlineMeeting. Properties left out of the request body keep their values.

        Args:
            body: New property values (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``PATCH /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.UpdateOnlineMeetings``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-update.md:31"""
        response = await self._sender.send(_OP_UPDATE, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )
