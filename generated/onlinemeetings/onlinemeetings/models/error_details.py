"""The ErrorDetails model (#/components/schemas/microsoft.graph.ODataErrors.ErrorDetails)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from onlinemeetings import _runtime as _rt


@dataclass(slots=True, kw_only=True, repr=False)
class ErrorDetails(_rt.Model):
    """The ErrorDetails model."""

    code: str
    message: str
    target: str | _rt.Unset | None = _rt.UNSET

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("code", "code", _rt.STR, True),
        _rt.FieldSpec("message", "message", _rt.STR, True),
        _rt.FieldSpec("target", "target", _rt.Nullable(_rt.STR), False),
    )
