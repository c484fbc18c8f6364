"""The type index: which page defines which schema, and how a type cell's name or link finds it.

Pages are parsed in isolation, so a property typed ``[identitySet](identityset.md)`` only knows the
link; here the link's target page tells the type (its ``@odata.type``), the link text is the fallback,
and enum anchors (``enums.md#bodytype-values``) pick one enum of a page. Names are matched without
regard to case, because annotations and links spell them loosely (``microsoft.graph.onlinemeeting``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from generator.diagnostics import DiagnosticSink
from generator.markdown.model import EnumDef, EnumMember, Page, PageKind, Resource, TypeRef
from generator.openapi.naming import component_key, short_type_name

DEFAULT_NAMESPACE = "microsoft.graph"
_NAMESPACE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_ANCHOR_NOISE = re.compile(r"[^a-z0-9]+")
#: enum sources in order of authority; "possible-values" lists only fill gaps
_ENUM_PRIORITY = {"page": 0, "table": 1, "possible-values": 2}


def namespace_of(page: Page) -> str:
    """The page's ``Namespace:`` line, cleaned (``microsoft.graph.`` → ``microsoft.graph``)."""
    raw = (page.namespace or "").strip().strip(".")
    return raw if raw and _NAMESPACE.match(raw) else DEFAULT_NAMESPACE


def resource_name(page: Page, resource: Resource) -> str:
    """``namespace.name``: the namespace from the annotation's ``@odata.type``, else the page's."""
    odata = (resource.odata_type or "").strip().lstrip("#")
    namespace = odata.rsplit(".", 1)[0] if "." in odata else namespace_of(page)
    if not _NAMESPACE.match(namespace):
        namespace = namespace_of(page)
    return f"{namespace}.{component_key(resource.name.strip())}"


def enum_name(page: Page, enum: EnumDef) -> str:
    namespace = (enum.namespace or "").strip().strip(".")
    if not namespace or not _NAMESPACE.match(namespace):
        namespace = namespace_of(page)
    return f"{namespace}.{component_key(enum.name.strip())}"


@dataclass(frozen=True, slots=True)
class ResourceDef:
    name: str  # qualified schema name
    page: Page
    resource: Resource


@dataclass(frozen=True, slots=True)
class EnumSchemaDef:
    name: str
    page: Page
    enum: EnumDef
    members: tuple[EnumMember, ...]  # merged over every definition of the same name


def _anchor_key(text: str) -> str:
    key = _ANCHOR_NOISE.sub("", text.lower())
    return key.removesuffix("values") if key.endswith("values") and key != "values" else key


def _definition_rank(definition: ResourceDef) -> tuple[int, int, int, str]:
    """The page that leads when several define one type: a resource page under resources/ with the
    most rows (Intune splits ``user`` or ``deviceManagement`` into one partial page per area)."""
    page, resource = definition.page, definition.resource
    return (
        page.kind is not PageKind.RESOURCE,
        not page.path.startswith("resources/"),
        -(len(resource.properties) + len(resource.relationships)),
        page.path,
    )


def _merged(definitions: list[ResourceDef]) -> ResourceDef:
    """The leading definition with the rows (and base, key) the other pages add."""
    lead = definitions[0]
    resource = lead.resource
    properties = {p.name: p for p in resource.properties}
    relationships = {p.name: p for p in resource.relationships}
    for other in definitions[1:]:
        for row in other.resource.properties:
            properties.setdefault(row.name, row)
        for row in other.resource.relationships:
            if row.name not in properties:
                relationships.setdefault(row.name, row)
        if not resource.base_type and not resource.base_link and other.resource.base_type:
            resource = replace(resource, base_type=other.resource.base_type)
        if not resource.key_property and other.resource.key_property:
            resource = replace(resource, key_property=other.resource.key_property)
    resource = replace(
        resource,
        properties=tuple(properties.values()),
        relationships=tuple(relationships.values()),
    )
    return ResourceDef(lead.name, lead.page, resource)


#: What :meth:`TypeIndex.names` keeps: every answer of ``lookup``, ``resolve`` and ``page_type``.
NameTables = tuple[
    dict[str, str], dict[str, list[str]], dict[str, str], dict[str, dict[str, str]], dict[str, Any]
]


class TypeIndex:
    """Built once per document from all pages; read-only afterwards."""

    def __init__(self, pages: Iterable[Page], sink: DiagnosticSink) -> None:
        self.resources: dict[str, ResourceDef] = {}
        self.enums: dict[str, EnumSchemaDef] = {}
        #: schema name → the paths of the pages that define it (their rows are merged)
        self.groups: dict[str, tuple[str, ...]] = {}
        #: resource name → the names of its properties and relationships (rows of every page)
        self.members: dict[str, tuple[str, ...]] = {}
        self._by_name: dict[str, str] = {}  # lower qualified → qualified
        self._by_short: dict[str, list[str]] = defaultdict(list)  # lower short → qualified
        self._page_type: dict[str, str] = {}  # lower page path → qualified
        self._page_enums: dict[str, dict[str, str]] = defaultdict(dict)  # path → anchor key → name
        ordered = sorted(pages, key=lambda p: p.path)
        self._collect_resources(ordered, sink)
        self._collect_enums(ordered, sink)
        for qualified in sorted(self._by_name.values()):
            self._by_short[short_type_name(qualified).lower()].append(qualified)

    def names(self) -> NameTables:
        """The name tables: all that answers a lookup (and a base type's member names)."""
        return (
            self._by_name,
            dict(self._by_short),
            self._page_type,
            dict(self._page_enums),
            self.members,
        )

    @classmethod
    def from_names(cls, tables: NameTables) -> TypeIndex:
        """An index that answers lookups as the one whose :meth:`names` these are, but holds no
        definitions (:mod:`generator.openapi.patch` builds single schemas with it)."""
        index = cls([], DiagnosticSink())
        by_name, by_short, page_type, page_enums, members = tables
        index._by_name, index._page_type, index.members = by_name, page_type, members
        index._by_short.update(by_short)
        index._page_enums.update(page_enums)
        return index

    def _collect_resources(self, pages: list[Page], sink: DiagnosticSink) -> None:
        found: dict[str, list[ResourceDef]] = defaultdict(list)
        for page in pages:
            if page.resource is None or not page.resource.name.strip():
                continue
            name = resource_name(page, page.resource)
            found[name.lower()].append(ResourceDef(name, page, page.resource))
        for defs in found.values():
            defs.sort(key=_definition_rank)
            winner = _merged(defs)
            for other in defs[1:]:
                sink.info(
                    other.page.path,
                    other.resource.line,
                    "O002",
                    f"type {other.name} is also defined by {winner.page.path}; their rows are merged",
                )
            self.resources[winner.name] = winner
            self.groups[winner.name] = tuple(each.page.path for each in defs)
            self.members[winner.name] = tuple(
                row.name for row in (*winner.resource.properties, *winner.resource.relationships)
            )
            self._by_name[winner.name.lower()] = winner.name
            for each in defs:
                self._page_type[each.page.path.lower()] = winner.name

    def _collect_enums(self, pages: list[Page], sink: DiagnosticSink) -> None:
        found: dict[str, list[tuple[Page, EnumDef, str]]] = defaultdict(list)
        for page in pages:
            for enum in page.enums:
                if not enum.name.strip() or not enum.members:
                    continue
                name = enum_name(page, enum)
                found[name.lower()].append((page, enum, name))
                self._page_enums[page.path.lower()][_anchor_key(enum.name)] = name.lower()
        for key, defs in sorted(found.items()):
            if key in self._by_name:
                page, enum, name = defs[0]
                if enum.source != "possible-values":
                    sink.warning(
                        page.path,
                        enum.line,
                        "O002",
                        f"enum {name} has the name of a type defined by "
                        f"{self.resources[self._by_name[key]].page.path}; the type is used",
                    )
                continue
            defs.sort(key=lambda d: (_ENUM_PRIORITY.get(d[1].source, 1), d[0].path, d[1].line))
            page, enum, name = defs[0]
            members = list(enum.members)
            seen = {m.name for m in members}
            for other_page, other, _ in defs[1:]:
                if other.source == "possible-values" and enum.source != "possible-values":
                    continue
                extra = [m for m in other.members if m.name not in seen]
                if extra or {m.name for m in other.members} != {m.name for m in enum.members}:
                    sink.warning(
                        other_page.path,
                        other.line,
                        "O007",
                        f"enum {name} is also defined by {page.path}:{enum.line} with different "
                        "members; the union is used",
                    )
                members.extend(extra)
                seen.update(m.name for m in extra)
            self.enums[name] = EnumSchemaDef(name, page, enum, tuple(members))
            self.groups[name] = tuple(sorted({each.path for each, _, _ in defs}))
            self._by_name[key] = name
        for path, anchors in self._page_enums.items():
            self._page_enums[path] = {a: self._by_name[n] for a, n in anchors.items()}
            if path not in self._page_type and len(anchors) == 1:
                self._page_type[path] = next(iter(self._page_enums[path].values()))

    def lookup(self, name: str, namespace: str | None = None) -> str | None:
        """A schema name for a type name as written: qualified, or short (preferring ``namespace``)."""
        text = name.strip().lstrip("#")
        if text.lower().startswith("graph.") and text.count(".") == 1:
            text = "microsoft." + text
        hit = self._by_name.get(text.lower())
        if hit is not None:
            return hit
        candidates = self._by_short.get(short_type_name(text).lower(), [])
        if not candidates:
            return None
        if "." in text:  # qualified but in another namespace: accept an unambiguous short name
            return candidates[0] if len(candidates) == 1 else None
        preferred = (namespace or DEFAULT_NAMESPACE).lower()
        for candidate in candidates:
            if candidate.lower().rsplit(".", 1)[0] == preferred:
                return candidate
        for candidate in candidates:
            if candidate.lower().rsplit(".", 1)[0] == DEFAULT_NAMESPACE:
                return candidate
        return candidates[0]

    def page_type(self, path: str) -> str | None:
        return self._page_type.get(path.lower())

    def resolve(self, ref: TypeRef, namespace: str | None = None) -> str | None:
        """The schema a non-primitive type cell names, or None when no page defines it."""
        link = ref.link
        if link is not None and link.page is not None:
            page_key = link.page.lower()
            if link.anchor:
                hit = self._page_enums.get(page_key, {}).get(_anchor_key(link.anchor))
                if hit is not None:
                    return hit
            target = self._page_type.get(page_key)
            if target is not None and short_type_name(target).lower() == (
                short_type_name(ref.name).lower()
            ):
                return target
            named = self.lookup(ref.name, namespace)
            if named is not None:
                return named
            if target is not None:
                return target
        return self.lookup(ref.name, namespace)
