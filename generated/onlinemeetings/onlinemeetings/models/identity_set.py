"""The IdentitySet model (#/components/schemas/microsoft.graph.identitySet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.identity import Identity


@dataclass(slots=True, kw_only=True, repr=False)
class IdentitySet(_rt.Model):
    """Names an actor by up to three identity values: the user, the application acting for them, and the device used. Usually only some of them are present."""

    application: Identity | _rt.Unset | None = _rt.UNSET
    """The application involved, when there is one."""
    device: Identity | _rt.Unset | None = _rt.UNSET
    """The device involved, when it is known."""
    user: Identity | _rt.Unset | None = _rt.UNSET
    """The user involved, when there is one."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "application",
            "application",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.identity", "Identity")),
            False,
        ),
        _rt.FieldSpec(
            "device",
            "device",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.identity", "Identity")),
            False,
        ),
        _rt.FieldSpec(
            "user",
            "user",
            _rt.Nullable(_rt.ModelOf("onlinemeetings.models.identity", "Identity")),
            False,
        ),
    )
