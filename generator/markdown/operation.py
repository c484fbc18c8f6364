"""An operation page → :class:`Operation`."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from generator.diagnostics import Severity
from generator.markdown.context import PageContext
from generator.markdown.examples import read_example
from generator.markdown.fields import cell_name, read_parameters
from generator.markdown.http import HEADER_LINE, request_lines
from generator.markdown.inline import SENTINEL
from generator.markdown.model import Example, Header, Operation, Parameter, RequestLine, TypeRef
from generator.markdown.permissions import read_permissions
from generator.markdown.response import read_response
from generator.markdown.tables import records
from generator.markdown.typecell import named_type

#: Info strings of blocks in the HTTP request section that cannot hold request lines.
_NOT_HTTP = frozenset(
    {"json", "csharp", "cs", "javascript", "js", "java", "objc", "powershell", "python"}
)
_QUERY_OPTION = re.compile(
    r"\$(select|filter|expand|orderby|top|skip|search|count|format|skiptoken|deltatoken)\b", re.I
)
_NO_BODY = re.compile(
    r"\b(?:do not|don't|no need to) (?:supply|specify|provide)\b|\bno request body\b", re.I
)
_LINK = re.compile(f"{SENTINEL}(\\d+){SENTINEL}")
_VERSIONED = re.compile(r"^/(?:v1\.0|beta)(?=/)", re.I)


def read_operation(ctx: PageContext, title: str, description: str) -> Operation:
    requests, block_headers = _request_lines(ctx)
    examples = _examples(ctx)
    if not requests:
        requests = _from_examples(ctx, examples)
    response = read_response(ctx, ctx.sections("response"))
    if response is not None and response.status is None:
        status = next((e.status for e in examples if e.kind == "response" and e.status), None)
        if status is not None:
            response = replace(response, status=status)
            ctx.diag(
                response.line,
                Severity.INFO,
                "M010",
                f"response section names no status; the example's {status} was used",
            )
        else:
            ctx.diag(
                response.line, Severity.WARNING, "M010", "response section names no status code"
            )
    body_params, body_type, no_body = _body(ctx)
    return Operation(
        title=title,
        description=description,
        requests=tuple(requests),
        path_params=tuple(_params(ctx, "path_params", "path_params")),
        query_params=tuple(_params(ctx, "query_params", "fields")),
        function_params=tuple(_params(ctx, "function_params", "fields")),
        query_options=_query_options(ctx),
        headers=tuple([*_headers(ctx), *block_headers]),
        body_params=tuple(body_params),
        body_type=body_type,
        no_body=no_body,
        response=response,
        permissions=tuple(
            p
            for s in ctx.sections("permissions")
            for t in ctx.blocks(s).tables
            for p in read_permissions(ctx, t)
        ),
        examples=tuple(examples),
    )


def _request_lines(ctx: PageContext) -> tuple[list[RequestLine], list[Header]]:
    """The section's request lines, and headers written among them (``Prefer: …``)."""
    sections = ctx.sections("http")
    found: list[RequestLine] = []
    headers: list[Header] = []
    for section in sections:
        for fence in ctx.blocks(section).fences:
            if fence.info.split(" ")[0] in _NOT_HTTP:
                continue
            lines, others = request_lines(fence.content, fence.line + 1)
            found.extend(lines)
            for line, text in others:
                header = HEADER_LINE.match(text)
                if header:
                    headers.append(Header(header.group(1), header.group(2), line))
                    message = f"a header line in the HTTP request block, read as a header: {text!r}"
                    ctx.diag(line, Severity.INFO, "M008", message)
                else:
                    ctx.diag(line, Severity.WARNING, "M008", f"not a `METHOD /path` line: {text!r}")
    if sections and not found:
        ctx.diag(
            sections[0].line,
            Severity.WARNING,
            "M006",
            "the HTTP request section has no `METHOD /path` line",
        )
    return found, headers


def _from_examples(ctx: PageContext, examples: list[Example]) -> list[RequestLine]:
    """No request section: take the paths of the example requests (with a diagnostic)."""
    found: list[RequestLine] = []
    for example in examples:
        if example.kind == "request" and example.method and example.url:
            parts = urlsplit(example.url.split(" ")[0])
            path = _VERSIONED.sub("", parts.path) if parts.netloc else example.url
            if path.startswith("/"):
                found.append(RequestLine(example.method, path, example.line))
    if found:
        ctx.diag(
            found[0].line,
            Severity.WARNING,
            "M006",
            "no HTTP request section; the request path was taken from the example",
        )
    elif not ctx.sections("http"):
        ctx.diag(
            ctx.outline.h1.line if ctx.outline.h1 else 0,
            Severity.WARNING,
            "M006",
            "no HTTP request section and no example request",
        )
    return found


def _examples(ctx: PageContext) -> list[Example]:
    out: list[Example] = []
    for section in ctx.outline.sections:
        if section.role in ("http", "json") or not section.fences:
            continue
        for fence in ctx.blocks(section).fences:
            example = read_example(ctx, fence, section)
            if example is not None:
                out.append(example)
    return out


def _params(ctx: PageContext, role: str, family: str) -> list[Parameter]:
    # Query-parameter sections often hold tables of filter keywords or operators: not a defect.
    unfit = Severity.INFO if role == "query_params" else Severity.WARNING
    return [
        p
        for s in ctx.sections(role)
        for t in ctx.blocks(s).tables
        for p in read_parameters(ctx, t, family, unfit)
    ]


def _query_options(ctx: PageContext) -> tuple[str, ...]:
    found: set[str] = set()
    for section in ctx.sections("query_params"):
        for text in ctx.lines[section.start : section.end]:
            found.update("$" + m.group(1).lower() for m in _QUERY_OPTION.finditer(text))
    return tuple(sorted(found))


def _headers(ctx: PageContext) -> list[Header]:
    out: list[Header] = []
    for section in ctx.sections("headers"):
        for table in ctx.blocks(section).tables:
            for row, cells in records(ctx, table, "headers", ("name",)):
                name = cell_name(ctx, cells["name"])
                texts = [ctx.inline(cells[c]).plain for c in ("value", "description") if c in cells]
                value = " ".join(t for t in texts if t)
                lower = value.lower()
                required = (
                    "required" in lower and "not required" not in lower and "optional" not in lower
                )
                if name:
                    out.append(Header(name, value, row.line, required))
    return out


def _body(ctx: PageContext) -> tuple[list[Parameter], TypeRef | None, bool]:
    params: list[Parameter] = []
    body_type: TypeRef | None = None
    no_body = False
    for section in ctx.sections("body"):
        blocks = ctx.blocks(section)
        for table in blocks.tables:
            params.extend(read_parameters(ctx, table))
        for paragraph in blocks.paragraphs:
            text = ctx.inline(paragraph)
            if _NO_BODY.search(text.plain):
                no_body = True
            after = text.shape.lower().partition("representation")[2]
            link = _LINK.search(after)
            if body_type is None and link:
                name, href = text.links[int(link.group(1))]
                body_type = named_type(name, name, ctx.link(name, href), False)
    return params, body_type, no_body and not params and body_type is None
