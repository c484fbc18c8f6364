"""Models of Microsoft Graph, imported on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._runtime import UNSET as UNSET
    from ._runtime import DecodeError as DecodeError
    from ._runtime import Model as Model
    from ._runtime import Unset as Unset
    from .models.access_level import AccessLevel as AccessLevel
    from .models.audio_conferencing import AudioConferencing as AudioConferencing
    from .models.body_type import BodyType as BodyType
    from .models.chat_info import ChatInfo as ChatInfo
    from .models.entity import Entity as Entity
    from .models.error_details import ErrorDetails as ErrorDetails
    from .models.identity import Identity as Identity
    from .models.identity_set import IdentitySet as IdentitySet
    from .models.item_body import ItemBody as ItemBody
    from .models.lobby_bypass_scope import LobbyBypassScope as LobbyBypassScope
    from .models.lobby_bypass_settings import LobbyBypassSettings as LobbyBypassSettings
    from .models.main_error import MainError as MainError
    from .models.me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest as MeOnlineMeetingsCreateOrGetRequest,
    )
    from .models.meeting_participant_info import (
        MeetingParticipantInfo as MeetingParticipantInfo,
    )
    from .models.meeting_participants import MeetingParticipants as MeetingParticipants
    from .models.o_data_error import ODataError as ODataError
    from .models.online_meeting import OnlineMeeting as OnlineMeeting
    from .models.online_meeting_collection_response import (
        OnlineMeetingCollectionResponse as OnlineMeetingCollectionResponse,
    )
    from .models.online_meeting_presenters import (
        OnlineMeetingPresenters as OnlineMeetingPresenters,
    )
    from .models.online_meeting_role import OnlineMeetingRole as OnlineMeetingRole
    from .models.users_online_meetings_create_or_get_request import (
        UsersOnlineMeetingsCreateOrGetRequest as UsersOnlineMeetingsCreateOrGetRequest,
    )

_EXPORTS: dict[str, str] = {
    "UNSET": "_runtime",
    "AccessLevel": "models.access_level",
    "AudioConferencing": "models.audio_conferencing",
    "BodyType": "models.body_type",
    "ChatInfo": "models.chat_info",
    "DecodeError": "_runtime",
    "Entity": "models.entity",
    "ErrorDetails": "models.error_details",
    "Identity": "models.identity",
    "IdentitySet": "models.identity_set",
    "ItemBody": "models.item_body",
    "LobbyBypassScope": "models.lobby_bypass_scope",
    "LobbyBypassSettings": "models.lobby_bypass_settings",
    "MainError": "models.main_error",
    "MeOnlineMeetingsCreateOrGetRequest": "models.me_online_meetings_create_or_get_request",
    "MeetingParticipantInfo": "models.meeting_participant_info",
    "MeetingParticipants": "models.meeting_participants",
    "Model": "_runtime",
    "ODataError": "models.o_data_error",
    "OnlineMeeting": "models.online_meeting",
    "OnlineMeetingCollectionResponse": "models.online_meeting_collection_response",
    "OnlineMeetingPresenters": "models.online_meeting_presenters",
    "OnlineMeetingRole": "models.online_meeting_role",
    "Unset": "_runtime",
    "UsersOnlineMeetingsCreateOrGetRequest": "models.users_online_meetings_create_or_get_request",
}

__all__ = [
    "UNSET",
    "AccessLevel",
    "AudioConferencing",
    "BodyType",
    "ChatInfo",
    "DecodeError",
    "Entity",
    "ErrorDetails",
    "Identity",
    "IdentitySet",
    "ItemBody",
    "LobbyBypassScope",
    "LobbyBypassSettings",
    "MainError",
    "MeOnlineMeetingsCreateOrGetRequest",
    "MeetingParticipantInfo",
    "MeetingParticipants",
    "Model",
    "ODataError",
    "OnlineMeeting",
    "OnlineMeetingCollectionResponse",
    "OnlineMeetingPresenters",
    "OnlineMeetingRole",
    "Unset",
    "UsersOnlineMeetingsCreateOrGetRequest",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
