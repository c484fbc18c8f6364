"""Errors raised by the client: one exception per failed response, typed by status.

Every non-2xx response raises an :class:`ApiError` subclass carrying the status, the headers, the raw
body and, when the body is an OData error (``{"error": {"code", "message", "innerError", ...}}``), its
parsed parts. Catch :class:`ApiError` for all of them, or a subclass for one kind.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "NotFoundError",
    "ODataError",
    "ODataErrorDetail",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "error_for_response",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ODataErrorDetail:
    """One entry of ``error.details``."""

    code: str
    message: str
    target: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ODataError:
    """The ``error`` member of an OData error body, as the service sent it (``raw`` keeps it whole)."""

    code: str
    message: str
    target: str | None
    details: tuple[ODataErrorDetail, ...]
    inner_error: Mapping[str, Any] | None
    raw: Mapping[str, Any]

    @classmethod
    def from_body(cls, body: object) -> ODataError | None:
        """Parse ``{"error": {...}}``; None when the body does not have that shape."""
        if not isinstance(body, Mapping):
            return None
        error = body.get("error")
        if not isinstance(error, Mapping):
            return None
        details = error.get("details")
        inner = error.get("innerError", error.get("innererror"))
        return cls(
            code=_text(error.get("code")),
            message=_text(error.get("message")),
            target=(
                error.get("target") if isinstance(error.get("target"), str) else None
            ),
            details=tuple(
                ODataErrorDetail(
                    code=_text(item.get("code")),
                    message=_text(item.get("message")),
                    target=(
                        item.get("target")
                        if isinstance(item.get("target"), str)
                        else None
                    ),
                )
                for item in (details if isinstance(details, list) else [])
                if isinstance(item, Mapping)
            ),
            inner_error=inner if isinstance(inner, Mapping) else None,
            raw=error,
        )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


class ApiError(Exception):
    """A response with a status outside 2xx."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    error: ODataError | None
    request_method: str
    request_url: str

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.content = response.content
        self.error = ODataError.from_body(_json_or_none(response.content))
        self.request_method = response.request.method
        self.request_url = str(response.request.url)
        summary = f"{self.status_code} {response.reason_phrase}".strip()
        if self.error is not None:
            summary += f": {self.error.code}: {self.error.message}"
        super().__init__(f"{summary} ({self.request_method} {self.request_url})")

    @property
    def code(self) -> str | None:
        """``error.code`` of the OData error body, if any."""
        return self.error.code if self.error is not None else None

    @property
    def message(self) -> str | None:
        """``error.message`` of the OData error body, if any."""
        return self.error.message if self.error is not None else None

    @property
    def inner_error(self) -> Mapping[str, Any] | None:
        """``error.innerError`` (request-id, date, ...) of the OData error body, if any."""
        return self.error.inner_error if self.error is not None else None

    @property
    def request_id(self) -> str | None:
        """The service's request id, from the headers or the inner error: quote it in support cases."""
        found: str | None = self.headers.get("request-id") or self.headers.get(
            "x-ms-request-id"
        )
        if found is None and self.inner_error is not None:
            value = self.inner_error.get("request-id")
            found = value if isinstance(value, str) else None
        return found


class BadRequestError(ApiError):
    """400."""


class AuthenticationError(ApiError):
    """401: missing, expired or invalid token."""


class PermissionDeniedError(ApiError):
    """403: the token lacks a required permission (scope)."""


class NotFoundError(ApiError):
    """404."""


class ConflictError(ApiError):
    """409."""


class RateLimitError(ApiError):
    """429, after the retries allowed by the retry policy; ``retry_after`` is the server's hint."""

    @property
    def retry_after(self) -> str | None:
        value: str | None = self.headers.get("Retry-After")
        return value


class ServerError(ApiError):
    """5xx."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_response(response: httpx.Response) -> ApiError:
    """The exception for a failed response (its body must have been read)."""
    kind = _BY_STATUS.get(response.status_code)
    if kind is None:
        kind = ServerError if response.status_code >= 500 else ApiError
    return kind(response)


def _json_or_none(content: bytes) -> object:
    try:
        return json.loads(content) if content else None
    except ValueError:
        return None
