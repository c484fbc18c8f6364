"""Models of Microsoft Graph, imported on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_level import AccessLevel as AccessLevel
    from .audio_conferencing import AudioConferencing as AudioConferencing
    from .body_type import BodyType as BodyType
    from .chat_info import ChatInfo as ChatInfo
    from .entity import Entity as Entity
    from .error_details import ErrorDetails as ErrorDetails
    from .identity import Identity as Identity
    from .identity_set import IdentitySet as IdentitySet
    from .item_body import ItemBody as ItemBody
    from .lobby_bypass_scope import LobbyBypassScope as LobbyBypassScope
    from .lobby_bypass_settings import LobbyBypassSettings as LobbyBypassSettings
    from .main_error import MainError as MainError
    from .me_online_meetings_create_or_get_request import (
        MeOnlineMeetingsCreateOrGetRequest as MeOnlineMeetingsCreateOrGetRequest,
    )
    from .meeting_participant_info import (
        MeetingParticipantInfo as MeetingParticipantInfo,
    )
    from .meeting_participants import MeetingParticipants as MeetingParticipants
    from .o_data_error import ODataError as ODataError
    from .online_meeting import OnlineMeeting as OnlineMeeting
    from .online_meeting_collection_response import (
        OnlineMeetingCollectionResponse as OnlineMeetingCollectionResponse,
    )
    from .online_meeting_presenters import (
        OnlineMeetingPresenters as OnlineMeetingPresenters,
    )
    from .online_meeting_role import OnlineMeetingRole as OnlineMeetingRole
    from .users_online_meetings_create_or_get_request import (
        UsersOnlineMeetingsCreateOrGetRequest as UsersOnlineMeetingsCreateOrGetRequest,
    )

_EXPORTS: dict[str, str] = {
    "AccessLevel": "access_level",
    "AudioConferencing": "audio_conferencing",
    "BodyType": "body_type",
    "ChatInfo": "chat_info",
    "Entity": "entity",
    "ErrorDetails": "error_details",
    "Identity": "identity",
    "IdentitySet": "identity_set",
    "ItemBody": "item_body",
    "LobbyBypassScope": "lobby_bypass_scope",
    "LobbyBypassSettings": "lobby_bypass_settings",
    "MainError": "main_error",
    "MeOnlineMeetingsCreateOrGetRequest": "me_online_meetings_create_or_get_request",
    "MeetingParticipantInfo": "meeting_participant_info",
    "MeetingParticipants": "meeting_participants",
    "ODataError": "o_data_error",
    "OnlineMeeting": "online_meeting",
    "OnlineMeetingCollectionResponse": "online_meeting_collection_response",
    "OnlineMeetingPresenters": "online_meeting_presenters",
    "OnlineMeetingRole": "online_meeting_role",
    "UsersOnlineMeetingsCreateOrGetRequest": "users_online_meetings_create_or_get_request",
}

__all__ = [
    "AccessLevel",
    "AudioConferencing",
    "BodyType",
    "ChatInfo",
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
    "ODataError",
    "OnlineMeeting",
    "OnlineMeetingCollectionResponse",
    "OnlineMeetingPresenters",
    "OnlineMeetingRole",
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
