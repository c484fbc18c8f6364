"""The ODataError model (#/components/schemas/microsoft.graph.ODataErrors.ODataError)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.main_error import MainError


@dataclass(slots=True, kw_only=True, repr=False)
class ODataError(_rt.Model):
    """The ODataError model."""

    error: MainError

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "error",
            "error",
            _rt.ModelOf("onlinemeetings.models.main_error", "MainError"),
            True,
        ),
    )
