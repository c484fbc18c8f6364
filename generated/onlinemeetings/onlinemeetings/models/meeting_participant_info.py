"""The MeetingParticipantInfo model (#/components/schemas/microsoft.graph.meetingParticipantInfo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.identity_set import IdentitySet
    from onlinemeetings.models.online_meeting_role import OnlineMeetingRole


@dataclass(slots=True, kw_only=True, repr=False)
class MeetingParticipantInfo(_rt.Model):
    """Describes one participant of an onlineMeeting: who the person is and what they may do in the meeting."""

    identity: IdentitySet | _rt.Unset | None = _rt.UNSET
    """Who the participant is."""
    role: OnlineMeetingRole | _rt.Unset | None = _rt.UNSET
    """What the participant may do in the meeting. The default is attendee."""
    upn: str | _rt.Unset | None = _rt.UNSET
    """The user principal name of the participant, such as adele@contoso.com."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "identity",
            "identity",
            _rt.Nullable(
                _rt.ModelOf("onlinemeetings.models.identity_set", "IdentitySet")
            ),
            False,
        ),
        _rt.FieldSpec(
            "role",
            "role",
            _rt.Nullable(
                _rt.EnumOf(
                    "onlinemeetings.models.online_meeting_role", "OnlineMeetingRole"
                )
            ),
            False,
        ),
        _rt.FieldSpec("upn", "upn", _rt.Nullable(_rt.STR), False),
    )
