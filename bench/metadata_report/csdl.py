"""Read the answer key: an OData CSDL (EDMX) document and the permission-scopes annotations file.

Only the metadata report reads these files; the generator never does. Everything here is a pure
function of the XML text, returning plain frozen values with fully qualified type names (aliases such
as ``graph.`` expanded to their namespace).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A property or parameter type: ``Edm.String``, ``microsoft.graph.user``, possibly a collection."""

    name: str
    collection: bool = False


@dataclass(frozen=True, slots=True)
class StructuredType:
    """An EntityType or ComplexType, with its declared (not inherited) properties."""

    name: str  # fully qualified
    kind: str  # "entity" | "complex"
    base: str | None = None  # fully qualified
    properties: dict[str, TypeRef] = field(default_factory=dict)
    navigation: dict[str, TypeRef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BoundOperation:
    name: str  # unqualified, as it appears in a path segment
    kind: str  # "action" | "function"
    binding: TypeRef  # type of the binding parameter


@dataclass(frozen=True, slots=True)
class Csdl:
    types: dict[str, StructuredType]
    enums: dict[str, tuple[str, ...]]  # qualified name → member names
    roots: dict[str, TypeRef]  # entity set (a collection) or singleton name → its type
    bound: tuple[BoundOperation, ...]

    def ancestors(self, name: str) -> list[str]:
        """``name`` and its base types, nearest first (stops on unknown names and cycles)."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current not in chain:
            chain.append(current)
            known = self.types.get(current)
            current = known.base if known else None
        return chain

    def member(self, type_name: str, segment: str) -> TypeRef | None:
        """The type of a structural or navigation property (declared or inherited), ignoring case."""
        for owner in self.ancestors(type_name):
            known = self.types.get(owner)
            for name, ref in ({**known.properties, **known.navigation} if known else {}).items():
                if name.lower() == segment.lower():
                    return ref
        return None


def _qualify(name: str, aliases: dict[str, str]) -> str:
    prefix, _, rest = name.rpartition(".")
    return f"{aliases.get(prefix, prefix)}.{rest}" if prefix else name


def parse_type(text: str, aliases: dict[str, str]) -> TypeRef:
    """``Collection(graph.user)`` → ``TypeRef("microsoft.graph.user", collection=True)``."""
    if text.startswith("Collection(") and text.endswith(")"):
        return TypeRef(_qualify(text[len("Collection(") : -1], aliases), True)
    return TypeRef(_qualify(text, aliases))


def parse_csdl(xml_text: str) -> Csdl:
    root = ET.fromstring(xml_text)
    schemas = list(root.iter(f"{EDM}Schema"))
    aliases: dict[str, str] = {}
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        aliases[namespace] = namespace
        if schema.get("Alias"):
            aliases[schema.get("Alias", "")] = namespace
    types: dict[str, StructuredType] = {}
    enums: dict[str, tuple[str, ...]] = {}
    roots: dict[str, TypeRef] = {}
    bound: list[BoundOperation] = []
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        for element in schema:
            tag = element.tag.removeprefix(EDM)
            name = f"{namespace}.{element.get('Name', '')}"
            if tag in ("EntityType", "ComplexType"):
                types[name] = _structured(element, name, tag, aliases)
            elif tag == "EnumType":
                enums[name] = tuple(m.get("Name", "") for m in element.iter(f"{EDM}Member"))
            elif tag in ("Action", "Function") and element.get("IsBound") == "true":
                first = element.find(f"{EDM}Parameter")
                if first is not None:
                    binding = parse_type(first.get("Type", ""), aliases)
                    bound.append(BoundOperation(element.get("Name", ""), tag.lower(), binding))
            elif tag == "EntityContainer":
                for child in element:
                    child_tag = child.tag.removeprefix(EDM)
                    if child_tag == "EntitySet":
                        entity = _qualify(child.get("EntityType", ""), aliases)
                        roots[child.get("Name", "")] = TypeRef(entity, collection=True)
                    elif child_tag == "Singleton":
                        roots[child.get("Name", "")] = TypeRef(
                            _qualify(child.get("Type", ""), aliases)
                        )
    return Csdl(types, enums, roots, tuple(bound))


def _structured(
    element: ET.Element, name: str, tag: str, aliases: dict[str, str]
) -> StructuredType:
    base = element.get("BaseType")
    return StructuredType(
        name=name,
        kind="entity" if tag == "EntityType" else "complex",
        base=_qualify(base, aliases) if base else None,
        properties={
            p.get("Name", ""): parse_type(p.get("Type", ""), aliases)
            for p in element.findall(f"{EDM}Property")
        },
        navigation={
            p.get("Name", ""): parse_type(p.get("Type", ""), aliases)
            for p in element.findall(f"{EDM}NavigationProperty")
        },
    )


#: Restriction terms of the scopes file, by the HTTP method they govern.
TERM_METHODS = {
    "ReadRestrictions": ("get",),
    "InsertRestrictions": ("post",),
    "UpdateRestrictions": ("patch", "put"),
    "DeleteRestrictions": ("delete",),
    "OperationRestrictions": ("get", "post"),
}


def parse_scopes(xml_text: str) -> dict[tuple[str, str], frozenset[str]]:
    """The scopes file → ``{(target path, term): scopes}``.

    The target is the path below ``microsoft.graph/`` with key segments removed, lower-cased
    (``me/calendars/events``); the term is one of :data:`TERM_METHODS`. Scopes of every permission
    scheme (delegated work, delegated personal, application) are merged.
    """
    root = ET.fromstring(xml_text.lstrip("\ufeff"))
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for group in root.iter("Annotations"):
        target = group.get("Target", "")
        if not target.startswith("microsoft.graph/"):
            continue
        path = target.removeprefix("microsoft.graph/").strip("/").lower()
        for annotation in group.findall("Annotation"):
            term = annotation.get("Term", "").rsplit(".", 1)[-1]
            if term not in TERM_METHODS:
                continue
            for value in annotation.iter("PropertyValue"):
                if value.get("Property") == "Scope" and value.get("String"):
                    found[(path, term)].add(value.get("String", ""))
    return {key: frozenset(scopes) for key, scopes in found.items()}
