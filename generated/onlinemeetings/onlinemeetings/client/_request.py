"""Turning one call's arguments into an ``httpx.Request``: pure functions, no I/O.

The generated methods pass their arguments through unchanged; the encoding rules live here once:
path values are percent-encoded (``/`` too), query arrays are comma-joined (``style: form, explode:
false``, the OData convention for ``$select``) or repeated (``explode: true``), ``None`` means "not
sent", and a body is a model (encoded with its codec), a plain dict/list (sent as given), bytes or a
file for binary content.
"""

from __future__ import annotations

import base64
import datetime as _dt
import enum
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx

__all__ = ["NO_BODY", "Operation", "build_request", "jsonable"]

#: Characters left as they are in a path value: RFC 3986 ``pchar`` without ``/``.
_PATH_SAFE = "-._~!$&'()*+,;=:@"
#: Characters left as they are in a query name or value (``$select=id,subject`` stays readable);
#: ``&``, ``=``, ``+``, ``#`` and spaces (as ``%20``, never ``+``) are encoded.
_QUERY_SAFE = "-._~!$'()*,;:@/?"
#: RFC 6265 cookie-octets, less ``,`` (it joins array items)
_COOKIE_SAFE = "-._~!$'()*:@/?"


@dataclass(frozen=True, slots=True)
class Operation:
    """What the spec says about one operation, as the runtime needs it.

    ``path`` is the spec's template with positional placeholders (``/users/{0}/onlineMeetings``);
    ``template`` is the spec's own text, kept for messages and tests.
    """

    method: str
    path: str
    template: str
    operation_id: str
    scopes: tuple[str, ...] = ()
    idempotent: bool = False
    content_type: str | None = None
    accept: str | None = None


class _NoBody:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_BODY"


#: "This call sends no body" (distinct from a JSON ``null`` body).
NO_BODY: Any = _NoBody()

QueryItems = Iterable[tuple[str, object, bool]]
HeaderItems = Iterable[tuple[str, object]]


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    base_url: str,
    op: Operation,
    *,
    path: Sequence[object] = (),
    query: QueryItems = (),
    headers: HeaderItems = (),
    cookies: HeaderItems = (),
    body: object = NO_BODY,
) -> httpx.Request:
    """The request for one call (without authentication, which the sender adds per attempt).

    Cookie parameters go into one ``Cookie`` header (after any the caller set), form style:
    ``name=value`` pairs, values percent-encoded, arrays comma separated.
    """
    url = base_url.rstrip("/") + op.path.format(
        *(quote(scalar(v), safe=_PATH_SAFE) for v in path)
    )
    params = encode_query(query)
    if params:
        url += "?" + "&".join(
            f"{quote(k, safe=_QUERY_SAFE)}={quote(v, safe=_QUERY_SAFE)}"
            for k, v in params
        )
    header_map = {name: scalar(value) for name, value in headers if value is not None}
    crumbs = [
        f"{name}={','.join(quote(scalar(v), safe=_COOKIE_SAFE) for v in _values(value))}"
        for name, value in cookies
        if value is not None
    ]
    if crumbs:
        header_map["Cookie"] = "; ".join(
            [*filter(None, [header_map.get("Cookie")]), *crumbs]
        )
    if op.accept and "Accept" not in header_map:
        header_map["Accept"] = op.accept
    if _needs_eventual_consistency(params) and "ConsistencyLevel" not in header_map:
        header_map["ConsistencyLevel"] = "eventual"
    content: dict[str, Any] = {}
    if body is not NO_BODY:
        content = _encode_body(op.content_type or "application/json", body, header_map)
    return client.build_request(op.method, url, headers=header_map, **content)


def _values(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple | set | frozenset) else [value]


def encode_query(items: QueryItems) -> list[tuple[str, str]]:
    """Query pairs in declaration order; ``None`` values are left out."""
    pairs: list[tuple[str, str]] = []
    for name, value, explode in items:
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            values = [scalar(v) for v in value]
            if explode:
                pairs.extend((name, v) for v in values)
            else:
                pairs.append((name, ",".join(values)))
        else:
            pairs.append((name, scalar(value)))
    return pairs


def scalar(value: object) -> str:
    """One path, query or header value as text: booleans as ``true``/``false``, enums by value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return scalar(value.value)
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    return str(value)


def jsonable(value: object) -> Any:
    """A plain JSON value for what the caller passed: models via ``to_dict``, dates as ISO text."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _encode_body(
    content_type: str, body: object, headers: dict[str, str]
) -> dict[str, Any]:
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        headers.setdefault("Content-Type", content_type)
        return {
            "content": json.dumps(jsonable(body), ensure_ascii=False).encode("utf-8")
        }
    if media == "multipart/form-data":
        data, files = _form_parts(body)
        # Text fields as (None, text) parts keep the body multipart even without files.
        return {
            "files": [(k, (None, v)) for k, v in data.items()] + list(files.items())
        }
    if media == "application/x-www-form-urlencoded":
        return {"data": _form_parts(body)[0]}
    headers.setdefault("Content-Type", content_type)
    if isinstance(body, str):
        return {"content": body.encode("utf-8")}
    return {"content": body}


def _form_parts(body: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a form into text fields and file fields (bytes or file objects)."""
    plain = jsonable(body) if not isinstance(body, Mapping) else body
    data: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for key, value in (plain.items() if isinstance(plain, Mapping) else ()):
        if value is None:
            continue
        if isinstance(value, bytes) or hasattr(value, "read"):
            files[str(key)] = value
        elif isinstance(value, Mapping | list):
            data[str(key)] = json.dumps(jsonable(value))
        else:
            data[str(key)] = scalar(jsonable(value))
    return data, files


def _needs_eventual_consistency(params: list[tuple[str, str]]) -> bool:
    """Graph's advanced queries ($search, $count=true) need ``ConsistencyLevel: eventual``."""
    return any(
        name == "$search" or (name == "$count" and value == "true")
        for name, value in params
    )
