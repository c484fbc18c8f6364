"""markdown-it-py, configured minimally, over the sections that matter.

One ``MarkdownIt`` instance: CommonMark block rules for paragraphs, fences, HTML blocks, headings and
lists, plus GFM tables; the core inline pass is off, and inline markup is parsed on demand for the
cells and paragraphs that are read (:mod:`generator.markdown.inline`). A section's lines are tokenised
on their own and token line maps are shifted back to page lines. The stock rules run unchanged; the
ones tried on every line are skipped where the line's first character rules them out
(:func:`_guarded`), and the table rule records its output as one token (:func:`table_rule`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from generator.markdown.annotations import Annotation, parse_comment
from generator.markdown.inline import InlineText, parse_inline

# The module, not the rule function that ``markdown_it.rules_block`` re-exports under the same name.
gfm_table: Any = importlib.import_module("markdown_it.rules_block.table")
_ESCAPED_SPLIT = getattr(gfm_table.escapedSplit, "__wrapped__", gfm_table.escapedSplit)


def escaped_split(row: str) -> list[str]:
    """markdown-it's GFM cell splitter, with a fast path for the usual row without a backslash.

    The library's splitter walks the row a character at a time, which is most of the cost of a
    table-heavy page; without a ``\\`` in the row it is exactly ``str.split("|")``. It is installed
    into markdown-it's table rule below (same results, a fraction of the time).
    """
    return row.split("|") if "\\" not in row else _ESCAPED_SPLIT(row)


escaped_split.__wrapped__ = _ESCAPED_SPLIT  # type: ignore[attr-defined]
gfm_table.escapedSplit = escaped_split
_GFM_TABLE = gfm_table.table


class _Pushed:
    """What the GFM table rule sets on a token it pushes (the rule runs unchanged)."""

    __slots__ = ("attrs", "children", "content", "map", "type")

    def __init__(self, kind: str) -> None:
        self.type = kind
        self.map: list[int] | None = None
        self.content = ""


def table_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's GFM table rule, recorded into one ``specdown_table`` token.

    The stock rule pushes about 3 tokens per cell and 2 per row (a tenth of all tokens of the
    corpus, each a full ``Token``); here its pushes are recorded as plain objects (the tokens read
    below; one shared object takes the rest) and the table is emitted as one token whose ``meta``
    holds ``(line, cells)`` for the header and each row. Which lines form a table, and each cell's
    text, are decided by the stock rule itself.
    """
    if silent:
        return bool(_GFM_TABLE(state, start, end, True))
    pushed: list[_Pushed] = []
    ignored = _Pushed("")

    def push(kind: str, tag: str, nesting: int) -> _Pushed:
        if kind not in _READ:
            return ignored
        token = _Pushed(kind)
        pushed.append(token)
        return token

    state.push = push  # type: ignore[method-assign,assignment]
    try:
        found = bool(_GFM_TABLE(state, start, end, False))
    finally:
        del state.push
    if found:
        rows: list[tuple[int, list[str]]] = []
        for token in pushed:
            if token.type == "tr_open" and token.map:
                rows.append((token.map[0], []))
            elif token.type == "inline" and rows:
                rows[-1][1].append(token.content)
        table = state.push("specdown_table", "table", 0)
        table.map = pushed[0].map
        table.meta = {"rows": rows}
    return found


#: The tokens of the stock table rule that :func:`table_rule` reads.
_READ = frozenset({"table_open", "tr_open", "inline"})


def _may_start(state: StateBlock, line: int, characters: str) -> bool:
    """False when ``line`` has text whose first character is none of ``characters``."""
    if line >= state.lineMax:
        return True
    position = state.bMarks[line] + state.tShift[line]
    return position >= state.eMarks[line] or state.src[position] in characters


def _guarded(rule: Any, offset: int, characters: str) -> Any:
    """``rule``, called only when its line (``offset`` lines on: a table's delimiter row) is empty
    or starts with one of ``characters``.

    Block rules are tried in turn on every line, and again on each line of a paragraph or table to
    learn whether it ends there; most calls fail on that first character, after logging and option
    checks. ``characters`` are those the rule itself requires first, where it looks (code blocks are
    off, so indentation never decides), so the guard changes no result.
    """

    def guarded(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        return _may_start(state, start + offset, characters) and bool(
            rule(state, start, end, silent)
        )

    return guarded


class _Markdown(MarkdownIt):
    """Link targets are resolved by specdown and never rendered: no URL normalisation needed."""

    def normalizeLink(self, url: str) -> str:  # noqa: N802 (markdown-it's name)
        return url

    def validateLink(self, url: str) -> bool:  # noqa: N802
        return True


#: Rule → the line it first tests (0: its own, 1: the next) and the characters it requires there
#: (CommonMark's and GFM's: a delimiter row, a fence, a list marker, HTML, an ATX heading).
_FIRST = {
    "table": (1, "|-:"),
    "fence": (0, "`~"),
    "list": (0, "*-+0123456789"),
    "html_block": (0, "<"),
    "heading": (0, "#"),
}


def make_parser(*, guarded: bool = True) -> MarkdownIt:
    """The block parser: ``guarded`` (the default) calls the rules of :data:`_FIRST` only on lines
    they can match (:func:`_guarded`); unguarded, it is the reference the guards are tested
    against."""
    md = _Markdown("commonmark", {"html": True}).enable("table")
    md.block.ruler.at("table", table_rule, {"alt": ["paragraph", "reference"]})
    md.disable(["code", "blockquote", "hr", "reference", "lheading"])
    # The page text is normalised once (``page.normalise_text``): no second pass over each section.
    md.disable(["normalize", "inline", "text_join"])
    md.inline.ruler.disable(["image", "autolink"])
    if guarded:
        for rule in md.block.ruler.__rules__:
            if rule.name in _FIRST:
                rule.fn = _guarded(rule.fn, *_FIRST[rule.name])
        md.block.ruler.__cache__ = None  # the chains are compiled again, with the guarded rules
    return md


MD = make_parser()


@dataclass(slots=True)
class Cell:
    source: str  # the cell's markdown, trimmed
    _inline: InlineText | None = None


@dataclass(slots=True)
class Row:
    line: int
    cells: list[Cell]
    extra: int = (
        0  # cells written beyond (>0, merged into the last cell) or short of (<0) the header
    )


@dataclass(slots=True)
class Table:
    line: int
    header: list[Cell]
    rows: list[Row]


@dataclass(slots=True)
class Fence:
    line: int  # line of the opening fence
    info: str  # info string, lower case (``http``, ``json``…)
    content: str
    annotation: Annotation | None = None
    annotation_gap: bool = False  # text stood between the annotation and the fence


@dataclass(slots=True)
class Paragraph:
    line: int
    source: str


@dataclass(slots=True)
class Blocks:
    tables: list[Table] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    bad_annotations: list[tuple[int, str]] = field(default_factory=list)  # (line, why)


class Tokenizer:
    """Tokenises section text of one page; holds the page's reference definitions for links."""

    def __init__(
        self, lines: list[str], references: dict[str, str], fences: dict[int, int]
    ) -> None:
        self.lines = lines
        self.fences = fences
        self.env: dict[str, Any] = {
            "references": {
                normalizeReference(label): {"href": href, "title": ""}
                for label, href in references.items()
            }
        }

    def inline(self, cell: Cell | Paragraph) -> InlineText:
        if isinstance(cell, Cell):
            if cell._inline is None:
                cell._inline = parse_inline(MD, cell.source, self.env)
            return cell._inline
        return parse_inline(MD, cell.source, self.env)

    def blocks(self, start: int, end: int) -> Blocks:
        """Tables, fences (with their annotations) and paragraphs of ``lines[start:end]``."""
        out = Blocks()
        if start >= end:
            return out
        source, kept = self._source(start, end)
        tokens: list[Token] = []
        MD.block.parse(source, MD, dict(self.env), tokens)  # the core chain holds only this rule
        pending: tuple[Annotation, bool] | None = None  # (annotation, text stood in between)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.map is None:  # closing tokens: nothing to read
                index += 1
                continue
            line = kept[token.map[0]] + 1
            kind = token.type
            if kind == "html_block":
                annotation, problem = parse_comment(token.content, line)
                if problem:
                    out.bad_annotations.append((line, problem))
                pending = (annotation, False) if annotation else pending
            elif kind == "fence":
                content = self._fence_content(line - 1, token)
                fence = Fence(line, token.info.strip().lower(), content)
                if pending:
                    fence.annotation, fence.annotation_gap = pending
                    pending = None
                out.fences.append(fence)
            elif kind == "specdown_table":
                self._table(token, kept, out)
            elif kind == "paragraph_open":
                out.paragraphs.append(Paragraph(line, tokens[index + 1].content))
                if pending:
                    pending = (pending[0], True)
            elif (
                kind == "heading_open" and pending and not tokens[index + 1].content.startswith("[")
            ):
                pending = None  # a real heading ends an annotation's reach; a tab header does not
            index += 1
        return out

    def _source(self, start: int, end: int) -> tuple[str, list[int]]:
        """The lines without fenced code bodies, and the page line index of each line kept.

        markdown-it's block state walks its source a line (and a character) at a time, and code
        bodies (example JSON) are most of an operation page; the fence rule needs only the fence
        lines, and the body is taken from the page's lines afterwards (:meth:`_fence_content`).
        """
        kept = list(range(start, end))
        for opening, closing in sorted(self.fences.items(), reverse=True):
            if start <= opening < end:
                del kept[opening + 1 - start : min(closing, end) - start]
        return "\n".join([self.lines[index] for index in kept]), kept

    def _fence_content(self, opening: int, token: Token) -> str:
        closing = self.fences.get(opening)
        if closing is None:
            return token.content
        opener = self.lines[opening]
        indent = len(opener) - len(opener.lstrip(" "))
        body = self.lines[opening + 1 : closing]
        if indent:
            body = [line[min(indent, len(line) - len(line.lstrip(" "))) :] for line in body]
        return "".join(line + "\n" for line in body)

    def _table(self, token: Token, kept: list[int], out: Blocks) -> None:
        (head_line, head), *body = token.meta["rows"]
        table = Table(kept[head_line] + 1, [Cell(text) for text in head], [])
        for line, cells in body:
            row = Row(kept[line] + 1, [Cell(text) for text in cells])
            self._recover_extra_cells(row, len(table.header))
            table.rows.append(row)
        out.tables.append(table)

    def _recover_extra_cells(self, row: Row, width: int) -> None:
        """GFM drops cells beyond the header's count (an unescaped ``|`` in a description)."""
        source = self.lines[row.line - 1].strip()
        if source.startswith("|"):
            source = source[1:]
        if source.endswith("|") and not source.endswith("\\|"):
            source = source[:-1]
        cells = escaped_split(source)
        if width and len(cells) != width:
            row.extra = len(cells) - width
        if row.extra > 0:
            merged = " | ".join(cell.strip() for cell in cells[width - 1 :])
            row.cells[width - 1] = Cell(merged)
