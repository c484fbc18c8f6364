"""A cheap line scan: headings (outside fences), sections, roles and reference definitions.

Finding sections needs no markdown parser, and skipping it is what keeps the parse fast: only the
sections whose role matters are tokenised afterwards. Code-sample tab headers (``# [HTTP](#tab/http)``)
are headings to markdown but not section boundaries: the tab group sits inside a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.markdown.inline import squash

#: A line that can open or close a fence, or be a heading or a reference definition, with the line
#: break before it: a pattern that starts with a literal is searched for at C speed (``^`` in
#: multi-line mode is tried at every character).
_CANDIDATE = re.compile(r"\n(?:[ \t]*(?:```|~~~)| {0,3}[#\[])")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_TAB = re.compile(r"^\[[^\]]*\]\(#tab/", re.IGNORECASE)
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ENUM_HEADING = re.compile(r"^`?([A-Za-z_][\w.]*)`?\s+values$", re.IGNORECASE)

#: Section title (normalised, lower case) → role. Matched on the start of the title.
_ROLES: tuple[tuple[str, str], ...] = (
    ("http request", "http"),
    ("permissions", "permissions"),
    ("permission", "permissions"),
    ("prerequisites", "permissions"),
    ("optional request headers", "headers"),
    ("request headers", "headers"),
    ("request header", "headers"),
    ("request body", "body"),
    ("response headers", "other"),
    ("response", "response"),
    ("example", "examples"),
    ("path parameters", "path_params"),
    ("optional query parameters", "query_params"),
    ("query parameters", "query_params"),
    ("query string parameters", "query_params"),
    ("function parameters", "function_params"),
    ("parameters", "function_params"),
    ("properties", "properties"),
    ("instance attributes", "properties"),
    ("relationships", "relationships"),
    ("navigation properties", "relationships"),
    ("json representation", "json"),
    ("members", "members"),
    ("enumerated values", "members"),
)


@dataclass(slots=True)
class Section:
    level: int  # 1..6; 0 for the text before the first heading
    title: str  # plain text: links reduced to their text, markup removed, whitespace squashed
    line: int  # 1-based line of the heading (0 for the preamble)
    start: int  # 0-based index of the first line after the heading
    end: int  # 0-based index one past the last line before the next heading
    role: str = ""
    parent: Section | None = None
    fences: int = 0  # fenced code blocks in this section's own lines

    @property
    def enum_name(self) -> str | None:
        """``legalAgeGroupClassification`` for a ``### legalAgeGroupClassification values`` heading."""
        match = _ENUM_HEADING.match(self.title)
        return match.group(1) if match else None


@dataclass(slots=True)
class Outline:
    sections: list[Section]
    h1: Section | None
    references: dict[str, str] = field(default_factory=dict)  # label (lower case) → href
    fences: dict[int, int] = field(default_factory=dict)  # opening line index → closing line index


def heading_title(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = text.replace("&nbsp;", " ").replace("**", "").replace("__", "")
    return squash(text).rstrip(":").strip()


def role_of(title: str) -> str:
    lower = title.lower()
    for prefix, role in _ROLES:
        if lower.startswith(prefix):
            return role
    if _ENUM_HEADING.match(title):
        return "enum_values"
    return ""


def scan(lines: list[str], start: int) -> Outline:
    """Scan ``lines[start:]`` for headings and reference definitions, skipping fenced code."""
    preamble = Section(0, "", 0, start, len(lines))
    sections = [preamble]
    references: dict[str, str] = {}
    fences: dict[int, int] = {}
    fence: str | None = None
    fence_start = 0
    current = preamble
    text = "\n" + "\n".join(lines[start:])  # a break before each line, the first included
    index, position = start - 1, 0
    for candidate in _CANDIDATE.finditer(text):
        after = candidate.start() + 1
        index += text.count("\n", position, after)
        position = after
        line = lines[index]
        opener = _FENCE.match(line)
        if fence is not None:
            closes = (
                opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence)
            )
            if closes and not line.strip().lstrip(fence[0]):
                fence = None
                fences[fence_start] = index
            continue
        if opener:
            rest = line.strip()[len(opener.group(1)) :]
            if opener.group(1)[0] == "~" or "`" not in rest:
                fence = opener.group(1)
                fence_start = index
                current.fences += 1
                continue
        if line.lstrip(" ").startswith("#"):
            heading = _HEADING.match(line)
            if heading and not _TAB.match(heading.group(2) or ""):
                current.end = index
                title = heading_title(heading.group(2) or "")
                current = Section(len(heading.group(1)), title, index + 1, index + 1, len(lines))
                sections.append(current)
                continue
        if line.lstrip(" ").startswith("["):
            reference = _REFERENCE.match(line)
            if reference:
                references.setdefault(squash(reference.group(1)).lower(), reference.group(2))
    if fence is not None:
        fences[fence_start] = len(lines)  # unclosed: runs to the end of the page
    _link_parents(sections)
    h1 = next((s for s in sections if s.level == 1), None)
    return Outline(sections, h1, references, fences)


def _link_parents(sections: list[Section]) -> None:
    stack: list[Section] = []
    for section in sections:
        if section.level == 0:
            continue
        while stack and stack[-1].level >= section.level:
            stack.pop()
        section.parent = stack[-1] if stack else None
        own = role_of(section.title) if section.level > 1 else ""  # the H1 is the page title
        inherited = section.parent.role if section.parent else ""
        # Under an example section "Request"/"Response" headings are example parts, not page parts.
        section.role = inherited if inherited == "examples" else (own or inherited)
        stack.append(section)
