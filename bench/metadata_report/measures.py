"""The comparisons: each a pure function from the answer key and a spec to one or two figures, plus
the disagreements it saw, reported as doc defects with the page and line the spec records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bench.metadata_report.csdl import BoundOperation, Csdl, TypeRef
from bench.metadata_report.spec_index import (
    SpecIndex,
    expected_signature,
    find_property,
    same_type,
    signature,
    source_of,
)


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    matched: int
    expected: int
    target: float | None = None  # percent

    @property
    def percent(self) -> float:
        return 100.0 * self.matched / self.expected if self.expected else 0.0

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.percent >= self.target


@dataclass(frozen=True, slots=True, order=True)
class Defect:
    source: str  # page:line, "?" when the spec does not say
    category: str
    message: str

    def format(self) -> str:
        return f"{self.source}: {self.category}: {self.message}"


@dataclass
class Measure:
    figures: list[Figure] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)


def measure_types(csdl: Csdl, index: SpecIndex) -> Measure:
    """Types found; their properties found and rightly typed; navigation properties; base types."""
    result = Measure()
    found_types = props = props_found = props_typed = navs = navs_found = bases = bases_found = 0
    for name, stype in sorted(csdl.types.items()):
        key = index.key(name)
        if key is None:
            continue
        found_types += 1
        schema_source = source_of(index.schemas[key])
        available = index.properties(key)
        for prop_name, ref in sorted(stype.properties.items()):
            props += 1
            hit = find_property(available, prop_name)
            if hit is None:
                continue
            props_found += 1
            actual = signature(hit[1])
            if same_type(expected_signature(ref), actual):
                props_typed += 1
            else:
                where = source_of(hit[1]) if source_of(hit[1]) != "?" else schema_source
                result.defects.append(
                    Defect(
                        where,
                        "property-type",
                        f"{name}.{prop_name} is {actual} in the docs, {expected_signature(ref)} in the metadata",
                    )
                )
        for nav_name in sorted(stype.navigation):
            navs += 1
            navs_found += find_property(available, nav_name) is not None
        if stype.base is not None:
            bases += 1
            spec_bases = index.bases(key)
            if stype.base.lower() in spec_bases:
                bases_found += 1
            else:
                said = ", ".join(spec_bases) or "no base type"
                result.defects.append(
                    Defect(
                        schema_source,
                        "base-type",
                        f"{name} has {said}; the metadata says {stype.base}",
                    )
                )
    result.figures += [
        Figure("entity and complex types found", found_types, len(csdl.types), 93),
        Figure("  their structural properties found", props_found, props, 95),
        Figure("  … of those, with the right type", props_typed, props_found, 93),
        Figure("  their navigation properties found", navs_found, navs, 90),
        Figure("  their base types captured (allOf $ref)", bases_found, bases, 90),
    ]
    return result


def measure_enums(csdl: Csdl, index: SpecIndex) -> Measure:
    result = Measure()
    found = members = members_found = 0
    for name, expected in sorted(csdl.enums.items()):
        members += len(expected)
        key = index.key(name)
        if key is None:
            continue
        found += 1
        actual = {m.lower() for m in index.enum_members(key)}
        missing = [m for m in expected if m.lower() not in actual]
        members_found += len(expected) - len(missing)
        if missing:
            result.defects.append(
                Defect(
                    source_of(index.schemas[key]),
                    "enum-members",
                    f"{name} lacks {', '.join(missing)}",
                )
            )
    result.figures += [
        Figure("enum types found", found, len(csdl.enums)),
        Figure("enum members found (of all enum types)", members_found, members, 85),
    ]
    return result


_SEGMENT_NAME = re.compile(r"^(?:microsoft\.graph\.)?([^(]*)")


def path_segments(path: str) -> list[str]:
    """``/users/{id}/microsoft.graph.getMemberGroups(x=1)`` → ``["users", "{id}", "getmembergroups"]``."""
    segments = []
    for raw in path.split("?", 1)[0].strip("/").split("/"):
        match = _SEGMENT_NAME.match(raw)
        segments.append((match.group(1) if match and match.group(1) else raw).lower())
    return [s for s in segments if s]


def resolve_path(csdl: Csdl, segments: list[str]) -> TypeRef | None:
    """The CSDL type a path addresses, walking from its root; None where a segment is unknown."""
    if not segments:
        return None
    roots = {name.lower(): ref for name, ref in csdl.roots.items()}
    short = {name.rsplit(".", 1)[-1].lower(): name for name in csdl.types}
    current = roots.get(segments[0])
    for segment in segments[1:]:
        if current is None:
            return None
        if segment.startswith("{") and current.collection:
            current = TypeRef(current.name)
        elif (ref := csdl.member(current.name, segment)) is not None:
            current = ref
        elif segment in short:  # a type cast
            current = TypeRef(short[segment], current.collection)
        else:
            return None
    return current


def bound_reachable(csdl: Csdl, op: BoundOperation, split_paths: list[list[str]]) -> bool:
    """Some path ends in the operation's name after a prefix that addresses its binding type (or a
    type derived from it); a prefix the metadata cannot resolve counts on the name alone."""
    for segments in split_paths:
        if not segments or segments[-1] != op.name.lower():
            continue
        target = resolve_path(csdl, segments[:-1])
        if target is None:
            return True
        if target.collection == op.binding.collection and op.binding.name in csdl.ancestors(
            target.name
        ):
            return True
    return False


def measure_paths(csdl: Csdl, paths: Iterable[str]) -> Measure:
    """Entity sets and singletons reachable as path roots; bound actions and functions as paths."""
    split = [path_segments(p) for p in paths]
    roots = {s[0] for s in split if s}
    reachable_roots = sum(name.lower() in roots for name in csdl.roots)
    by_name: dict[str, list[list[str]]] = {}
    for segments in split:
        if segments:
            by_name.setdefault(segments[-1], []).append(segments)
    bound = sorted(
        set(csdl.bound), key=lambda op: (op.name, op.binding.name, op.binding.collection)
    )
    reachable = sum(bound_reachable(csdl, op, by_name.get(op.name.lower(), [])) for op in bound)
    return Measure(
        [
            Figure(
                "entity sets and singletons reachable as path roots",
                reachable_roots,
                len(csdl.roots),
                90,
            ),
            Figure("bound actions and functions reachable as paths", reachable, len(bound), 80),
        ]
    )


def scope_target(path: str) -> str:
    """The scopes file's key for a path: key segments and ``$ref``-like suffixes removed."""
    kept = [s for s in path_segments(path) if not s.startswith(("{", "$")) and not s.endswith("}")]
    return "/".join(kept)


_TERM_BY_METHOD = {
    "get": "ReadRestrictions",
    "post": "InsertRestrictions",
    "patch": "UpdateRestrictions",
    "put": "UpdateRestrictions",
    "delete": "DeleteRestrictions",
}


def operation_scopes(operation: dict[str, Any]) -> frozenset[str]:
    scopes: set[str] = set()
    for requirement in operation.get("security") or ():
        if isinstance(requirement, dict):
            for values in requirement.values():
                scopes.update(v for v in values or () if isinstance(v, str))
    return frozenset(scopes)


def measure_scopes(
    scopes: dict[tuple[str, str], frozenset[str]], document: dict[str, Any]
) -> Measure:
    """Operations whose documented scopes equal (or overlap) the scopes file's, where it has an entry."""
    result = Measure()
    comparable = equal = overlapping = 0
    for path, item in sorted((document.get("paths") or {}).items()):
        for method, operation in sorted((item or {}).items()):
            term = _TERM_BY_METHOD.get(method)
            if term is None or not isinstance(operation, dict):
                continue
            target = scope_target(path)
            expected = scopes.get((target, term)) or scopes.get((target, "OperationRestrictions"))
            if not expected:
                continue
            comparable += 1
            actual = {s.lower() for s in operation_scopes(operation)}
            wanted = {s.lower() for s in expected}
            equal += actual == wanted
            overlapping += bool(actual & wanted)
            if not actual & wanted:
                result.defects.append(
                    Defect(
                        source_of(operation),
                        "scopes",
                        f"{method.upper()} {path}: docs say {sorted(actual) or 'nothing'},"
                        f" the scopes file says {sorted(wanted)}",
                    )
                )
    result.figures += [
        Figure("operations whose scopes equal the scopes file's", equal, comparable),
        Figure("operations sharing a scope with the scopes file", overlapping, comparable),
    ]
    return result
