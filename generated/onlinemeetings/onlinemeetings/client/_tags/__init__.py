"""The client's operations grouped by tag: ``client.tags.<tag>.<operation>(...)`` (generated)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onlinemeetings.client._client import AsyncClient, Client
    from onlinemeetings.client._tags.me_online_meeting import (
        AsyncMeOnlineMeetingOperations,
        MeOnlineMeetingOperations,
    )
    from onlinemeetings.client._tags.users_online_meeting import (
        AsyncUsersOnlineMeetingOperations,
        UsersOnlineMeetingOperations,
    )


class Tags:
    """One attribute per tag of the spec, each imported on first use."""

    __slots__ = ("_client",)

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def me_online_meeting(self) -> MeOnlineMeetingOperations:
        """Operations tagged ``me.onlineMeeting``."""
        from onlinemeetings.client._tags.me_online_meeting import (
            MeOnlineMeetingOperations,
        )

        return MeOnlineMeetingOperations(self._client)

    @property
    def users_online_meeting(self) -> UsersOnlineMeetingOperations:
        """Operations tagged ``users.onlineMeeting``."""
        from onlinemeetings.client._tags.users_online_meeting import (
            UsersOnlineMeetingOperations,
        )

        return UsersOnlineMeetingOperations(self._client)


class AsyncTags:
    """One attribute per tag of the spec, each imported on first use."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @property
    def me_online_meeting(self) -> AsyncMeOnlineMeetingOperations:
        """Operations tagged ``me.onlineMeeting``."""
        from onlinemeetings.client._tags.me_online_meeting import (
            AsyncMeOnlineMeetingOperations,
        )

        return AsyncMeOnlineMeetingOperations(self._client)

    @property
    def users_online_meeting(self) -> AsyncUsersOnlineMeetingOperations:
        """Operations tagged ``users.onlineMeeting``."""
        from onlinemeetings.client._tags.users_online_meeting import (
            AsyncUsersOnlineMeetingOperations,
        )

        return AsyncUsersOnlineMeetingOperations(self._client)
