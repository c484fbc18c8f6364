"""The server runtime: routing, validation, OData errors, mock answers. Generated verbatim."""

from .app import DEFAULT_MAX_BODY_SIZE, Settings, build_app, serialise
from .errors import ApiError, OperationNotImplementedError
from .operation import Body, Operation, Param
from .spec import Spec

__all__ = [
    "DEFAULT_MAX_BODY_SIZE",
    "ApiError",
    "Body",
    "OperationNotImplementedError",
    "Operation",
    "Param",
    "Settings",
    "Spec",
    "build_app",
    "serialise",
]
