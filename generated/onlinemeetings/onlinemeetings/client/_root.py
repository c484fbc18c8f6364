"""Request builders for ``/me/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._core import AsyncBuilder, Builder

if TYPE_CHECKING:
    from onlinemeetings.client._paths.me import AsyncMeBuilder, MeBuilder
    from onlinemeetings.client._paths.users import AsyncUsersBuilder, UsersBuilder


class Root(Builder):
    """``/me/onlineMeetings``"""

    __slots__ = ()

    @property
    def me(self) -> MeBuilder:
        from onlinemeetings.client._paths.me import MeBuilder

        return MeBuilder(self._sender, self._path)

    @property
    def users(self) -> UsersBuilder:
        from onlinemeetings.client._paths.users import UsersBuilder

        return UsersBuilder(self._sender, self._path)


class AsyncRoot(AsyncBuilder):
    """``/me/onlineMeetings`` (async)"""

    __slots__ = ()

    @property
    def me(self) -> AsyncMeBuilder:
        from onlinemeetings.client._paths.me import AsyncMeBuilder

        return AsyncMeBuilder(self._sender, self._path)

    @property
    def users(self) -> AsyncUsersBuilder:
        from onlinemeetings.client._paths.users import AsyncUsersBuilder

        return AsyncUsersBuilder(self._sender, self._path)
