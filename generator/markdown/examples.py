"""Example request and response blocks of an operation page.

Annotated blocks (``"blockType": "request"``/``"response"``) say what they are; unannotated blocks
(the generated, Intune-style pages) are recognised by their first line: ``METHOD url`` or
``HTTP/1.1 NNN``. Blocks annotated ``ignored`` are skipped.
"""

from __future__ import annotations

from generator.diagnostics import Severity
from generator.markdown.blocks import Fence
from generator.markdown.context import PageContext
from generator.markdown.http import body_json, content_type, first_line_kind, read_message
from generator.markdown.model import Example
from generator.markdown.sections import Section


def example_title(section: Section) -> str:
    current: Section | None = section
    while current is not None:
        if "example" in current.title.lower():
            return current.title
        current = current.parent
    return section.title


def read_example(ctx: PageContext, fence: Fence, section: Section) -> Example | None:
    annotation = fence.annotation
    block_type = (annotation.get_str("blockType") or "").lower() if annotation else ""
    if block_type in ("request", "response"):
        kind = block_type
    elif block_type in ("", "example"):
        kind = first_line_kind(fence.content)
        if not kind:
            return None
        annotation = annotation if block_type else None
    else:
        return None
    if annotation is not None and fence.annotation_gap:
        ctx.diag(
            annotation.line,
            Severity.INFO,
            "M016",
            "annotation is separated from its code block by text; attached anyway",
        )
    message = read_message(fence.content)
    if message.kind != kind:
        found = message.kind or "neither a request line nor a status line"
        ctx.diag(
            fence.line,
            Severity.WARNING,
            "M015",
            f"{kind} example block starts with {found}",
        )
    ctype = content_type(message.headers)
    parsed = body_json(message.body, ctype)
    if parsed is not None and not parsed.ok:
        ctx.diag(
            fence.line, Severity.WARNING, "M009", f"{kind} example body is not JSON: {parsed.error}"
        )
    elif parsed is not None and parsed.repaired:
        ctx.diag(fence.line, Severity.INFO, "M009", f"{kind} example body is JSON only leniently")
    return Example(
        kind=kind,
        line=fence.line,
        title=example_title(section),
        annotation=annotation,
        method=message.method,
        url=message.url,
        status=message.status,
        headers=message.headers,
        content_type=ctype,
        body=message.body,
        json=parsed.value if parsed is not None and parsed.ok else None,
        json_ok=parsed is not None and parsed.ok,
    )
