"""The Identity model (#/components/schemas/microsoft.graph.identity)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from onlinemeetings import _runtime as _rt
from onlinemeetings.models.entity import Entity


@dataclass(slots=True, kw_only=True, repr=False)
class Identity(Entity):
    """Identifies a single actor, such as a user, an application or a device. It is used inside an identitySet."""

    display_name: str | _rt.Unset | None = _rt.UNSET
    """The name to show for the actor. It may lag behind a rename, so do not use it to identify anyone."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        *Entity._fields,
        _rt.FieldSpec("display_name", "displayName", _rt.Nullable(_rt.STR), False),
    )
