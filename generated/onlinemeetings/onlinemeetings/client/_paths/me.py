"""Request builders for ``/me/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onlinemeetings.client._core import AsyncBuilder, Builder

if TYPE_CHECKING:
    from onlinemeetings.client._paths.me_online_meetings import (
        AsyncMeOnlineMeetingsBuilder,
        MeOnlineMeetingsBuilder,
    )


class MeBuilder(Builder):
    """``/me/onlineMeetings``"""

    __slots__ = ()

    @property
    def online_meetings(self) -> MeOnlineMeetingsBuilder:
        from onlinemeetings.client._paths.me_online_meetings import (
            MeOnlineMeetingsBuilder,
        )

        return MeOnlineMeetingsBuilder(self._sender, self._path)


class AsyncMeBuilder(AsyncBuilder):
    """``/me/onlineMeetings`` (async)"""

    __slots__ = ()

    @property
    def online_meetings(self) -> AsyncMeOnlineMeetingsBuilder:
        from onlinemeetings.client._paths.me_online_meetings import (
            AsyncMeOnlineMeetingsBuilder,
        )

        return AsyncMeOnlineMeetingsBuilder(self._sender, self._path)
