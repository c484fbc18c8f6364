"""The IdentitySet model (#/components/schemas/microsoft.graph.identitySet)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from typing import Any

    from onlinemeetings.models.identity import Identity


@dataclass(slots=True, kw_only=True)
class IdentitySet(_rt.Model):
    """Names an actor by up to three identity values: the user, the application acting for them, and the device used. Usually only some of them are present."""

    application: Identity | dict[str, Any] | None | _rt.Unset = _rt.UNSET
    """The application involved, when there is one."""
    device: Identity | dict[str, Any] | None | _rt.Unset = _rt.UNSET
    """The device involved, when it is known."""
    user: Identity | dict[str, Any] | None | _rt.Unset = _rt.UNSET
    """The user involved, when there is one."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "application",
            "application",
            _rt.UnionOf(
                (
                    _rt.ModelOf("onlinemeetings.models.identity", "Identity"),
                    _rt.Nullable(_rt.ANY_OBJECT),
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "device",
            "device",
            _rt.UnionOf(
                (
                    _rt.ModelOf("onlinemeetings.models.identity", "Identity"),
                    _rt.Nullable(_rt.ANY_OBJECT),
                )
            ),
            False,
        ),
        _rt.FieldSpec(
            "user",
            "user",
            _rt.UnionOf(
                (
                    _rt.ModelOf("onlinemeetings.models.identity", "Identity"),
                    _rt.Nullable(_rt.ANY_OBJECT),
                )
            ),
            False,
        ),
    )
