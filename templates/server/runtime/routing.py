"""Path templates → a segment tree: matching costs the path's depth, startup costs no regex.

Starlette's own ``Route`` compiles one regular expression per path when it is created and tries
them one by one on every request; for the 2,000-odd paths of the whole Graph v1.0 spec that is
seconds of startup and thousands of matches per request. Here a whole-segment placeholder
(``{user_id}``) is a wildcard child, a literal segment a dict key, and only segments that mix text
and placeholders (``getCounts(period='{period}')``) get a regular expression, compiled on first use.
Literal segments are tried before mixed ones, mixed before wildcards, backtracking as needed.

After a segment ending in ``:`` (Graph's path-based addressing, ``root:/{item-path}:/content``) a
placeholder spans several segments: up to the next segment ending in ``:`` when it is written
``{name}:``, else to the end of the path; its value is the path between, slashes included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(slots=True)
class _Node(Generic[T]):
    literal: dict[str, _Node[T]] = field(default_factory=dict)
    mixed: dict[str, tuple[_Pattern, _Node[T]]] = field(default_factory=dict)
    wildcard: _Node[T] | None = None
    span_colon: _Node[T] | None = None  # ``{item-path}:`` after ``root:``
    span_rest: _Node[T] | None = None  # ``{item-path}`` after ``root:``, to the end
    target: T | None = None
    names: tuple[str, ...] = ()


class _Pattern:
    """One segment mixing text and placeholders; its regular expression is compiled lazily."""

    __slots__ = ("_regex", "segment")

    def __init__(self, segment: str) -> None:
        self.segment = segment
        self._regex: re.Pattern[str] | None = None

    def match(self, text: str) -> tuple[str, ...] | None:
        if self._regex is None:
            parts = _PLACEHOLDER.split(self.segment)
            source = "".join(
                "(.+?)" if index % 2 else re.escape(part)
                for index, part in enumerate(parts)
            )
            self._regex = re.compile(source)
        found = self._regex.fullmatch(text)
        return None if found is None else found.groups()


class PathTree(Generic[T]):
    """Maps path templates (``/users/{user_id}/x``) to targets; ``match`` returns the parameters."""

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()

    def add(self, template: str, target: T) -> None:
        node = self._root
        names: list[str] = []
        after_colon = False
        for segment in template.split("/")[1:]:
            spans, after_colon = after_colon, segment.endswith(":")
            if "{" not in segment:
                node = node.literal.setdefault(segment, _Node())
                continue
            found = _PLACEHOLDER.findall(segment)
            whole = len(found) == 1 and segment.removesuffix(":") == f"{{{found[0]}}}"
            if spans and whole and segment.endswith(":"):
                node.span_colon = node.span_colon or _Node()
                node = node.span_colon
            elif spans and whole:
                node.span_rest = node.span_rest or _Node()
                node = node.span_rest
            elif not found:
                node = node.literal.setdefault(segment, _Node())
            elif len(found) == 1 and segment == f"{{{found[0]}}}":
                node.wildcard = node.wildcard or _Node()
                node = node.wildcard
            else:
                key = _PLACEHOLDER.sub("{}", segment)
                if key not in node.mixed:
                    node.mixed[key] = (_Pattern(segment), _Node())
                node = node.mixed[key][1]
            names.extend(found)
        node.target = target
        node.names = tuple(names)

    def match(self, path: str) -> tuple[T, dict[str, str]] | None:
        found = _match(self._root, path.split("/")[1:], 0, ())
        if found is None:
            return None
        node, values = found
        assert node.target is not None
        return node.target, dict(zip(node.names, values, strict=False))


def _match(
    node: _Node[T], segments: list[str], index: int, values: tuple[str, ...]
) -> tuple[_Node[T], tuple[str, ...]] | None:
    if index == len(segments):
        return (node, values) if node.target is not None else None
    segment = segments[index]
    child = node.literal.get(segment)
    if child is not None:
        found = _match(child, segments, index + 1, values)
        if found is not None:
            return found
    for pattern, mixed in node.mixed.values():
        groups = pattern.match(segment)
        if groups is not None:
            found = _match(mixed, segments, index + 1, values + groups)
            if found is not None:
                return found
    if node.wildcard is not None and segment:
        found = _match(node.wildcard, segments, index + 1, (*values, segment))
        if found is not None:
            return found
    if node.span_colon is not None:
        for end in range(index, len(segments)):
            if segments[end].endswith(":") and (end > index or segments[end] != ":"):
                value = "/".join(segments[index : end + 1])[:-1]
                found = _match(node.span_colon, segments, end + 1, (*values, value))
                if found is not None:
                    return found
    rest = "/".join(segments[index:])
    if node.span_rest is not None and rest:
        return _match(node.span_rest, segments, len(segments), (*values, rest))
    return None
