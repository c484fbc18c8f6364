"""Path, query, header and cookie parameters: from raw strings to typed, validated values.

Values arrive as text; the parameter's schema says what they mean. ``form`` style is the default for
query and cookie parameters (arrays repeat the name when ``explode``, else are comma separated);
``simple`` style (comma separated) for path and header parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request

from .errors import detail
from .operation import Param
from .spec import Spec

_TRUE = {"true": True, "false": False}


def read_params(
    spec: Spec,
    params: Sequence[Param],
    request: Request,
    path_values: dict[str, str],
    errors: list[dict[str, str]],
) -> dict[str, Any]:
    """Keyword arguments for the service method; problems are appended to ``errors``."""
    values: dict[str, Any] = {}
    for param in params:
        target = f"{param.location}.{param.name}"
        raw = _raw(param, request, path_values)
        if raw is None:
            if param.required:
                errors.append(detail("MissingParameter", "is required", target))
            continue
        schema = spec.deref(spec.resolve(param.schema)) if param.schema else None
        try:
            value = _coerce(spec, schema, raw, explode=param.explode)
        except ValueError as exc:
            errors.append(detail("InvalidParameter", str(exc), target))
            continue
        problems = spec.violations(param.schema, value) if param.schema else None
        for problem in problems or ():
            where = target + "".join(f"[{part}]" for part in problem.path)
            errors.append(detail("InvalidParameter", problem.message, where))
        if param.decode is not None and not problems:
            try:
                value = param.decode(value)
            except (TypeError, ValueError) as exc:
                errors.append(detail("InvalidParameter", str(exc), target))
                continue
        values[param.key] = value
    return values


def _raw(
    param: Param, request: Request, path_values: dict[str, str]
) -> list[str] | None:
    if param.location == "path":
        value = path_values.get(param.route_key)
        return None if value is None else [value]
    if param.location == "query":
        found = request.query_params.getlist(param.name)
        return found or None
    if param.location == "header":
        header = request.headers.getlist(param.name)
        return header or None
    cookie = request.cookies.get(param.name)
    return None if cookie is None else [cookie]


def _coerce(spec: Spec, schema: Any, raw: list[str], *, explode: bool) -> Any:
    kind = _kind(schema)
    if kind == "array":
        items = spec.deref(schema.get("items")) if isinstance(schema, dict) else None
        parts = (
            raw if explode else [p for chunk in raw if chunk for p in chunk.split(",")]
        )
        return [_scalar(_kind(items), part) for part in parts]
    return _scalar(kind, raw[-1])


def _kind(schema: Any) -> str:
    """The JSON type a parameter's text is converted to; strings when unsure."""
    if not isinstance(schema, dict):
        return "string"
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind is None:
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(key) or ():
                if isinstance(branch, dict) and isinstance(branch.get("type"), str):
                    return str(branch["type"])
    return kind if isinstance(kind, str) else "string"


def _scalar(kind: str, text: str) -> Any:
    if kind == "integer":
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"{text!r} is not an integer") from None
    if kind == "number":
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a number") from None
    if kind == "boolean":
        if text.lower() not in _TRUE:
            raise ValueError(f"{text!r} is not true or false")
        return _TRUE[text.lower()]
    return text
