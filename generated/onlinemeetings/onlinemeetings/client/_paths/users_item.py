"""Request builders for ``/users/{user-id}/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._core import AsyncBuilder, Builder

if TYPE_CHECKING:
    from onlinemeetings.client._paths.users_item_online_meetings import (
        AsyncUsersItemOnlineMeetingsBuilder,
        UsersItemOnlineMeetingsBuilder,
    )


class UsersItemBuilder(Builder):
    """``/users/{user-id}/onlineMeetings``"""

    __slots__ = ()

    @property
    def online_meetings(self) -> UsersItemOnlineMeetingsBuilder:
        from onlinemeetings.client._paths.users_item_online_meetings import (
            UsersItemOnlineMeetingsBuilder,
        )

        return UsersItemOnlineMeetingsBuilder(self._sender, self._path)


class AsyncUsersItemBuilder(AsyncBuilder):
    """``/users/{user-id}/onlineMeetings`` (async)"""

    __slots__ = ()

    @property
    def online_meetings(self) -> AsyncUsersItemOnlineMeetingsBuilder:
        from onlinemeetings.client._paths.users_item_online_meetings import (
            AsyncUsersItemOnlineMeetingsBuilder,
        )

        return AsyncUsersItemOnlineMeetingsBuilder(self._sender, self._path)
