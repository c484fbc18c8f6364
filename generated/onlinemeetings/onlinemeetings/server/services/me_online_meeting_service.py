"""Operations tagged me.onlineMeeting. Generated; do not edit: subclass instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from onlinemeetings.server._runtime import OperationNotImplementedError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from onlinemeetings.models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest,
    )
    from onlinemeetings.models.online_meeting import OnlineMeeting
    from onlinemeetings.models.online_meeting_collection_response import (
        OnlineMeetingCollectionResponse,
    )


class MeOnlineMeetingService:
    """Operations tagged me.onlineMeeting.

    Subclass, override the methods you implement and pass an instance to ``create_app``; the
    others answer 501 Not Implemented. Raise ``ApiError`` for an error response.
    """

    _service_name: ClassVar[str] = "MeOnlineMeetingService"

    async def me_list_online_meetings(
        self,
        *,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> OnlineMeetingCollectionResponse:
        """List onlineMeetings

        Get the onlineMeeting objects organized by a user. Large results come in pages: follow @odata.nextLink until it is absent to read them all.

        ``GET /me/onlineMeetings`` (operationId ``me.ListOnlineMeetings``)

        Source: api/onlinemeeting-list.md:30"""
        raise OperationNotImplementedError("me.ListOnlineMeetings")

    async def me_create_online_meetings(
        self, *, body: OnlineMeeting, accept_language: str | None = None
    ) -> OnlineMeeting:
        """Create onlineMeeting

        Create an onlineMeeting whose organizer is the signed-in user, or the user named in the path when the call uses application permissions. The new meeting is not added to anyone's calendar.

        ``POST /me/onlineMeetings`` (operationId ``me.CreateOnlineMeetings``)

        Source: api/onlinemeeting-create.md:30"""
        raise OperationNotImplementedError("me.CreateOnlineMeetings")

    async def me_online_meetings_create_or_get(
        self, *, body: MeOnlineMeetingsCreateOrGetRequest
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        ``POST /me/onlineMeetings/createOrGet`` (operationId ``me.onlineMeetings.createOrGet``)

        Source: api/onlinemeeting-createorget.md:32"""
        raise OperationNotImplementedError("me.onlineMeetings.createOrGet")

    async def me_get_online_meetings(
        self,
        *,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        Read the properties of an onlineMeeting, identified by its id.

        ``GET /me/onlineMeetings/{onlineMeeting-id}`` (operationId ``me.GetOnlineMeetings``)

        Source: api/onlinemeeting-get.md:30"""
        raise OperationNotImplementedError("me.GetOnlineMeetings")

    async def me_delete_online_meetings(self, *, online_meeting_id: str) -> None:
        """Delete onlineMeeting

        Remove an onlineMeeting. Its join link stops working at once; the chat thread of the meeting is kept.

        ``DELETE /me/onlineMeetings/{onlineMeeting-id}`` (operationId ``me.DeleteOnlineMeetings``)

        Source: api/onlinemeeting-delete.md:30"""
        raise OperationNotImplementedError("me.DeleteOnlineMeetings")

    async def me_update_online_meetings(
        self, *, online_meeting_id: str, body: OnlineMeeting
    ) -> OnlineMeeting:
        """Update onlineMeeting

        Change one or more properties of an onlineMeeting. Properties left out of the request body keep their values.

        ``PATCH /me/onlineMeetings/{onlineMeeting-id}`` (operationId ``me.UpdateOnlineMeetings``)

        Source: api/onlinemeeting-update.md:30"""
        raise OperationNotImplementedError("me.UpdateOnlineMeetings")
