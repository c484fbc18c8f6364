"""Request builders for ``/me/onlineMeetings`` and below (generated; do not edit)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from onlinemeetings.client._core import AsyncBuilder, Builder
from onlinemeetings.client._request import NO_BODY, Operation

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from onlinemeetings.client._paths.me_online_meetings import (
        AsyncMeOnlineMeetingsBuilder,
        MeOnlineMeetingsBuilder,
    )
    from typing import Any, IO


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
