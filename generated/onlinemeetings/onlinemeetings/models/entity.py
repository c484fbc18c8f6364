"""The Entity model (#/components/schemas/microsoft.graph.entity)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from onlinemeetings import _runtime as _rt


@dataclass(slots=True, kw_only=True, repr=False)
class Entity(_rt.Model):
    """The abstract base of every resource in this API that can be addressed on its own. It contributes the id property, which is the key of the resource."""

    id: str | _rt.Unset = _rt.UNSET
    """The unique identifier of the resource. Read-only."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("id", "id", _rt.STR, False),
    )
    _discriminator: ClassVar[str | None] = "@odata.type"
    _subtypes: ClassVar[Mapping[str, tuple[str, str]]] = _rt.SharedTable(
        "onlinemeetings.models._odata", "TABLE"
    )
