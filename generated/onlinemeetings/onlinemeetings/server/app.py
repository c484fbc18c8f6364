"""The ASGI application for the Microsoft Graph API (12 operations). Generated.

Implement the services in your own module by subclassing the classes in
``onlinemeetings.server.services`` and pass instances to :func:`create_app`::

    app = create_app(MyService(), max_body_size=1_000_000)

Operations that no service implements answer 501 (or, with ``mock=True``, the documented example).
"""

from __future__ import annotations

import json
from importlib import resources

from starlette.applications import Starlette

from onlinemeetings.server._runtime import (
    DEFAULT_MAX_BODY_SIZE,
    Settings,
    Spec,
    build_app,
)
from onlinemeetings.server.operations import OPERATIONS


def load_spec() -> Spec:
    """The OpenAPI document this server implements (also served at ``/openapi.json``)."""
    document = resources.files("onlinemeetings.server") / "openapi.json"
    text = document.read_text(encoding="utf-8")
    return Spec(json.loads(text), text)


def create_app(
    *services: object,
    mock: bool = False,
    max_body_size: int = DEFAULT_MAX_BODY_SIZE,
    debug: bool = False,
) -> Starlette:
    """An app routing every operation to ``services`` (instances of the generated service classes).

    ``mock``: operations no service implements answer the documented example (or a value made from
    the response schema) instead of 501. ``max_body_size``: larger request bodies get 413.
    """
    settings = Settings(spec=load_spec(), max_body_size=max_body_size, mock=mock)
    return build_app(OPERATIONS, services, settings, debug=debug)


def create_mock_app(
    *services: object, max_body_size: int = DEFAULT_MAX_BODY_SIZE, debug: bool = False
) -> Starlette:
    """A mock server: every operation answers its documented example with its documented status."""
    return create_app(*services, mock=True, max_body_size=max_body_size, debug=debug)
