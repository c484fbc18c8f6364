"""Hand-built page models: small, explicit inputs for the OpenAPI stage's tests."""

from __future__ import annotations

from typing import Any

from generator.markdown.model import (
    Annotation,
    EnumDef,
    EnumMember,
    Example,
    Link,
    Operation,
    Page,
    PageKind,
    Permission,
    Property,
    RequestLine,
    Resource,
    Response,
    TypeRef,
)


def prim(name: str, *, collection: bool = False) -> TypeRef:
    return TypeRef(name, name, primitive=True, collection=collection)


def link(name: str, page: str, *, collection: bool = False, anchor: str | None = None) -> TypeRef:
    target = f"{page}#{anchor}" if anchor else page
    return TypeRef(
        f"[{name}]({target})",
        name,
        primitive=False,
        collection=collection,
        link=Link(name, target, page, anchor),
    )


def prop(name: str, type_: TypeRef | None, line: int = 10, **kwargs: Any) -> Property:
    return Property(name, type_, kwargs.pop("description", ""), line, **kwargs)


def resource_page(
    path: str,
    name: str,
    properties: tuple[Property, ...] = (),
    relationships: tuple[Property, ...] = (),
    *,
    namespace: str = "microsoft.graph",
    enums: tuple[EnumDef, ...] = (),
    **kwargs: Any,
) -> Page:
    resource = Resource(name, 5, properties=properties, relationships=relationships, **kwargs)
    return Page(
        path,
        PageKind.RESOURCE,
        f"{name} resource type",
        1,
        namespace=namespace,
        resource=resource,
        enums=enums,
    )


def enum_def(name: str, *members: str, line: int = 20, **kwargs: Any) -> EnumDef:
    return EnumDef(
        name, line, tuple(EnumMember(m, line + i + 1) for i, m in enumerate(members)), **kwargs
    )


def enum_page(path: str, definition: EnumDef, namespace: str = "microsoft.graph") -> Page:
    return Page(
        path,
        PageKind.ENUM,
        f"{definition.name} enum type",
        1,
        namespace=namespace,
        enums=(definition,),
    )


def operation_page(
    path: str,
    *requests: str,
    title: str = "Do something",
    response: Response | None = None,
    examples: tuple[Example, ...] = (),
    **kwargs: Any,
) -> Page:
    lines = tuple(
        RequestLine(r.split(" ", 1)[0], r.split(" ", 1)[1], 20 + i) for i, r in enumerate(requests)
    )
    op = Operation(title, "", lines, response=response, examples=examples, **kwargs)
    return Page(path, PageKind.OPERATION, title, 1, namespace="microsoft.graph", operation=op)


def response_example(body: Any, status: int = 200, line: int = 80, **kwargs: Any) -> Example:
    return Example("response", line, status=status, body="{}", json=body, json_ok=True, **kwargs)


def request_example(body: Any, url: str, method: str = "POST", line: int = 60) -> Example:
    return Example("request", line, method=method, url=url, body="{}", json=body, json_ok=True)


def annotation(**data: Any) -> Annotation:
    return Annotation(data, 70)


def permissions(*delegated: str, application: tuple[str, ...] = ()) -> tuple[Permission, ...]:
    return (
        Permission("delegatedWork", delegated, 12),
        Permission("delegatedPersonal", (), 13),
        Permission("application", application, 14),
    )
