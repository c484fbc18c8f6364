"""Errors in the OData shape: ``{"error": {"code", "message", "details"}}``.

Every response the runtime itself makes (400, 404, 405, 413, 415, 501, 500) uses this shape, and a
service method raises :class:`ApiError` to answer with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.responses import JSONResponse

#: The OData error code used for each status the runtime produces.
STATUS_CODES: dict[int, str] = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    413: "RequestEntityTooLarge",
    415: "UnsupportedMediaType",
    500: "InternalServerError",
    501: "NotImplemented",
}


class ApiError(Exception):
    """Raise from a service method (or the runtime) to answer with an OData error."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[Mapping[str, str]] = (),
        headers: Mapping[str, str] | None = None,
        target: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "Error")
        self.message = message
        self.details = [dict(item) for item in details]
        self.headers = dict(headers or {})
        self.target = target

    def response(self) -> JSONResponse:
        error: dict[str, object] = {"code": self.code, "message": self.message}
        if self.target is not None:
            error["target"] = self.target
        error["details"] = self.details
        return JSONResponse(
            {"error": error}, status_code=self.status, headers=self.headers
        )


class OperationNotImplementedError(ApiError):
    """Raised by the generated service base classes for operations nobody implemented."""

    def __init__(self, operation_id: str) -> None:
        super().__init__(501, f"The operation {operation_id!r} is not implemented.")
        self.operation_id = operation_id


def detail(code: str, message: str, target: str) -> dict[str, str]:
    """One entry of ``error.details``; ``target`` names the offending field."""
    return {"code": code, "message": message, "target": target}
