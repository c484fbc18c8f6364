"""The LobbyBypassSettings model (#/components/schemas/microsoft.graph.lobbyBypassSettings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from onlinemeetings import _runtime as _rt

if TYPE_CHECKING:
    from onlinemeetings.models.lobby_bypass_scope import LobbyBypassScope


@dataclass(slots=True, kw_only=True, repr=False)
class LobbyBypassSettings(_rt.Model):
    """Decides which participants of an onlineMeeting are let in at once and which wait in the lobby until someone admits them."""

    is_dial_in_bypass_enabled: bool | _rt.Unset | None = _rt.UNSET
    """Whether people who join by phone always skip the lobby. Optional."""
    scope: LobbyBypassScope | _rt.Unset | None = _rt.UNSET
    """Which participants skip the lobby. The values are listed in the next table. Optional."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec(
            "is_dial_in_bypass_enabled",
            "isDialInBypassEnabled",
            _rt.Nullable(_rt.BOOL),
            False,
        ),
        _rt.FieldSpec(
            "scope",
            "scope",
            _rt.Nullable(
                _rt.EnumOf(
                    "onlinemeetings.models.lobby_bypass_scope", "LobbyBypassScope"
                )
            ),
            False,
        ),
    )
