"""The ``## Response`` section: status code, returned type, collection, empty body, stream.

The phrasing is regular ("If successful, this method returns a `200 OK` response code and a
[user](…) object in the response body."), so one pass per paragraph reads it: the first status code
(in backticks, or ``NNN Reason``), then the first link (or bold name) after it in the same sentence.
Links are sentinels in the text that is searched, so a ``../resources/x.md`` target cannot cut a
sentence.
"""

from __future__ import annotations

import re

from generator.markdown.context import PageContext
from generator.markdown.inline import SENTINEL, InlineText
from generator.markdown.model import Response, TypeRef
from generator.markdown.sections import Section
from generator.markdown.typecell import named_type, primitive_name

_CODE = re.compile(r"`\s*([1-5]\d\d)\b[^`]*`|\b([1-5]\d\d)\s+(?:[A-Z][a-z]+|OK)\b")
_LINK = re.compile(f"{SENTINEL}(\\d+){SENTINEL}")
_BOLD = re.compile(r"\*\*`?([A-Za-z_][\w.]*)`?\*\*")
_COLLECTION = re.compile(r"\bcollection\b|\blist of\b|\barray of\b|\bobjects\b", re.I)
_EMPTY = re.compile(
    r"does(?: not|n't) return anything|no (?:response )?body|empty (?:response )?body|"
    r"not return (?:a|any) (?:response )?body|response body is empty",
    re.I,
)
_STREAM = re.compile(r"\bstream\b|\bbinary\b|octet-stream|\bredirect|download url", re.I)
_PRIMITIVE_PHRASE = re.compile(
    r"\band\s+(?:an?\s+|the\s+)?(?:\*\*)?`?([A-Za-z][\w.]*)`?(?:\*\*)?(\s+collection)?\b", re.I
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*])")


def read_response(ctx: PageContext, sections: list[Section]) -> Response | None:
    if not sections:
        return None
    texts: list[tuple[int, InlineText]] = []
    for section in sections:
        for paragraph in ctx.blocks(section).paragraphs:
            texts.append((paragraph.line, ctx.inline(paragraph)))
    whole = " ".join(text.marked for _, text in texts)
    status: int | None = None
    found: TypeRef | None = None
    for _, text in texts:
        for sentence_shape, sentence_marked in _sentences(text):
            code = _CODE.search(sentence_marked)
            says_return = "return" in sentence_marked.lower()
            if status is None and code:
                status = int(code.group(1) or code.group(2))
            if found is None and (code or (status is None and says_return)):
                found = _returned_type(ctx, text, sentence_shape, sentence_marked)
        if status is not None and found is not None:
            break
    line = texts[0][0] if texts else sections[0].line
    empty = status == 204 or bool(_EMPTY.search(whole))
    stream = status == 302 or bool(_STREAM.search(whole))
    return Response(
        line=line,
        status=status,
        type=found,
        collection=bool(found and found.collection),
        empty=empty and found is None,
        stream=stream and found is None,
    )


def _sentences(text: InlineText) -> list[tuple[str, str]]:
    """Pairs (shape, marked) per sentence; both views split at the same sentence boundaries."""
    shapes = _SENTENCE.split(text.shape)
    marks = _SENTENCE.split(text.marked)
    if len(shapes) != len(marks):
        return [(text.shape, text.marked)]
    return list(zip(shapes, marks, strict=True))


def _returned_type(ctx: PageContext, text: InlineText, shape: str, marked: str) -> TypeRef | None:
    code = _CODE.search(shape)
    after = shape[code.end() :] if code else shape
    link = _LINK.search(after)
    if link:
        name, href = text.links[int(link.group(1))]
        window = after[max(0, link.start() - 20) : link.end() + 20]
        collection = bool(_COLLECTION.search(window))
        return named_type(name, name, ctx.link(name, href), collection)
    marked_code = _CODE.search(marked)
    bold = _BOLD.search(marked[marked_code.end() :] if marked_code else marked)
    if bold:
        tail = marked[bold.end() : bold.end() + 20]
        head = marked[max(0, bold.start() - 20) : bold.start()]
        collection = bool(_COLLECTION.search(head + tail))
        return named_type(bold.group(1), bold.group(1), None, collection)
    phrase = _PRIMITIVE_PHRASE.search(marked[marked_code.end() :] if marked_code else marked)
    if phrase and primitive_name(phrase.group(1)):
        return named_type(phrase.group(1), phrase.group(1), None, bool(phrase.group(2)))
    return None
