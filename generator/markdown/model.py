"""The page model: everything the markdown stage learns from one reference page.

This is the boundary between ``generator.markdown`` and ``generator.openapi``. A page is parsed on its
own, with no look at other pages, so that pages can be parsed in parallel and cached by content hash;
whatever needs another page (a link's target type, a base type's namespace) is kept here as written,
with the link target resolved to a docs-relative path, and resolved by the OpenAPI stage.

All values are frozen and picklable. Line numbers are 1-based lines of the page file.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic


class PageKind(enum.StrEnum):
    OPERATION = "operation"  # one API call: HTTP request, parameters, response, permissions
    RESOURCE = (
        "resource"  # one entity or complex type: properties, relationships, JSON representation
    )
    ENUM = "enum"  # enum page(s): one enum (Intune style) or many (enums.md)
    CONCEPTUAL = "conceptual"  # prose; read for in-page enum tables only
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Link:
    """A markdown link as written, with its target resolved against the page's folder."""

    text: str
    target: str  # as written (after reference-definition lookup)
    page: (
        str | None
    )  # docs-relative posix path of a local .md target; None for external/unresolvable
    anchor: str | None  # fragment without '#', lower case; None when absent


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A parsed type cell (``String``, ``[x](x.md) collection``, ``Collection(Edm.Int32)``…).

    ``name`` is the canonical EDM primitive name (``String``, ``Int32``, ``DateTimeOffset``, ``Json``…)
    when ``primitive``; otherwise the type name as written (link text, possibly namespace-qualified).
    """

    raw: str
    name: str
    primitive: bool
    collection: bool = False
    link: Link | None = None


@dataclass(frozen=True, slots=True)
class Property:
    """A row of a Properties or Relationships table (``navigation`` tells which)."""

    name: str
    type: TypeRef | None  # None when the cell could not be parsed (a diagnostic says why)
    description: str  # plain text: markdown links reduced to their text, HTML breaks to spaces
    line: int
    navigation: bool = False
    read_only: bool = False
    nullable: bool | None = None  # None: the description does not say
    required: bool = False
    deprecated: bool = False
    inherited_from: str | None = None  # type name from an "Inherited from [x]" marker
    possible_values: tuple[str, ...] = ()  # from a "Possible values are: …" sentence


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str
    line: int
    value: int | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class EnumDef:
    """An enum, from a ``### x values`` table, an enum page's ``## Members`` table or a value list."""

    name: str
    line: int
    members: tuple[EnumMember, ...]
    namespace: str | None = None
    flags: bool = False
    source: str = "table"  # "table" | "page" | "possible-values"


@dataclass(frozen=True, slots=True)
class Annotation:
    """A ``<!-- { … } -->`` comment, leniently parsed; ``data`` must not be mutated."""

    data: dict[str, Any]
    line: int

    def get_str(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def get_bool(self, key: str) -> bool:
        """Booleans are written both as JSON booleans and as strings (``"true"``)."""
        value = self.data.get(key)
        if isinstance(value, str):
            return value.strip().lower() == "true"
        return value is True


@dataclass(frozen=True, slots=True)
class Header:
    name: str
    value: str  # the header's example value or description
    line: int
    required: bool = False


@dataclass(frozen=True, slots=True)
class Example:
    """An example HTTP request or response block."""

    kind: str  # "request" | "response"
    line: int  # line of the fence
    title: str = ""  # nearest example heading, e.g. "Example 1: Get a user"
    annotation: Annotation | None = None
    method: str | None = None  # requests
    url: str | None = None  # requests: as written (absolute or relative)
    status: int | None = None  # responses
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str | None = None
    body: str | None = None  # raw body text, None when there is none
    json: Any = None  # the body as JSON when it parsed (leniently); see ``json_ok``
    json_ok: bool = False


@dataclass(frozen=True, slots=True)
class RequestLine:
    """One ``METHOD /path`` line of the HTTP request section, path exactly as written."""

    method: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Parameter:
    """A row of a request-body, function, path or query parameter table."""

    name: str
    type: TypeRef | None
    description: str
    line: int
    required: bool = False
    possible_values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Permission:
    """One row of a permissions table: the kind of permission and its scopes (empty: not supported)."""

    kind: str  # "delegatedWork" | "delegatedPersonal" | "application"
    scopes: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Response:
    """What the ``## Response`` section says."""

    line: int
    status: int | None = None
    type: TypeRef | None = None  # the returned type, when named
    collection: bool = False
    empty: bool = False  # explicitly no body (204, "does not return anything")
    stream: bool = False  # binary content / redirect to content


@dataclass(frozen=True, slots=True)
class Operation:
    title: str
    description: str
    requests: tuple[RequestLine, ...]
    path_params: tuple[Parameter, ...] = ()
    query_params: tuple[Parameter, ...] = ()
    function_params: tuple[Parameter, ...] = ()
    query_options: tuple[str, ...] = ()  # OData system query options the page says it supports
    headers: tuple[Header, ...] = ()
    body_params: tuple[Parameter, ...] = ()
    body_type: TypeRef | None = None  # "supply a JSON representation of [x](…)"
    no_body: bool = False  # "Do not supply a request body"
    response: Response | None = None
    permissions: tuple[Permission, ...] = ()
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True, slots=True)
class Resource:
    name: str  # the type name as stated (annotation @odata.type's last segment, else the H1)
    line: int
    description: str = ""
    odata_type: str | None = None  # fully qualified, from the resource annotation
    base_type: str | None = None  # as written: qualified (annotation) or a link's text (sentence)
    base_link: Link | None = None
    base_line: int = 0
    abstract: bool = False
    open_type: bool = False
    key_property: str | None = None
    media_entity: bool = False
    properties: tuple[Property, ...] = ()
    relationships: tuple[Property, ...] = ()
    json_example: Any = None  # the JSON representation block, when it parsed
    json_line: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # docs-relative posix path, e.g. "api/user-get.md"
    kind: PageKind
    title: str
    title_line: int
    doc_type: str | None = None
    namespace: str | None = None
    description: str = ""
    operation: Operation | None = None
    resource: Resource | None = None
    enums: tuple[EnumDef, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())
