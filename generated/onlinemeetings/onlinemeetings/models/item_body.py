"""The ItemBody model (#/components/schemas/microsoft.graph.itemBody)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.body_type import BodyType


@dataclass(slots=True, kw_only=True, repr=False)
class ItemBody(_rt.Model):
    """A block of text and the format it is written in. An onlineMeeting uses it for its join information."""

    content: str | _rt.Unset | None = _rt.UNSET
    """The text itself."""
    content_type: BodyType | _rt.Unset | None = _rt.UNSET
    """The format of content: text or html."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("content", "content", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "content_type",
            "contentType",
            _rt.Nullable(_rt.EnumOf("onlinemeetings.models.body_type", "BodyType")),
            False,
        ),
    )
