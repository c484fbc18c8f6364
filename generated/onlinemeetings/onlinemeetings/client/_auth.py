"""Bearer-token authentication: a fixed token, a callable, or an azure-identity style credential.

Every operation knows the OAuth2 scopes its spec declares; they are passed to the token source so that a
credential (azure-identity, MSAL, your own cache) can pick or request the right token. ``scopes=`` on the
client replaces them (e.g. ``["https://graph.microsoft.com/.default"]`` for app-only tokens).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, TypeAlias, runtime_checkable

__all__ = [
    "AsyncCredential",
    "AsyncTokenCredential",
    "Credential",
    "TokenCredential",
    "async_token_for",
    "token_for",
]


@runtime_checkable
class TokenCredential(Protocol):
    """What azure-identity's credentials provide: ``get_token(*scopes)`` returning an object with ``.token``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


@runtime_checkable
class AsyncTokenCredential(Protocol):
    """azure-identity's ``azure.identity.aio`` credentials: ``await get_token(*scopes)``."""

    async def get_token(self, *scopes: str, **kwargs: Any) -> Any: ...


#: A token source for :class:`Client`: a bearer token, ``f(scopes) -> token`` or a credential object.
Credential: TypeAlias = str | Callable[[Sequence[str]], str] | TokenCredential
#: A token source for :class:`AsyncClient`: anything a :data:`Credential` is, or an async variant.
AsyncCredential: TypeAlias = (
    str
    | Callable[[Sequence[str]], str]
    | Callable[[Sequence[str]], Awaitable[str]]
    | TokenCredential
    | AsyncTokenCredential
)


def _as_token(value: Any) -> str:
    token = getattr(value, "token", value)
    if not isinstance(token, str):
        raise TypeError(
            f"the credential returned {type(token).__name__}, expected a token string"
        )
    return token


def token_for(credential: Credential | None, scopes: Sequence[str]) -> str | None:
    """The bearer token for one request, or None when the client has no credential."""
    if credential is None:
        return None
    if isinstance(credential, str):
        return credential
    if isinstance(credential, TokenCredential):
        return _as_token(credential.get_token(*scopes))
    return _as_token(credential(scopes))


async def async_token_for(
    credential: AsyncCredential | None, scopes: Sequence[str]
) -> str | None:
    """Like :func:`token_for`, awaiting the token source when it is asynchronous."""
    if credential is None:
        return None
    if isinstance(credential, str):
        return credential
    if isinstance(credential, TokenCredential | AsyncTokenCredential):
        result: Any = credential.get_token(*scopes)
    else:
        result = credential(scopes)
    if inspect.isawaitable(result):
        result = await result
    return _as_token(result)
