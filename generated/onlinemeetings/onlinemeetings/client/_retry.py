"""When and how long to wait before sending a request again.

429, 503 and 504 are retried with exponential backoff and full jitter, honouring ``Retry-After``
(seconds or an HTTP date). Only operations that are idempotent are retried by default — GET, HEAD,
OPTIONS, PUT, DELETE, and those the spec marks idempotent; a POST or PATCH is retried only with
``RetryPolicy(retry_non_idempotent=True)``. Transport failures are retried with the same backoff: a
failure to connect always (nothing was sent), a timeout or broken connection only where a status
would be (the request may have arrived).
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

__all__ = ["NO_RETRY", "RetryPolicy", "async_sleep", "sleep"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """Retry settings of a client; immutable, so one policy can be shared by several clients."""

    #: Retries after the first attempt; 0 disables retrying.
    max_retries: int = 3
    #: Delay before the first retry, doubled for each further one (seconds).
    backoff: float = 0.5
    #: Upper bound of a computed backoff delay (seconds).
    max_backoff: float = 30.0
    #: Upper bound of a server's ``Retry-After``; a longer request gives up instead of waiting.
    max_retry_after: float = 300.0
    #: Statuses that are retried.
    statuses: frozenset[int] = field(default_factory=lambda: frozenset({429, 503, 504}))
    #: Retry POST/PATCH operations that the spec does not mark idempotent too.
    retry_non_idempotent: bool = False
    #: Retry after transport failures (``httpx.TransportError``: connection, timeout, protocol).
    retry_transport_errors: bool = True

    def delay(self, attempt: int, headers: Mapping[str, str]) -> float | None:
        """Seconds to wait before retry number ``attempt`` (1-based), or None to give up."""
        hint = retry_after_seconds(headers.get("Retry-After"))
        if hint is not None:
            return hint if hint <= self.max_retry_after else None
        return self.backoff_delay(attempt)

    def backoff_delay(self, attempt: int) -> float:
        """Exponential backoff with full jitter for retry number ``attempt`` (1-based)."""
        ceiling = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        return random.uniform(
            ceiling / 2, ceiling
        )  # noqa: S311 - jitter, not cryptography

    def should_retry_error(
        self, error: Exception, attempt: int, *, idempotent: bool
    ) -> bool:
        """Whether a request that failed with ``error`` after ``attempt`` retries is sent again."""
        if not (self.retry_transport_errors and attempt < self.max_retries):
            return False
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
            return True  # the request never left
        return isinstance(error, httpx.TransportError) and (
            idempotent or self.retry_non_idempotent
        )

    def should_retry(self, status: int, attempt: int, *, idempotent: bool) -> bool:
        """Whether a response with ``status`` after ``attempt`` retries so far is sent again."""
        return (
            status in self.statuses
            and attempt < self.max_retries
            and (idempotent or self.retry_non_idempotent)
        )


#: A policy that never retries.
NO_RETRY = RetryPolicy(max_retries=0)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils  # rarely needed: servers send seconds

    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def sleep(seconds: float) -> None:
    """Blocking wait between retries (a module attribute so tests can replace it)."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Async wait between retries, on whichever event loop anyio finds (asyncio or trio)."""
    # httpx depends on anyio; importing it here keeps importing the client cheap
    import anyio

    await anyio.sleep(seconds)
