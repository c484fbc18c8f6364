"""The MainError model (#/components/schemas/microsoft.graph.ODataErrors.MainError)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from typing import Any

    from onlinemeetings.models.error_details import ErrorDetails


@dataclass(slots=True, kw_only=True, repr=False)
class MainError(_rt.Model):
    """The MainError model."""

    code: str
    message: str
    target: str | _rt.Unset | None = _rt.UNSET
    details: list[ErrorDetails] | _rt.Unset = _rt.UNSET
    innererror: dict[str, Any] | _rt.Unset = _rt.UNSET

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("code", "code", _rt.STR, True),
        _rt.FieldSpec("message", "message", _rt.STR, True),
        _rt.FieldSpec("target", "target", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "details",
            "details",
            _rt.ListOf(
                _rt.ModelOf("onlinemeetings.models.error_details", "ErrorDetails")
            ),
            False,
        ),
        _rt.FieldSpec("innererror", "innererror", _rt.ANY_OBJECT, False),
    )
