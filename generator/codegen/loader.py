"""Read an OpenAPI document (YAML or JSON, 3.0 or 3.1) and resolve local ``$ref`` pointers.

The YAML loader keeps scalars as JSON would see them: no implicit timestamps, and mapping keys
(``200:``) as strings. A file that cannot be read or parsed is a diagnostic, not an exception.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import DiagnosticSink

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """SafeLoader without the timestamp resolver (dates stay strings, as in JSON)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _jsonable(value: Any) -> Any:
    """Mapping keys become strings (YAML reads ``200:`` as an int)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def load_document(path: Path, sink: DiagnosticSink) -> dict[str, Any] | None:
    """The document as a plain dict, or ``None`` (with a C001 error) when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        sink.error(str(path), 0, "C001", f"cannot read the spec: {exc}")
        return None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except (ValueError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        line = line or getattr(exc, "lineno", 0)
        sink.error(str(path), line, "C001", f"the spec is not valid YAML/JSON: {exc}")
        return None
    if not isinstance(data, dict):
        sink.error(str(path), 0, "C001", "the spec is not a mapping at the top level")
        return None
    result: dict[str, Any] = _jsonable(data)
    return result


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def child(pointer: str, *tokens: str | int) -> str:
    """``#/a`` + ``b/c`` → ``#/a/b~1c``."""
    return pointer + "".join(f"/{escape(str(t))}" for t in tokens)


class Resolver:
    """Follows local ``$ref`` pointers (``#/…``); reports the ones it cannot follow."""

    def __init__(self, document: Mapping[str, Any], source: str, sink: DiagnosticSink) -> None:
        self.document = document
        self.source = source
        self.sink = sink

    def get(self, pointer: str) -> Any:
        """The value at a local JSON pointer, or ``None`` when there is none."""
        if pointer in {"#", ""}:
            return self.document
        if not pointer.startswith("#/"):
            return None
        node: Any = self.document
        for raw in pointer[2:].split("/"):
            token = unescape(raw)
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node

    def follow(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow a chain of ``$ref`` from ``node`` (at ``pointer``) to a non-ref node.

        Unresolvable or cyclic chains give a G003 warning and ``({}, pointer)``: an untyped schema.
        """
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            target = node["$ref"]
            if target in seen:
                self.sink.warning(self.source, 0, "G003", f"{pointer}: cyclic $ref {target!r}")
                return {}, pointer
            seen.add(target)
            resolved = self.get(target) if target.startswith("#") else None
            if resolved is None:
                where = (
                    "external references are not supported"
                    if not target.startswith("#")
                    else "no such pointer"
                )
                self.sink.warning(
                    self.source, 0, "G003", f"{pointer}: cannot resolve $ref {target!r} ({where})"
                )
                return {}, pointer
            node, pointer = resolved, target
        return node, pointer
