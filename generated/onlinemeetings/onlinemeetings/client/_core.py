"""Sending requests: one generated source for the sync and the async sender.

A sender owns nothing but settings; the ``httpx`` client belongs to :class:`Client` /
:class:`AsyncClient`. Each attempt re-reads the token, so a credential that refreshes is honoured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import httpx

from onlinemeetings.client import _retry
from onlinemeetings.client._auth import (
    AsyncCredential,
    Credential,
    async_token_for,
    token_for,
)
from onlinemeetings.client._request import (
    NO_BODY,
    HeaderItems,
    Operation,
    QueryItems,
    build_request,
)
from onlinemeetings.client._retry import RetryPolicy
from onlinemeetings.client.errors import error_for_response

__all__ = ["AsyncBuilder", "AsyncSender", "Builder", "Sender"]


class Sender:
    """Sends the requests of one Client: authentication, retries and error mapping."""

    __slots__ = ("base_url", "credential", "headers", "http", "retry", "scopes")

    def __init__(
        self,
        http: httpx.Client,
        base_url: str,
        credential: Credential | None,
        scopes: Sequence[str] | None,
        retry: RetryPolicy,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.http = http
        self.headers = dict(headers or {})
        self.base_url = base_url
        self.credential = credential
        self.scopes = tuple(scopes) if scopes is not None else None
        self.retry = retry

    def send(
        self,
        op: Operation,
        *,
        path: Sequence[object] = (),
        query: QueryItems = (),
        headers: HeaderItems = (),
        cookies: HeaderItems = (),
        body: object = NO_BODY,
    ) -> httpx.Response:
        """Send one call and return its 2xx response (read); raise :class:`ApiError` otherwise."""
        request = build_request(
            self.http,
            self.base_url,
            op,
            path=path,
            query=query,
            headers=(*self.headers.items(), *headers),
            cookies=cookies,
            body=body,
        )
        return self.send_request(op, request)

    def send_next(self, op: Operation, url: str) -> httpx.Response:
        """Follow a next link (an absolute URL the service gave) with ``op``'s scopes and retries."""
        return self.send_request(op, self.http.build_request("GET", url))

    def send_request(
        self,
        op: Operation,
        request: httpx.Request,
    ) -> httpx.Response:
        token = token_for(
            self.credential, self.scopes if self.scopes is not None else op.scopes
        )
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        attempt = 0
        while True:
            try:
                response = self.http.send(request)
            except httpx.TransportError as error:
                if not self.retry.should_retry_error(
                    error, attempt, idempotent=op.idempotent
                ):
                    raise
                delay: float | None = self.retry.backoff_delay(attempt + 1)
            else:
                if response.is_success:
                    return response
                delay = None
                if self.retry.should_retry(
                    response.status_code, attempt, idempotent=op.idempotent
                ):
                    delay = self.retry.delay(attempt + 1, response.headers)
            if delay is None:
                raise error_for_response(response)
            attempt += 1
            _retry.sleep(delay)


class Builder:
    """Base of the request builders: the sender, and the path values bound so far."""

    __slots__ = ("_path", "_sender")

    def __init__(self, sender: Sender, path: tuple[object, ...] = ()) -> None:
        self._sender = sender
        self._path = path


class AsyncSender:
    """Sends the requests of one AsyncClient: authentication, retries and error mapping."""

    __slots__ = ("base_url", "credential", "headers", "http", "retry", "scopes")

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        credential: AsyncCredential | None,
        scopes: Sequence[str] | None,
        retry: RetryPolicy,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.http = http
        self.headers = dict(headers or {})
        self.base_url = base_url
        self.credential = credential
        self.scopes = tuple(scopes) if scopes is not None else None
        self.retry = retry

    async def send(
        self,
        op: Operation,
        *,
        path: Sequence[object] = (),
        query: QueryItems = (),
        headers: HeaderItems = (),
        cookies: HeaderItems = (),
        body: object = NO_BODY,
    ) -> httpx.Response:
        """Send one call and return its 2xx response (read); raise :class:`ApiError` otherwise."""
        request = build_request(
            self.http,
            self.base_url,
            op,
            path=path,
            query=query,
            headers=(*self.headers.items(), *headers),
            cookies=cookies,
            body=body,
        )
        return await self.send_request(op, request)

    async def send_next(self, op: Operation, url: str) -> httpx.Response:
        """Follow a next link (an absolute URL the service gave) with ``op``'s scopes and retries."""
        return await self.send_request(op, self.http.build_request("GET", url))

    async def send_request(
        self,
        op: Operation,
        request: httpx.Request,
    ) -> httpx.Response:
        token = await async_token_for(
            self.credential, self.scopes if self.scopes is not None else op.scopes
        )
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        attempt = 0
        while True:
            try:
                response = await self.http.send(request)
            except httpx.TransportError as error:
                if not self.retry.should_retry_error(
                    error, attempt, idempotent=op.idempotent
                ):
                    raise
                delay: float | None = self.retry.backoff_delay(attempt + 1)
            else:
                if response.is_success:
                    return response
                delay = None
                if self.retry.should_retry(
                    response.status_code, attempt, idempotent=op.idempotent
                ):
                    delay = self.retry.delay(attempt + 1, response.headers)
            if delay is None:
                raise error_for_response(response)
            attempt += 1
            await _retry.async_sleep(delay)


class AsyncBuilder:
    """Base of the request builders: the sender, and the path values bound so far."""

    __slots__ = ("_path", "_sender")

    def __init__(self, sender: AsyncSender, path: tuple[object, ...] = ()) -> None:
        self._sender = sender
        self._path = path
