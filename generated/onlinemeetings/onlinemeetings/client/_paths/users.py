"""Request builders for ``/users/{user-id}/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._core import AsyncBuilder, Builder

if TYPE_CHECKING:
    from onlinemeetings.client._paths.users_item import (
        AsyncUsersItemBuilder,
        UsersItemBuilder,
    )


class UsersBuilder(Builder):
    """``/users/{user-id}/onlineMeetings``"""

    __slots__ = ()

    def by_id(self, user_id: str) -> UsersItemBuilder:
        from onlinemeetings.client._paths.users_item import UsersItemBuilder

        return UsersItemBuilder(self._sender, (*self._path, user_id))


class AsyncUsersBuilder(AsyncBuilder):
    """``/users/{user-id}/onlineMeetings`` (async)"""

    __slots__ = ()

    def by_id(self, user_id: str) -> AsyncUsersItemBuilder:
        from onlinemeetings.client._paths.users_item import AsyncUsersItemBuilder

        return AsyncUsersItemBuilder(self._sender, (*self._path, user_id))
