"""The UsersOnlineMeetingsCreateOrGetRequest model (#/paths/~1users~1{user-id}~1onlineMeetings~1createOrGet/post/requestBody/content/application~1json/schema)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    import datetime

    from onlinemeetings.models.chat_info import ChatInfo
    from onlinemeetings.models.meeting_participants import MeetingParticipants


@dataclass(slots=True, kw_only=True, repr=False)
class UsersOnlineMeetingsCreateOrGetRequest(_rt.Model):
    """The UsersOnlineMeetingsCreateOrGetRequest model."""

    chat_info: ChatInfo | _rt.Unset | None = _rt.UNSET
    """The chat thread to use for the meeting. Optional."""
    end_date_time: datetime.datetime | _rt.Unset | None = _rt.UNSET
    """When the meeting ends, in UTC. Optional; the default is one hour after startDateTime."""
    external_id: str
    """The identifier the application uses for the meeting, unique per organizer. Required."""
    participants: MeetingParticipants | _rt.Unset | None = _rt.UNSET
    """The people to invite. The organizer is always the calling user or the user in the path. Optional."""
    start_date_time: datetime.datetime | _rt.Unset | None = _rt.UNSET
    """When the meeting starts, in UTC. Optional; the default is the time of the request."""
    subject: str | _rt.Unset | None = _rt.UNSET
    """The title of the meeting. Optional."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "chat_info",
            "chatInfo",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.chat_info", "ChatInfo")),
            False,
        ),
        _rt.FieldSpec(
            "end_date_time", "endDateTime", _rt.Nullable(_rt.DATETIME), False
        ),
        _rt.FieldSpec("external_id", "externalId", _rt.STR, True),
        _rt.FieldSpec(
            "participants",
            "participants",
            _rt.Nullable(
                _rt.ModelOf(
                    "onlinemeetings.models.meeting_participants", "MeetingParticipants"
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "start_date_time", "startDateTime", _rt.Nullable(_rt.DATETIME), False
        ),
        _rt.FieldSpec("subject", "subject", _rt.Nullable(_rt.STR), False),
    )
