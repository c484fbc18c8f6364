"""Request builders for ``/me/onlineMeetings/createOrGet`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from onlinemeetings import _runtime as _rt
from onlinemeetings.client._core import AsyncBuilder, Builder
from onlinemeetings.client._request import Operation

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from onlinemeetings.models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting

_OP_POST = Operation(
    "POST",
    "/me/onlineMeetings/createOrGet",
    "/me/onlineMeetings/createOrGet",
    "me.onlineMeetings.createOrGet",
    scopes=("OnlineMeetings.ReadWrite",),
    content_type="application/json",
)
_OP___CALL__ = Operation(
    "POST",
    "/me/onlineMeetings/createOrGet",
    "/me/onlineMeetings/createOrGet",
    "me.onlineMeetings.createOrGet",
    scopes=("OnlineMeetings.ReadWrite",),
    content_type="application/json",
)


class MeOnlineMeetingsCreateOrGetBuilder(Builder):
    """``/me/onlineMeetings/createOrGet``"""

    __slots__ = ()

    def post(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        Args:
            body: Action parameters (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings/createOrGet`` (operationId ``me.onlineMeetings.createOrGet``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-createorget.md:32"""
        response = self._sender.send(_OP_POST, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )

    def __call__(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        Args:
            body: Action parameters (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings/createOrGet`` (operationId ``me.onlineMeetings.createOrGet``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-createorget.md:32"""
        response = self._sender.send(_OP___CALL__, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )


class AsyncMeOnlineMeetingsCreateOrGetBuilder(AsyncBuilder):
    """``/me/onlineMeetings/createOrGet`` (async)"""

    __slots__ = ()

    async def post(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        Args:
            body: Action parameters (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings/createOrGet`` (operationId ``me.onlineMeetings.createOrGet``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-createorget.md:32"""
        response = await self._sender.send(_OP_POST, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )

    async def __call__(
        self,
        *,
        body: MeOnlineMeetingsCreateOrGetRequest | Mapping[str, Any],
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        Args:
            body: Action parameters (application/json)

        Raises:
            ApiError: the response status was not 2xx (a subclass per status).

        HTTP: ``POST /me/onlineMeetings/createOrGet`` (operationId ``me.onlineMeetings.createOrGet``)
        Permissions: OnlineMeetings.ReadWrite, OnlineMeetings.ReadWrite.All
        Source: api/onlinemeeting-createorget.md:32"""
        response = await self._sender.send(_OP___CALL__, path=self._path, body=body)
        return cast(
            "OnlineMeeting",
            _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                response.json(),
            ),
        )
