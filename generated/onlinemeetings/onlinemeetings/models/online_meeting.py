"""The OnlineMeeting model (#/components/schemas/microsoft.graph.onlineMeeting)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt
from onlinemeetings.models.entity import Entity

if TYPE_CHECKING:
    import datetime

    from onlinemeetings.models.access_level import AccessLevel
    from onlinemeetings.models.audio_conferencing import AudioConferencing
    from onlinemeetings.models.chat_info import ChatInfo
    from onlinemeetings.models.item_body import ItemBody
    from onlinemeetings.models.lobby_bypass_settings import LobbyBypassSettings
    from onlinemeetings.models.meeting_participants import MeetingParticipants
    from onlinemeetings.models.online_meeting_presenters import OnlineMeetingPresenters


@dataclass(slots=True, kw_only=True, repr=False)
class OnlineMeeting(Entity):
    """Represents a meeting that takes place online. An onlineMeeting carries what a participant needs to take part: the link to join, the dial-in details, the people invited and their roles, and the rules for who waits in the lobby and who may present."""

    access_level: AccessLevel | _rt.Unset | None = _rt.UNSET
    """Which people can join the meeting without an invitation. Possible values are: everyone, invited, locked, sameEnterprise, unknownFutureValue."""
    allow_attendee_to_enable_camera: bool | _rt.Unset | None = _rt.UNSET
    """Whether attendees may turn on their camera."""
    allow_attendee_to_enable_mic: bool | _rt.Unset | None = _rt.UNSET
    """Whether attendees may turn on their microphone."""
    allowed_presenters: OnlineMeetingPresenters | _rt.Unset | None = _rt.UNSET
    """Which participants may present. The default is everyone."""
    audio_conferencing: AudioConferencing | _rt.Unset | None = _rt.UNSET
    """How to join the meeting by phone. Read-only."""
    chat_info: ChatInfo | _rt.Unset | None = _rt.UNSET
    """The Microsoft Teams chat thread that belongs to the meeting."""
    creation_date_time: datetime.datetime | _rt.Unset | None = _rt.UNSET
    """When the meeting was created, in UTC. Read-only."""
    end_date_time: datetime.datetime | _rt.Unset | None = _rt.UNSET
    """When the meeting is planned to end, in UTC."""
    external_id: str | _rt.Unset | None = _rt.UNSET
    """An identifier chosen by the calling application, unique per organizer. Used by createOrGet to find the meeting again."""
    is_entry_exit_announced: bool | _rt.Unset | None = _rt.UNSET
    """Whether the meeting announces people who join or leave by phone."""
    join_information: ItemBody | _rt.Unset | None = _rt.UNSET
    """Ready-to-send text that explains how to join, in the language asked for by the Accept-Language request header. Read-only."""
    join_web_url: str | _rt.Unset | None = _rt.UNSET
    """The address that opens the meeting in a browser or in the Teams client. Read-only."""
    lobby_bypass_settings: LobbyBypassSettings | _rt.Unset | None = _rt.UNSET
    """Which participants go straight into the meeting instead of waiting in the lobby."""
    participants: MeetingParticipants | _rt.Unset | None = _rt.UNSET
    """The organizer and the attendees of the meeting."""
    start_date_time: datetime.datetime | _rt.Unset | None = _rt.UNSET
    """When the meeting is planned to start, in UTC."""
    subject: str | _rt.Unset | None = _rt.UNSET
    """The title of the meeting."""
    video_teleconference_id: str | _rt.Unset | None = _rt.UNSET
    """The code that video conferencing devices use to join the meeting. Read-only."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        *Entity._fields,
        _rt.FieldSpec(
            "access_level",
            "accessLevel",
            _rt.Nullable(
                _rt.EnumOf("onlinemeetings.models.access_level", "AccessLevel")
            ),
            False,
        ),
        _rt.FieldSpec(
            "allow_attendee_to_enable_camera",
            "allowAttendeeToEnableCamera",
            _rt.Nullable(_rt.BOOL),
            False,
        ),
        _rt.FieldSpec(
            "allow_attendee_to_enable_mic",
            "allowAttendeeToEnableMic",
            _rt.Nullable(_rt.BOOL),
            False,
        ),
        _rt.FieldSpec(
            "allowed_presenters",
            "allowedPresenters",
            _rt.Nullable(
                _rt.EnumOf(
                    "onlinemeetings.models.online_meeting_presenters",
                    "OnlineMeetingPresenters",
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "audio_conferencing",
            "audioConferencing",
            _rt.Nullable(
                _rt.ModelOf(
                    "onlinemeetings.models.audio_conferencing", "AudioConferencing"
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "chat_info",
            "chatInfo",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.chat_info", "ChatInfo")),
            False,
        ),
        _rt.FieldSpec(
            "creation_date_time", "creationDateTime", _rt.Nullable(_rt.DATETIME), False
        ),
        _rt.FieldSpec(
            "end_date_time", "endDateTime", _rt.Nullable(_rt.DATETIME), False
        ),
        _rt.FieldSpec("external_id", "externalId", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "is_entry_exit_announced",
            "isEntryExitAnnounced",
            _rt.Nullable(_rt.BOOL),
            False,
        ),
        _rt.FieldSpec(
            "join_information",
            "joinInformation",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.item_body", "ItemBody")),
            False,
        ),
        _rt.FieldSpec("join_web_url", "joinWebUrl", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "lobby_bypass_settings",
            "lobbyBypassSettings",
            _rt.Nullable(
                _rt.ModelOf(
                    "onlinemeetings.models.lobby_bypass_settings", "LobbyBypassSettings"
                )
            ),
            False,
        ),
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
        _rt.FieldSpec(
            "video_teleconference_id",
            "videoTeleconferenceId",
            _rt.Nullable(_rt.STR),
            False,
        ),
    )
