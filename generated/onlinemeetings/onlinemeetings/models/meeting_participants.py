"""The MeetingParticipants model (#/components/schemas/microsoft.graph.meetingParticipants)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.meeting_participant_info import MeetingParticipantInfo


@dataclass(slots=True, kw_only=True, repr=False)
class MeetingParticipants(_rt.Model):
    """Groups the people who take part in an onlineMeeting: one organizer and any number of attendees."""

    attendees: list[MeetingParticipantInfo] | _rt.Unset = _rt.UNSET
    """The people invited to the meeting. Updating this list replaces it whole."""
    organizer: MeetingParticipantInfo | _rt.Unset | None = _rt.UNSET
    """The person who owns the meeting. It cannot change after the meeting exists."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "attendees",
            "attendees",
            _rt.ListOf(
                _rt.ModelOf(
                    "onlinemeetings.models.meeting_participant_info",
                    "MeetingParticipantInfo",
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "organizer",
            "organizer",
            _rt.Nullable(
                _rt.ModelOf(
                    "onlinemeetings.models.meeting_participant_info",
                    "MeetingParticipantInfo",
                )
            ),
            False,
        ),
    )
