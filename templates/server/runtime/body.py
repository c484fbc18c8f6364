"""Request bodies: size limit (413), media type (415), JSON syntax and schema (400), model parsing."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from .errors import ApiError, detail
from .operation import Body
from .spec import Spec


async def read_body(
    spec: Spec, body: Body, request: Request, max_size: int
) -> tuple[bool, Any]:
    """``(present, value)``: JSON becomes the model (or plain JSON), anything else stays bytes."""
    raw = await _read_limited(request, max_size)
    if not raw:
        if body.required:
            raise ApiError(400, "A request body is required.", details=[_missing()])
        return False, None
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    accepted = _accepted(media_type, body.media_types)
    if accepted is None:
        raise ApiError(
            415,
            f"Content type {media_type or '(none)'!r} is not accepted; "
            f"expected one of {', '.join(body.media_types)}.",
        )
    if not is_json(accepted):
        return True, raw
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise ApiError(
            400,
            f"The body is not valid JSON: {exc}",
            details=[_invalid(str(exc), "body")],
        ) from None
    problems = spec.violations(body.schema, value) if body.schema else None
    if problems:
        details = [
            _invalid(p.message, "body" + "".join(_step(part) for part in p.path))
            for p in problems[:20]
        ]
        first = details[0]
        raise ApiError(
            400,
            f"Invalid body: {first['target']} {first['message']}",
            details=details,
            target=first["target"],
        )
    return True, _decode(value, body)


def is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


async def _read_limited(request: Request, max_size: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_size:
        raise _too_large(max_size)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_size:
            raise _too_large(max_size)
        chunks.append(chunk)
    return b"".join(chunks)


def _accepted(media_type: str, accepted: tuple[str, ...]) -> str | None:
    """The spec's media type that ``media_type`` matches (wildcards allowed), or None."""
    for candidate in accepted:
        kind, _, sub = candidate.lower().partition("/")
        if candidate.lower() == media_type or candidate == "*/*":
            return candidate
        if sub == "*" and media_type.startswith(kind + "/"):
            return candidate
    return None


def _decode(value: Any, body: Body) -> Any:
    if body.decode is None:
        return value
    try:
        return body.decode(value)
    except (TypeError, ValueError, KeyError) as exc:
        raise ApiError(
            400, f"Invalid body: {exc}", details=[_invalid(str(exc), "body")]
        ) from None


def _step(part: str | int) -> str:
    return f"[{part}]" if isinstance(part, int) else f".{part}"


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"The request body is larger than {limit} bytes.")


def _missing() -> dict[str, str]:
    return detail("MissingBody", "is required", "body")


def _invalid(message: str, target: str) -> dict[str, str]:
    return detail("InvalidValue", message, target)
