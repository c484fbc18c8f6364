"""A resource page → :class:`Resource`."""

from __future__ import annotations

import re

from generator.diagnostics import Severity
from generator.markdown import lenient_json
from generator.markdown.blocks import Fence
from generator.markdown.context import PageContext
from generator.markdown.fields import read_properties
from generator.markdown.inline import SENTINEL
from generator.markdown.model import Annotation, Link, Property, Resource
from generator.markdown.sections import Section

_TITLE_SUFFIX = re.compile(
    r"\s+(?:resource|complex|entity|object)?\s*(?:type|resource|object)\s*$", re.IGNORECASE
)
_INHERITS = re.compile(r"\binherits\s+from\s+", re.IGNORECASE)
#: Other phrasings of inheritance; these count only when a link follows them directly.
_DERIVED = re.compile(
    r"\b(?:(?:is\s+)?derived\s+from|derives\s+from|(?:is\s+)?a\s+subclass\s+of|extends)\s+", re.I
)
_LINK = re.compile(f"^\\s*(?:the\\s+)?{SENTINEL}(\\d+){SENTINEL}")
_WORD = re.compile(r"^\s*(?:the\s+)?\**`?([A-Za-z_][\w.]*)`?\**")
_NAME = re.compile(r"^[A-Za-z_][\w.]*$")
_NOT_TYPES = frozenset({"that", "this", "a", "an", "base", "the"})


def resource_fence(ctx: PageContext) -> tuple[Fence | None, Section | None]:
    """The JSON representation block: the ``resource``-annotated block, else a json block in its section."""
    fallback: tuple[Fence | None, Section | None] = (None, None)
    for section in ctx.outline.sections:
        if not section.fences:
            continue
        for fence in ctx.blocks(section).fences:
            annotation = fence.annotation
            if annotation and (annotation.get_str("blockType") or "").lower() == "resource":
                return fence, section
            if section.role == "json" and fallback[0] is None:
                fallback = (fence, section)
    return fallback


def read_resource(
    ctx: PageContext, title: str, description: str, intro: list[Section]
) -> Resource | None:
    fence, _ = resource_fence(ctx)
    annotation = fence.annotation if fence else None
    odata_type = annotation.get_str("@odata.type") if annotation else None
    odata_type = odata_type.strip().lstrip("#") if odata_type else None
    name = odata_type.rsplit(".", 1)[-1] if odata_type else _TITLE_SUFFIX.sub("", title).strip("` ")
    if not name or not _NAME.match(name):
        ctx.diag(
            ctx.outline.h1.line if ctx.outline.h1 else 0,
            Severity.WARNING,
            "M007",
            f"resource page names no type: title {title!r}",
        )
        return None
    base_type, base_link, base_line = _base(ctx, annotation, intro)
    json_example = None
    if fence is not None:
        parsed = lenient_json.loads(fence.content)
        json_example = parsed.value if parsed.ok else None
        if not parsed.ok:
            ctx.diag(
                fence.line,
                Severity.INFO,
                "M009",
                f"JSON representation is not JSON: {parsed.error}",
            )
    return Resource(
        name=name,
        line=ctx.outline.h1.line if ctx.outline.h1 else 0,
        description=description,
        odata_type=odata_type,
        base_type=base_type,
        base_link=base_link,
        base_line=base_line,
        abstract=bool(
            annotation and (annotation.get_bool("abstract") or annotation.get_bool("isAbstract"))
        ),
        open_type=bool(annotation and annotation.get_bool("openType")),
        key_property=(annotation.get_str("keyProperty") or None) if annotation else None,
        media_entity=bool(annotation and annotation.get_bool("isMediaEntity")),
        properties=tuple(_properties(ctx, "properties", navigation=False)),
        relationships=tuple(_properties(ctx, "relationships", navigation=True)),
        json_example=json_example,
        json_line=fence.line if fence else 0,
    )


def _properties(ctx: PageContext, role: str, *, navigation: bool) -> list[Property]:
    """The rows of the page's ``role`` tables; a name listed twice keeps its first row (reported)."""
    found: dict[str, Property] = {}
    for section in ctx.sections(role):
        for table in ctx.blocks(section).tables:
            for prop in read_properties(ctx, table, navigation=navigation):
                first = found.setdefault(prop.name, prop)
                if first is not prop:
                    message = f"property {prop.name!r} is listed again (first on line {first.line}); this row is ignored"
                    ctx.diag(prop.line, Severity.WARNING, "M019", message)
    return list(found.values())


def _base(
    ctx: PageContext, annotation: Annotation | None, intro: list[Section]
) -> tuple[str | None, Link | None, int]:
    """Base type: the annotation's ``baseType`` and the "Inherits from [x](…)" sentence, united."""
    written = annotation.get_str("baseType") if annotation else None
    base = written.strip().lstrip("#") if written and written.strip() else None
    line = annotation.line if base and annotation else 0
    for section in intro:
        for paragraph in ctx.blocks(section).paragraphs:
            text = ctx.inline(paragraph)
            for phrase, words_allowed in ((_INHERITS, True), (_DERIVED, False)):
                match = phrase.search(text.shape)
                if not match:
                    continue
                rest = text.shape[match.end() :]
                linked = _LINK.match(rest)
                if linked:
                    link_text, href = text.links[int(linked.group(1))]
                    link = ctx.link(link_text, href)
                    return base or link_text.strip("`* "), link, line or paragraph.line
                word = _WORD.match(rest)
                if (
                    words_allowed
                    and word
                    and base is None
                    and word.group(1).lower() not in _NOT_TYPES
                ):
                    return word.group(1), None, paragraph.line
    return base, None, line
