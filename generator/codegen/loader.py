"""Read an OpenAPI document (YAML or JSON, 3.0 or 3.1) and resolve local ``$ref`` pointers.

The YAML loader keeps scalars as JSON would see them: no implicit timestamps, and mapping keys
(``200:``) as strings. A file that cannot be read or parsed is a diagnostic, not an exception.

PyYAML builds a node for every scalar before it builds any object, so a large spec (Graph v1.0:
10 MB of YAML) peaks at hundreds of MB and takes seconds. Such a file is parsed in a forked child
that hands back the document in ``marshal`` form, so the parent never holds the nodes, and the
result is cached by content (``<cache>/specs/``): an unchanged spec is not parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from generator.atomic import replace_file
from generator.diagnostics import DiagnosticSink


@cache
def _yaml_loader() -> Any:
    """SafeLoader (in C when PyYAML has it) without the timestamp resolver: dates stay strings,
    as in JSON. PyYAML is imported here, on first use: an early parse imports it in the child."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


#: Strings up to this length are shared between their occurrences (see :func:`_jsonable`).
_SHARED_LENGTH = 64


def _jsonable(value: Any, shared: dict[str, str]) -> Any:
    """Mapping keys become strings (YAML reads ``200:`` as an int), and every key and short string
    is one shared object: a YAML parser makes a new string for each occurrence, and a large spec
    repeats the same keys and values millions of times (Graph v1.0: 300 MB loaded, 20 MB shared).
    """
    if isinstance(value, dict):
        return {_share(str(k), shared): _jsonable(v, shared) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v, shared) for v in value]
    if isinstance(value, str) and len(value) <= _SHARED_LENGTH:
        return _share(value, shared)
    return value


def _share(text: str, shared: dict[str, str]) -> str:
    return shared.setdefault(text, text)


#: YAML files larger than this are parsed in a child process (see the module docstring).
LARGE = 2_000_000
#: YAML files at least this large are parsed in a child that starts at once (see
#: :func:`start_loading`) when a caller has other work to do meanwhile.
EARLY = 50_000
_FORMAT = b"specdown-spec-1"


def load_document(
    path: Path, sink: DiagnosticSink, *, cache_dir: Path | None = None
) -> dict[str, Any] | None:
    """The document as a plain dict, or ``None`` (with a C001 error) when it cannot be read.

    ``cache_dir`` (None: no cache) keeps parsed documents by content."""
    return start_loading(path, cache_dir=cache_dir, early=False).result(sink)


def start_loading(
    path: Path, *, cache_dir: Path | None = None, early: bool = True, data: bytes | None = None
) -> Loading:
    """Start reading ``path`` (``data``: its bytes, when the caller read them already): with
    ``early``, a YAML spec of some size is parsed in a forked child while the caller goes on
    (``specdown generate`` imports its code generator meanwhile)."""
    try:
        data = path.read_bytes() if data is None else data
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Loading(path, cache_dir, "", problem=(0, f"cannot read the spec: {exc}"))
    json_file = path.suffix.lower() == ".json"
    key = hashlib.blake2b(_FORMAT + bytes([json_file]) + data, digest_size=20).hexdigest()
    loading = Loading(path, cache_dir, key, parsed=_cached(cache_dir, key))
    if loading.parsed is not None:
        return loading
    loading.fresh = True
    large = len(data) > LARGE or (early and len(data) >= EARLY)
    if not json_file and large and sys.platform == "linux":
        loading.child = _Child(text)
    else:
        loading.parsed, loading.problem = _parse(text, json_file)
    return loading


class _Child:
    """A forked process that parses YAML text and writes the result, marshalled, to a pipe."""

    def __init__(self, text: str) -> None:
        self.text = text
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: parse, send, and leave without the parent's cleanup
            os.close(read)
            try:
                with os.fdopen(write, "wb") as out:
                    out.write(_parse_to_bytes(text))
            finally:
                os._exit(0)
        os.close(write)
        self.read = read

    def result(self) -> tuple[Any, tuple[int, str] | None]:
        with os.fdopen(self.read, "rb") as stream:
            payload = stream.read()
        os.waitpid(self.pid, 0)
        try:
            parsed: tuple[Any, tuple[int, str] | None] = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):  # the child died: parse here
            return _parse(self.text, False)
        return parsed


class Loading:
    """A spec being read: parsed already, or being parsed in a child process."""

    def __init__(
        self,
        path: Path,
        cache_dir: Path | None,
        key: str,
        *,
        parsed: dict[str, Any] | None = None,
        problem: tuple[int, str] | None = None,
    ) -> None:
        self.path, self.cache_dir, self.key = path, cache_dir, key
        self.parsed, self.problem = parsed, problem
        self.fresh = False  # parsed by this run (not taken from the cache): worth storing
        self.child: _Child | None = None

    def result(self, sink: DiagnosticSink) -> dict[str, Any] | None:
        """The document, or ``None`` after a C001 error in ``sink``."""
        if self.child is not None:
            self.parsed, self.problem = self.child.result()
            self.child = None
        if self.fresh and self.problem is None and self.parsed is not None:
            _store(self.cache_dir, self.key, self.parsed)
            self.fresh = False
        if self.problem is not None:
            line, message = self.problem
            sink.error(str(self.path), line, "C001", message)
            return None
        return self.parsed


def _parse_to_bytes(text: str) -> bytes:
    return marshal.dumps(_parse(text, False))


def _parse(text: str, json_file: bool) -> tuple[Any, tuple[int, str] | None]:
    """(the document, None) or (None, (line, message))."""
    import yaml

    try:
        data = json.loads(text) if json_file else yaml.load(text, Loader=_yaml_loader())
    except (ValueError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        line = line or getattr(exc, "lineno", 0)
        return None, (line, f"the spec is not valid YAML/JSON: {exc}")
    if not isinstance(data, dict):
        return None, (0, "the spec is not a mapping at the top level")
    return _jsonable(data, {}), None


def _cached(cache_dir: Path | None, key: str) -> dict[str, Any] | None:
    if cache_dir is None:
        return None
    try:
        found = marshal.loads((cache_dir / "specs" / key).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def _store(cache_dir: Path | None, key: str, document: dict[str, Any]) -> None:
    """Keep the parsed document (the latest few specs only); a cache only ever saves time."""
    if cache_dir is None:
        return
    folder = cache_dir / "specs"
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(parents=True, exist_ok=True)
        replace_file(folder / key, [marshal.dumps(document)])
        kept = sorted(folder.iterdir(), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in kept[8:]:
            old.unlink(missing_ok=True)


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
