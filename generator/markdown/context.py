"""Per-page state shared by the section readers: the lines, the tokenizer and the diagnostics."""

from __future__ import annotations

from generator.diagnostics import DiagnosticSink, Severity
from generator.markdown.blocks import Blocks, Cell, Paragraph, Tokenizer
from generator.markdown.inline import InlineText
from generator.markdown.links import resolve_link
from generator.markdown.model import Link, TypeRef
from generator.markdown.sections import Outline, Section
from generator.markdown.typecell import parse_type


class PageContext:
    def __init__(self, path: str, lines: list[str], outline: Outline) -> None:
        self.path = path
        self.lines = lines
        self.outline = outline
        self.tokenizer = Tokenizer(lines, outline.references, outline.fences)
        self.sink = DiagnosticSink()
        self._blocks: dict[int, Blocks] = {}

    def diag(self, line: int, severity: Severity, code: str, message: str) -> None:
        self.sink.add(self.path, line, severity, code, message)

    def blocks(self, section: Section) -> Blocks:
        """The section's own blocks (up to its first subheading), tokenised on first use."""
        key = section.start
        if key not in self._blocks:
            blocks = self.tokenizer.blocks(section.start, section.end)
            for line, problem in blocks.bad_annotations:
                self.diag(line, Severity.WARNING, "M002", problem)
            self._blocks[key] = blocks
        return self._blocks[key]

    def sections(self, *roles: str) -> list[Section]:
        return [s for s in self.outline.sections if s.role in roles]

    def inline(self, cell: Cell | Paragraph) -> InlineText:
        return self.tokenizer.inline(cell)

    def link(self, text: str, href: str) -> Link:
        return resolve_link(text, href, self.path)

    def type_of(self, cell: Cell, line: int) -> TypeRef | None:
        ref, problems = parse_type(self.inline(cell), cell.source, self.link)
        for problem in problems:
            self.diag(line, problem.severity, problem.code, problem.message)
        return ref
