"""The ASGI application: Starlette, with every operation routed through one path tree.

Operations are grouped by path template so that 405 (a known path, an undocumented method) and 404
(no such path) can be told apart and answered in the OData error shape. Literal segments win over
parameters (``/users/delta()`` before ``/users/{user_id}``), see :mod:`.routing`. Nothing per
operation is compiled at startup: validators are built on first use (see :mod:`.spec`).
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .body import read_body
from .errors import ApiError, OperationNotImplementedError
from .mock import mock_response
from .operation import Operation
from .params import read_params
from .routing import PathTree
from .spec import Spec

LOG = logging.getLogger(__name__)
DEFAULT_MAX_BODY_SIZE = 10 * 1024 * 1024
Endpoint = Callable[[Request], Awaitable[Response]]
#: Every route accepts every method, so an undocumented one gets our 405 with ``Allow``.
_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"]


@dataclasses.dataclass(slots=True)
class Settings:
    """What :func:`build_app` needs besides the operations and the services."""

    spec: Spec
    max_body_size: int = DEFAULT_MAX_BODY_SIZE
    mock: bool = False
    mocks: dict[str, Response] = dataclasses.field(
        default_factory=dict
    )  # by operation pointer


def build_app(
    operations: Sequence[Operation],
    services: Iterable[object],
    settings: Settings,
    *,
    debug: bool = False,
) -> Starlette:
    """An app answering every operation: by a service method, the mock, or 501."""
    by_route: dict[str, dict[str, Operation]] = {}
    for operation in operations:
        by_route.setdefault(operation.route, {})[operation.method.upper()] = operation
    tree: PathTree[dict[str, Operation]] = PathTree()
    for route, methods in by_route.items():
        tree.add(route, methods)
    routes = [
        Route("/openapi.json", _openapi(settings.spec), methods=["GET"]),
        Route(
            "/{path:path}",
            _dispatch(tree, _services(services), settings),
            methods=_METHODS,
        ),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Response]] = {
        HTTPException: _http_error,
        ApiError: _api_error,
        Exception: _server_error,
    }
    return Starlette(debug=debug, routes=routes, exception_handlers=handlers)


def _services(services: Iterable[object]) -> dict[str, object]:
    """Each service base class name (``_service_name`` of the generated bases) → its implementation."""
    found: dict[str, object] = {}
    for service in services:
        for cls in type(service).__mro__:
            name = cls.__dict__.get("_service_name")
            if isinstance(name, str):
                found.setdefault(name, service)
    return found


def _dispatch(
    tree: PathTree[dict[str, Operation]],
    services: dict[str, object],
    settings: Settings,
) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        path = "/" + str(request.path_params["path"])
        found = tree.match(path)
        if found is None:
            raise ApiError(404, f"No route matches {path!r}.")
        operations, path_values = found
        operation = operations.get(request.method)
        if operation is None:
            allowed = ", ".join(sorted(operations))
            raise ApiError(
                405,
                f"Method {request.method} is not allowed here; allowed: {allowed}.",
                headers={"Allow": allowed},
            )
        service = services.get(operation.service)
        return await _handle(operation, service, request, path_values, settings)

    return endpoint


async def _handle(
    operation: Operation,
    service: object | None,
    request: Request,
    path_values: dict[str, str],
    settings: Settings,
) -> Response:
    errors: list[dict[str, str]] = []
    kwargs = read_params(settings.spec, operation.params, request, path_values, errors)
    if errors:
        first = errors[0]
        raise ApiError(
            400,
            f"Invalid {first['target']}: {first['message']}",
            details=errors,
            target=first["target"],
        )
    if operation.body is not None:
        present, value = await read_body(
            settings.spec, operation.body, request, settings.max_body_size
        )
        if present:
            kwargs["body"] = value
    method = getattr(service, operation.handler, None) if service is not None else None
    try:
        if method is None:
            raise OperationNotImplementedError(operation.operation_id)
        result = method(**kwargs)
        if inspect.isawaitable(result):
            result = await result
    except OperationNotImplementedError:
        if not settings.mock:
            raise
        return _mock(operation, settings)
    if (
        operation.encode is not None
        and result is not None
        and not isinstance(result, Response)
    ):
        result = JSONResponse(operation.encode(result), status_code=operation.status)
    return serialise(result, operation.status)


def _mock(operation: Operation, settings: Settings) -> Response:
    """The operation's mock answer, made once: responses carry no per-request state."""
    response = settings.mocks.get(operation.pointer)
    if response is None:
        response = settings.mocks[operation.pointer] = mock_response(
            settings.spec, operation
        )
    return response


def serialise(result: Any, status: int) -> Response:
    """A service method's return value as a response: models via ``to_dict``, bytes as-is."""
    if isinstance(result, Response):
        return result
    if result is None:
        return Response(status_code=204 if status in (200, 204) else status)
    if isinstance(result, bytes):
        return Response(
            result, status_code=status, media_type="application/octet-stream"
        )
    return JSONResponse(_plain(result), status_code=status)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _openapi(spec: Spec) -> Endpoint:
    cache: list[bytes] = []

    async def endpoint(request: Request) -> Response:
        if not cache:
            cache.append(
                (spec.text or json.dumps(spec.document, ensure_ascii=False)).encode()
            )
        return Response(cache[0], media_type="application/json")

    return endpoint


def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = {
        404: f"No route matches {request.url.path!r}.",
        405: f"Method {request.method} is not allowed.",
    }.get(status, str(exc.detail) if isinstance(exc, HTTPException) else str(exc))
    return ApiError(status, message).response()


def _api_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, ApiError):
        return exc.response()
    return _server_error(request, exc)


def _server_error(request: Request, exc: Exception) -> Response:
    LOG.exception(
        "unhandled error in %s %s", request.method, request.url.path, exc_info=exc
    )
    return ApiError(500, "The server failed to handle the request.").response()
