"""``parse_page``: one page's text → :class:`Page`. Pure, and never raises on any input."""

from __future__ import annotations

import re
import traceback

from generator.diagnostics import Diagnostic, Severity
from generator.markdown.context import PageContext
from generator.markdown.enums import page_enum, table_enums, value_list_enums
from generator.markdown.frontmatter import front_str, split_front_matter
from generator.markdown.model import Page, PageKind
from generator.markdown.operation import read_operation
from generator.markdown.resource import read_resource
from generator.markdown.sections import Section, scan

_NAMESPACE = re.compile(
    r"^\s*\**Namespace:?\**\s*:?\s*`?([A-Za-z_][\w.]*?)\.?`?\s*$", re.IGNORECASE
)
_RESOURCE_ANNOTATION = re.compile(r'"blockType"\s*:\s*"resource"', re.IGNORECASE)
_DOC_TYPES = {
    "apipagetype": PageKind.OPERATION,
    "resourcepagetype": PageKind.RESOURCE,
    "enumpagetype": PageKind.ENUM,
    "enumtypes": PageKind.ENUM,
    "conceptualpagetype": PageKind.CONCEPTUAL,
}
_SKIP_PARAGRAPH = ("namespace:", ">", "[!include", "<!--", "|")


def parse_page(path: str, text: str) -> Page:
    """Parse one page. ``path`` is docs-relative (``api/user-get.md``); problems become diagnostics."""
    try:
        return _parse(path, text)
    except Exception as exc:  # a specdown bug must not lose the page or stop the run
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"internal error while parsing ({type(exc).__name__}: {exc} at {where.name}:{where.lineno})"
        diagnostic = Diagnostic(path, 0, Severity.ERROR, "M018", message)
        return Page(path, PageKind.UNKNOWN, "", 0, diagnostics=(diagnostic,))


def normalise_text(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def _parse(path: str, text: str) -> Page:
    lines = normalise_text(text).split("\n")
    front, body_start, problem = split_front_matter(lines)
    outline = scan(lines, body_start)
    ctx = PageContext(path, lines, outline)
    if problem:
        ctx.diag(
            1,
            Severity.INFO if front is None and body_start == 0 else Severity.WARNING,
            "M001",
            problem,
        )
    doc_type = front_str(front, "doc_type")
    h1 = outline.h1
    title = h1.title if h1 else (front_str(front, "title") or "")
    intro = [s for s in outline.sections if s.level <= 1]
    namespace = _namespace(lines, intro)
    description = _description(ctx, intro) or (front_str(front, "description") or "")
    kind = _classify(ctx, doc_type, text)
    operation = resource = None
    enums = []
    if kind is PageKind.OPERATION:
        operation = read_operation(ctx, title, description)
    elif kind is PageKind.RESOURCE:
        resource = read_resource(ctx, title, description, intro)
        if resource is not None:
            if namespace is None and resource.odata_type and "." in resource.odata_type:
                namespace = resource.odata_type.rsplit(".", 1)[0]
            enums.extend(value_list_enums([*resource.properties], namespace))
    elif kind is PageKind.ENUM:
        enums.extend(page_enum(ctx, title, namespace))
    enums.extend(table_enums(ctx, namespace))
    return Page(
        path=path,
        kind=kind,
        title=title,
        title_line=h1.line if h1 else 0,
        doc_type=doc_type,
        namespace=namespace,
        description=description,
        operation=operation,
        resource=resource,
        enums=tuple(enums),
        diagnostics=tuple(ctx.sink.items),
    )


def _classify(ctx: PageContext, doc_type: str | None, text: str) -> PageKind:
    """Front matter first, corrected by content: a page's folder and doc_type are not always right."""
    declared = _DOC_TYPES.get((doc_type or "").lower().rstrip("_"))
    has_http = any(s.fences for s in ctx.sections("http"))
    has_resource = bool(ctx.sections("properties")) or bool(_RESOURCE_ANNOTATION.search(text))
    if declared is PageKind.OPERATION and not has_http and has_resource:
        return PageKind.RESOURCE
    if declared is PageKind.RESOURCE and has_http and not has_resource:
        return PageKind.OPERATION
    if declared is not None:
        return declared
    if has_http or ctx.sections("http"):
        return PageKind.OPERATION
    if has_resource:
        return PageKind.RESOURCE
    if ctx.sections("members"):
        return PageKind.ENUM
    if ctx.sections("enum_values"):
        return PageKind.CONCEPTUAL
    what = f"doc_type {doc_type!r} is not known" if doc_type else "the page has no doc_type"
    ctx.diag(
        1, Severity.WARNING, "M005", f"{what} and its content is not recognisable; page skipped"
    )
    return PageKind.UNKNOWN


def _namespace(lines: list[str], intro: list[Section]) -> str | None:
    for section in intro:
        for text in lines[section.start : section.end]:
            if "amespace" in text:
                match = _NAMESPACE.match(text)
                if match:
                    return match.group(1)
    return None


def _description(ctx: PageContext, intro: list[Section]) -> str:
    """The first prose paragraph under the title (not the Namespace line, notes or includes)."""
    for section in intro:
        for paragraph in ctx.blocks(section).paragraphs:
            if paragraph.source.lstrip().lower().startswith(_SKIP_PARAGRAPH):
                continue
            plain = ctx.inline(paragraph).plain
            if plain:
                return plain
    return ""
