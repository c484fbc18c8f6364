"""The AudioConferencing model (#/components/schemas/microsoft.graph.audioConferencing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from onlinemeetings import _runtime as _rt


@dataclass(slots=True, kw_only=True, repr=False)
class AudioConferencing(_rt.Model):
    """Holds the dial-in details of an onlineMeeting: the conference code and the phone numbers that reach the audio conferencing service."""

    conference_id: str | _rt.Unset | None = _rt.UNSET
    """The code that callers enter to reach this meeting."""
    dialin_url: str | _rt.Unset | None = _rt.UNSET
    """A web page that lists the local dial-in numbers."""
    toll_free_number: str | _rt.Unset | None = _rt.UNSET
    """The main toll-free number of the audio conferencing service."""
    toll_free_numbers: list[str] | _rt.Unset = _rt.UNSET
    """Every toll-free number that reaches the audio conferencing service."""
    toll_number: str | _rt.Unset | None = _rt.UNSET
    """The main toll number of the audio conferencing service."""
    toll_numbers: list[str] | _rt.Unset = _rt.UNSET
    """Every toll number that reaches the audio conferencing service."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("conference_id", "conferenceId", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec("dialin_url", "dialinUrl", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "toll_free_number", "tollFreeNumber", _rt.Nullable(_rt.STR), False
        ),
        _rt.FieldSpec(
            "toll_free_numbers", "tollFreeNumbers", _rt.ListOf(_rt.STR), False
        ),
        _rt.FieldSpec("toll_number", "tollNumber", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec("toll_numbers", "tollNumbers", _rt.ListOf(_rt.STR), False),
    )
