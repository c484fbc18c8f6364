"""Operations tagged users.onlineMeeting. Generated; do not edit: subclass instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from onlinemeetings.server._runtime import OperationNotImplementedError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from onlinemeetings.models.online_meeting import OnlineMeeting
    from onlinemeetings.models.online_meeting_collection_response import (
        OnlineMeetingCollectionResponse,
    )
    from onlinemeetings.models.users_online_meetings_create_or_get_request import (
        UsersOnlineMeetingsCreateOrGetRequest,
    )


class UsersOnlineMeetingService:
    """Operations tagged users.onlineMeeting.

    Subclass, override the methods you implement and pass an instance to ``create_app``; the
    others answer 501 Not Implemented. Raise ``ApiError`` for an error response.
    """

    _service_name: ClassVar[str] = "UsersOnlineMeetingService"

    async def users_list_online_meetings(
        self,
        *,
        user_id: str,
        filter: str | None = None,
        select: Sequence[str] | str | None = None,
        top: int | None = None,
    ) -> OnlineMeetingCollectionResponse:
        """List onlineMeetings

        Get the onlineMeeting objects organized by a user. Large results come in pages: follow @odata.nextLink until it is absent to read them all.

        ``GET /users/{user-id}/onlineMeetings`` (operationId ``users.ListOnlineMeetings``)

        Source: api/onlinemeeting-list.md:31"""
        raise OperationNotImplementedError("users.ListOnlineMeetings")

    async def users_create_online_meetings(
        self, *, user_id: str, body: OnlineMeeting, accept_language: str | None = None
    ) -> OnlineMeeting:
        """Create onlineMeeting

        Create an onlineMeeting whose organizer is the signed-in user, or the user named in the path when the call uses application permissions. The new meeting is not added to anyone's calendar.

        ``POST /users/{user-id}/onlineMeetings`` (operationId ``users.CreateOnlineMeetings``)

        Source: api/onlinemeeting-create.md:31"""
        raise OperationNotImplementedError("users.CreateOnlineMeetings")

    async def users_online_meetings_create_or_get(
        self, *, user_id: str, body: UsersOnlineMeetingsCreateOrGetRequest
    ) -> OnlineMeeting:
        """onlineMeeting: createOrGet

        Look up the onlineMeeting that has the given externalId for the organizer, and create it when there is no such meeting yet. Calling this action twice with the same externalId returns the same meeting, which makes it safe to retry.

        ``POST /users/{user-id}/onlineMeetings/createOrGet`` (operationId ``users.onlineMeetings.createOrGet``)

        Source: api/onlinemeeting-createorget.md:33"""
        raise OperationNotImplementedError("users.onlineMeetings.createOrGet")

    async def users_get_online_meetings(
        self,
        *,
        user_id: str,
        online_meeting_id: str,
        select: Sequence[str] | str | None = None,
        accept_language: str | None = None,
    ) -> OnlineMeeting:
        """Get onlineMeeting

        Read the properties of an onlineMeeting, identified by its id.

        ``GET /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.GetOnlineMeetings``)

        Source: api/onlinemeeting-get.md:31"""
        raise OperationNotImplementedError("users.GetOnlineMeetings")

    async def users_delete_online_meetings(
        self, *, user_id: str, online_meeting_id: str
    ) -> None:
        """Delete onlineMeeting

        Remove an onlineMeeting. Its join link stops working at once; the chat thread of the meeting is kept.

        ``DELETE /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.DeleteOnlineMeetings``)

        Source: api/onlinemeeting-delete.md:31"""
        raise OperationNotImplementedError("users.DeleteOnlineMeetings")

    async def users_update_online_meetings(
        self, *, user_id: str, online_meeting_id: str, body: OnlineMeeting
    ) -> OnlineMeeting:
        """Update onlineMeeting

        Change one or more properties of an onlineMeeting. Properties left out of the request body keep their values.

        ``PATCH /users/{user-id}/onlineMeetings/{onlineMeeting-id}`` (operationId ``users.UpdateOnlineMeetings``)

        Source: api/onlinemeeting-update.md:31"""
        raise OperationNotImplementedError("users.UpdateOnlineMeetings")
