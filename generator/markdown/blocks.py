"""markdown-it-py, configured minimally, over the sections that matter.

One ``MarkdownIt`` instance: CommonMark block rules for paragraphs, fences, HTML blocks, headings and
lists, plus GFM tables; the core inline pass is off, and inline markup is parsed on demand for the
cells and paragraphs that are read (:mod:`generator.markdown.inline`). A section's lines are tokenised
on their own and token line maps are shifted back to page lines. The stock rules run unchanged; the
ones tried on every line are skipped where the line's first character rules them out
(:func:`_guarded`), and the table rule records its output as one token (:func:`table_rule`).
A section or cell text seen before, on this page or an earlier one, is answered from a memo
(:data:`SECTIONS`, :data:`CELLS`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, TypeVar

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

from generator.markdown.annotations import read_comment
from generator.markdown.inline import InlineText, parse_inline
from generator.markdown.model import Annotation

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


def _guarded(rule: Any, offset: int, characters: str) -> Any:
    """``rule``, called only when its line (``offset`` lines on: a table's delimiter row) starts
    with one of ``characters``.

    Block rules are tried in turn on every line, and again on each line of a paragraph or table to
    learn whether it ends there; most calls fail on that first character, after logging and option
    checks. ``characters`` are those the rule itself requires first, where it looks (code blocks are
    off, so indentation never decides), so the guard changes no result. Each rule also fails on
    an empty or missing line: the tokenizer skips empty lines, and a table's delimiter row must
    have text (most tries of the table rule are a paragraph's last line, before a blank one).
    """

    def guarded(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        line = start + offset
        if line >= state.lineMax:
            return False
        position = state.bMarks[line] + state.tShift[line]
        return (
            position < state.eMarks[line]
            and state.src[position] in characters
            and bool(rule(state, start, end, silent))
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


K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """Results by their input (a dict, looked up at C speed), forgotten all at once when ``size``
    are held (:meth:`trim`): a long-lived process (``serve``, a watch loop) must not grow without
    end."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def trim(self) -> None:
        """Forget everything when full. Called between pages only: a page's pickle (its model
        digest) tells which of its values are one object, and two equal cells of one page must
        always be one, whatever pages were parsed before."""
        if len(self) >= self.size:
            self.clear()


#: What markdown-it found in a section's source (the kind, the token's first line in the source,
#: what the kind needs; see :func:`_items`).
Item = tuple[str, int, Any]

#: Pages repeat much of their text word for word (permission tables, "If successful…" sentences,
#: the prose around examples): half the sections of the corpus and three quarters of the cells
#: read are the same text as an earlier one, so markdown-it's answer for each is kept.
#:
#: A page's pickle is its model digest, and pickle writes an object met twice once: so a page
#: must hold the same objects, shared alike, whatever pages were parsed before. A remembered
#: result holds objects of the page that made it. Of those, the only one that page also holds
#: elsewhere is a cell's text, which the cell's inline result may be (a one-word ``split`` gives
#: the string itself): a remembered result takes the new cell's text there
#: (:meth:`Tokenizer._inline`). Sections are joined afresh from the page's lines, which no page
#: model holds.
SECTIONS: Memo[str, tuple[Item, ...]] = Memo(20_000)
CELLS: Memo[str, tuple[str, InlineText]] = Memo(50_000)


def forget() -> None:
    """Empty :data:`SECTIONS` and :data:`CELLS` (to time a parse as if nothing was seen before)."""
    SECTIONS.clear()
    CELLS.clear()


def _items(source: str) -> tuple[Item, ...]:
    """The blocks of ``source`` that :meth:`Tokenizer.blocks` reads, from markdown-it's tokens.

    Block rules never read the environment (the reference rule is off), so the tokens, and these
    items, depend on the source alone.
    """
    found = SECTIONS.get(source)
    if found is not None:
        return found
    tokens: list[Token] = []
    MD.block.parse(source, MD, {}, tokens)  # the core chain holds only this rule
    items: list[Item] = []
    for index, token in enumerate(tokens):
        if token.map is None:  # closing tokens: nothing to read
            continue
        kind, line = token.type, token.map[0]
        if kind == "html_block":
            items.append((kind, line, read_comment(token.content)))
        elif kind == "fence":
            items.append((kind, line, (token.info.strip().lower(), token.content)))
        elif kind == "specdown_table":
            items.append((kind, line, token.meta["rows"]))
        elif kind == "paragraph_open":
            items.append((kind, line, tokens[index + 1].content))
        elif kind == "heading_open" and not tokens[index + 1].content.startswith("["):
            items.append((kind, line, None))  # a real heading; a tab header is not one
    found = SECTIONS[source] = tuple(items)
    return found


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
        self.references = bool(references)
        SECTIONS.trim()  # a new page
        CELLS.trim()

    def inline(self, cell: Cell | Paragraph) -> InlineText:
        if isinstance(cell, Cell):
            if cell._inline is None:
                cell._inline = self._inline(cell.source)
            return cell._inline
        return self._inline(cell.source)

    def _inline(self, source: str) -> InlineText:
        if self.references and "[" in source:  # a link may be one of the page's references
            return parse_inline(MD, source, self.env)
        found = CELLS.get(source)
        if found is None:
            text = parse_inline(MD, source, self.env)
            CELLS[source] = (source, text)
            return text
        seen, text = found
        if seen is not source and (text.plain is seen or text.marked is seen or text.shape is seen):
            plain, marked, shape = (
                source if part is seen else part for part in (text.plain, text.marked, text.shape)
            )
            text = InlineText(plain, marked, shape, text.links)
        return text

    def blocks(self, start: int, end: int) -> Blocks:
        """Tables, fences (with their annotations) and paragraphs of ``lines[start:end]``."""
        out = Blocks()
        if start >= end:
            return out
        source, kept = self._source(start, end)
        pending: tuple[Annotation, bool] | None = None  # (annotation, text stood in between)
        for kind, index, value in _items(source):
            line = kept[index] + 1
            if kind == "html_block":
                data, problem = value
                if problem:
                    out.bad_annotations.append((line, problem))
                pending = (Annotation(data, line), False) if data is not None else pending
            elif kind == "fence":
                info, content = value
                fence = Fence(line, info, self._fence_content(line - 1, content))
                if pending:
                    fence.annotation, fence.annotation_gap = pending
                    pending = None
                out.fences.append(fence)
            elif kind == "specdown_table":
                self._table(value, kept, out)
            elif kind == "paragraph_open":
                out.paragraphs.append(Paragraph(line, value))
                if pending:
                    pending = (pending[0], True)
            elif pending:  # a heading ends an annotation's reach
                pending = None
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

    def _fence_content(self, opening: int, parsed: str) -> str:
        """The fence's body from the page's lines (``parsed``, markdown-it's, when the scan
        found no such fence)."""
        closing = self.fences.get(opening)
        if closing is None:
            return parsed
        opener = self.lines[opening]
        indent = len(opener) - len(opener.lstrip(" "))
        body = self.lines[opening + 1 : closing]
        if indent:
            body = [line[min(indent, len(line) - len(line.lstrip(" "))) :] for line in body]
        return "".join(line + "\n" for line in body)

    def _table(self, rows: list[tuple[int, list[str]]], kept: list[int], out: Blocks) -> None:
        (head_line, head), *body = rows
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
