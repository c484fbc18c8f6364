"""The OnlineMeetingCollectionResponse model (#/components/schemas/microsoft.graph.onlineMeetingCollectionResponse)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.online_meeting import OnlineMeeting


@dataclass(slots=True, kw_only=True, repr=False)
class OnlineMeetingCollectionResponse(_rt.Model):
    """Collection of onlineMeeting"""

    value: list[OnlineMeeting] | _rt.Unset = _rt.UNSET
    odata_next_link: str | _rt.Unset | None = _rt.UNSET

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "value",
            "value",
            _rt.ListOf(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting")
            ),
            False,
        ),
        _rt.FieldSpec(
            "odata_next_link", "@odata.nextLink", _rt.Nullable(_rt.STR), False
        ),
    )
