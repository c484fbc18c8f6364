"""The generated operation table's record types: plain data, one entry per operation of the spec."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Converts a validated JSON value (or parameter value) into the Python value a method takes.
Codec = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Param:
    """A path, query, header or cookie parameter.

    ``key`` is the keyword argument of the service method; ``route_key`` the placeholder in the
    route template (path parameters only); ``schema`` a JSON pointer into the spec ("" if none).
    """

    name: str
    location: str
    key: str
    required: bool = False
    schema: str = ""
    explode: bool = False
    route_key: str = ""
    decode: Codec | None = None


@dataclass(frozen=True, slots=True)
class Body:
    """The request body: accepted media types and, for JSON, the schema and the model decoder.

    Without ``decode`` the method receives the parsed JSON; non-JSON bodies arrive as bytes.
    """

    required: bool
    media_types: tuple[str, ...]
    schema: str = ""
    decode: Codec | None = None


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: where it is routed, which service method handles it, what it accepts.

    ``pointer`` locates the operation object in the spec (its responses feed the mock);
    ``status`` is the documented success status; ``encode`` turns the method's result into JSON.
    """

    operation_id: str
    method: str
    path: str
    route: str
    service: str
    handler: str
    pointer: str
    status: int
    params: tuple[Param, ...] = ()
    body: Body | None = None
    encode: Codec | None = None
