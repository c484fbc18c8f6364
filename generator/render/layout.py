"""Generated modules → black's layout, without running black.

black spends most of generation time re-parsing code whose shape the templates already know. The
templates write black's style (blank lines, docstrings, quotes, spacing) with every statement on one
line, or explode their own collections one element per line with a magic trailing comma. This module
caps blank lines as black does, moves the closing quotes of a docstring whose last line is too long,
and splits the lines longer than black's limit exactly as black 26.10.1 does for the shapes
generated code has:

- ``from m import a, b`` → one name per line in parentheses;
- ``def f(...) -> R:`` → the parameters on one indented line, or one per line with a trailing comma;
  a return annotation that does not fit goes in parentheses;
- a statement, or an element inside an exploded bracket, split at its last bracket pair (black's
  "right hand split"): the content on one indented line if it fits, else one element per line
  with a trailing comma, recursively; collection literals always one element per line; a head that
  does not fit is settled as black's "second opinion" settles it;
- ``name: A | B = value`` and union-annotated parameters → the annotation in parentheses;
  ``name = "long value"`` → the value in parentheses when it then fits;
- an element that cannot be split (a long string) stays as it is.

Any other shape over the limit (operators or method chains at the top of a long expression, comments,
non-ASCII code) makes :func:`layout` return None and the module goes through black.
``tests/render/test_layout.py`` checks each rule against black; the generated-package tests check
that black leaves every module from the example, the shared and the hostile specs unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import add, sub

LINE_LENGTH = 88

#: A one-line string literal.
_STRING = r"""[rRbBuU]?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
_STRINGS = re.compile(_STRING)
#: The spaces before a token, and the token: a string, a name, a number or an operator.
_TOKEN = re.compile(
    rf"""([ \t]*)(
    {_STRING}
   |[A-Za-z_]\w*
   |\d[\w.]*
   |\*\*|->|:=|==|!=|<=|>=|//|<<|>>|\.\.\.|[-+*/%@&|^~<>=.:;,()\[\]{{}}]
    )""",
    re.VERBOSE,
)
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")", "]", "}"}
#: Tokens after which ``*``, ``**``, ``-``, ``+`` and ``~`` are unary, not operators.
_UNARY_AFTER = {"(", "[", "{", ",", "=", ":", "->", "return", "lambda", "await", "not"}
#: Binary operators and keywords black splits at (any priority but the comma's).
_OPERATORS = {"+", "-", "*", "/", "//", "%", "@", "**", "|", "&", "^", "~", "<<", ">>", "<", ">"}
_OPERATORS |= {"==", "!=", "<=", ">=", ":="}
_KEYWORDS = {"if", "else", "and", "or", "not", "in", "is", "for", "async", "yield"}


class UnsupportedLineError(Exception):
    """A line whose layout black decides by rules this module does not implement."""


class _LongHeadError(UnsupportedLineError):
    """A split whose first line does not fit (so black's result has a line that does not)."""


def _is_str(token: str) -> bool:
    return token[0] in "\"'" or (token[0] in "rRbBuU" and token[1:2] in ("'", '"'))


def _is_name(token: str) -> bool:
    return (token[0].isalpha() or token[0] == "_") and not _is_str(token)


@dataclass(slots=True)
class _Line:
    """The tokens of one source line, where each starts and ends, and the bracket pairs."""

    text: str
    toks: tuple[str, ...]
    starts: list[int]
    ends: list[int]
    match: dict[int, int]  # index of a bracket → index of its partner (both ways)

    @classmethod
    def parse(cls, text: str) -> _Line:
        found = _TOKEN.findall(text)
        spaces, toks = zip(*found, strict=True) if found else ((), ())
        if sum(map(len, spaces)) + sum(map(len, toks)) != len(text):
            raise UnsupportedLineError(f"cannot tokenize {text[:40]!r}")  # a comment, say
        ends = list(accumulate(map(add, map(len, spaces), map(len, toks))))
        starts = list(map(sub, ends, map(len, toks)))
        match: dict[int, int] = {}
        stack: list[int] = []
        for i, tok in enumerate(toks):
            if tok in _OPEN:
                stack.append(i)
            elif tok in _CLOSE:
                if not stack or _OPEN[toks[stack[-1]]] != tok:
                    raise UnsupportedLineError("unbalanced brackets")
                j = stack.pop()
                match[i], match[j] = j, i
        if stack:
            raise UnsupportedLineError("unbalanced brackets")
        return cls(text, toks, starts, ends, match)

    def src(self, lo: int, hi: int) -> str:
        """Source of tokens ``lo..hi-1`` as written."""
        if lo >= hi:
            return ""
        return self.text[self.starts[lo] : self.ends[hi - 1]]

    def top(self, lo: int, hi: int) -> list[int]:
        """Indexes of the tokens in ``lo..hi-1`` outside any bracket opened in that range."""
        out: list[int] = []
        i = lo
        while i < hi:
            out.append(i)
            i = self.match[i] + 1 if self.toks[i] in _OPEN else i + 1
        return out

    def commas(self, lo: int, hi: int) -> list[int]:
        return [i for i in self.top(lo, hi) if self.toks[i] == ","]

    def has_other_delimiters(self, lo: int, hi: int) -> bool:
        """Any top-level delimiter black would split at other than commas."""
        previous: str | None = None
        lambda_params = False
        for i in self.top(lo, hi):
            tok = self.toks[i]
            if tok == "lambda":
                lambda_params = True
            elif lambda_params:
                if tok == ":":
                    lambda_params = False
                elif tok == ",":
                    raise UnsupportedLineError("a lambda with several parameters")
            elif tok in _OPERATORS:
                if not (tok in {"*", "**", "-", "+", "~"} and _unary(previous)):
                    return True
            elif _is_delimiter(tok, previous):
                return True
            elif tok == ";":
                raise UnsupportedLineError("several statements")
            previous = tok
        return False


def _is_delimiter(tok: str, previous: str | None) -> bool:
    """A keyword operator, implicit string concatenation, or a dot after a call (a chain)."""
    if tok in _KEYWORDS:
        return True
    if _is_str(tok):
        return previous is not None and _is_str(previous)
    return tok == "." and (previous is None or previous in _CLOSE)


def _unary(previous: str | None) -> bool:
    return previous is None or previous in _UNARY_AFTER or previous in _OPERATORS


def _short(line: str) -> bool:
    """Whether black leaves the line as it is. black measures display width, where a character
    counts 0, 1 or 2 columns; a non-ASCII line counts as short only when it fits with each of its
    non-ASCII characters counted twice (else it goes to :func:`layout_line`, which declines it)."""
    if line.isascii():
        return len(line) <= LINE_LENGTH
    return len(line) + sum(not char.isascii() for char in line) <= LINE_LENGTH


def _fits(indent: str, text: str) -> bool:
    return len(indent) + len(text) <= LINE_LENGTH


def layout_line(text: str, indent: str, *, inside_brackets: bool) -> list[str]:
    """black's lines for one logical line (without its indentation) at ``indent``.

    ``inside_brackets``: the line is an element of a bracket the template already exploded.
    Raises :class:`UnsupportedLineError` for shapes outside this module's rules.
    """
    if not text.isascii():  # black measures wide characters by their display width
        raise UnsupportedLineError("non-ASCII text")
    line = _Line.parse(text)
    return _transform(line, 0, len(line.toks), indent, inside_brackets=inside_brackets)


def _magic_comma(line: _Line, lo: int, hi: int) -> bool:
    """Whether any bracket in ``lo..hi-1`` ends with a trailing comma black keeps exploded."""
    for i in range(lo, hi):
        tok = line.toks[i]
        if tok in _CLOSE and i > lo and line.toks[i - 1] == ",":
            opening = line.match[i]
            single = len(line.commas(opening + 1, i)) == 1
            if not single:
                return True
            if tok == ")" and _is_atom(line, opening):
                continue  # a one-element tuple: the comma is required, not magic
            if tok == "]" and not _is_atom(line, opening):
                continue  # a one-element subscript
            return True
    return False


def _is_atom(line: _Line, opening: int) -> bool:
    """A bracket that opens a literal (tuple, list, dict, set), not a call or subscript."""
    if opening == 0:
        return True
    previous = line.toks[opening - 1]
    if _is_str(previous) or previous in _CLOSE:
        return False
    if _is_name(previous):
        return previous in _KEYWORDS or previous in {"return", "lambda", "await"}
    return True


def _transform(
    line: _Line, lo: int, hi: int, indent: str, *, inside_brackets: bool, suffix: str = ""
) -> list[str]:
    """black's lines for tokens ``lo..hi-1``; ``suffix`` (a trailing comma black adds) ends the
    last line and counts towards its length."""
    text = line.src(lo, hi) + suffix
    if _fits(indent, text) and not _magic_comma(line, lo, hi):
        return [indent + text]
    if suffix and not inside_brackets:
        raise UnsupportedLineError("a suffix outside brackets")
    first = line.toks[lo]
    if first == "def" or (first == "async" and hi - lo > 1 and line.toks[lo + 1] == "def"):
        return _left_hand_split(line, lo, hi, indent)
    if first == "from":
        return _import(line, lo, hi, indent)
    if inside_brackets:
        if _is_union_parameter(line, lo, hi):
            return _parameter(line, lo, hi, indent, suffix)
        split = _delimiter_split(line, lo, hi, indent, suffix=suffix)
        if split is not None:
            return split
        if not any(line.toks[i] in _CLOSE for i in range(lo, hi)):
            return [indent + text]  # nothing to split at: black leaves it long
        return _right_hand_split(line, lo, hi, indent, suffix=suffix)
    return _statement(line, lo, hi, indent)


def _delimiter_split(
    line: _Line, lo: int, hi: int, indent: str, *, suffix: str = ""
) -> list[str] | None:
    """One element per line at the top-level commas (black adds the last one's), or None when
    there are none."""
    end = hi - 1 if line.toks[hi - 1] == "," else hi
    commas = line.commas(lo, end)
    if not commas:  # commas outrank every other delimiter: only without them do those count
        if line.has_other_delimiters(lo, end):
            raise UnsupportedLineError("a split at operators")
        return None
    if suffix:
        raise UnsupportedLineError("a split element followed by a comma black adds")
    out: list[str] = []
    starts = [lo, *(c + 1 for c in commas)]
    for start, stop in zip(starts, [*starts[1:], hi], strict=True):
        add = "," if stop == hi and line.toks[hi - 1] != "," else ""
        out += _transform(line, start, stop, indent, inside_brackets=True, suffix=add)
    return out


def _body(line: _Line, opening: int, closing: int, indent: str, *, explode: bool) -> list[str]:
    """The content of a bracket pair split off onto its own lines."""
    inner = indent + "    "
    lo, hi = opening + 1, closing
    if lo == hi:
        raise UnsupportedLineError("empty brackets")
    trailing = line.toks[hi - 1] == ","
    commas = line.commas(lo, hi - 1 if trailing else hi)
    if (explode and commas) or (trailing and (commas or not _single_ok(line, opening))):
        return _delimiter_split(line, lo, hi, inner) or [inner + line.src(lo, hi)]
    return _transform(line, lo, hi, inner, inside_brackets=True)


def _single_ok(line: _Line, opening: int) -> bool:
    """A lone trailing comma that black does not treat as magic (one-tuple, one-item subscript)."""
    tok = line.toks[opening]
    atom = _is_atom(line, opening)
    return (tok == "(" and atom) or (tok == "[" and not atom)


def _split_at(
    line: _Line,
    lo: int,
    hi: int,
    opening: int,
    indent: str,
    *,
    body: list[str],
    suffix: str = "",
    long_head: bool = False,
) -> list[str]:
    """Head (up to ``opening``), body lines, tail; ``long_head``: black keeps a head that does
    not fit (a ``def``'s) rather than looking for another split."""
    closing = line.match[opening]
    head = line.src(lo, opening + 1)
    tail = line.src(closing, hi) + suffix
    if not (long_head or _fits(indent, head)):
        raise _LongHeadError("the head of a split is too long")
    if not _fits(indent, tail):
        raise UnsupportedLineError("the tail of a split is too long")
    return [indent + head, *body, indent + tail]


def _right_hand_split(
    line: _Line, lo: int, hi: int, indent: str, *, suffix: str = "", long_head: bool = False
) -> list[str]:
    closing = next((i for i in range(hi - 1, lo - 1, -1) if line.toks[i] in _CLOSE), None)
    if closing is None:
        raise UnsupportedLineError("no bracket to split at")
    if any(line.toks[i] not in {",", ":"} for i in range(closing + 1, hi)):
        raise UnsupportedLineError("text after the last bracket")
    opening = line.match[closing]
    explode = _is_atom(line, opening)
    body = _body(line, opening, closing, indent, explode=explode)
    return _split_at(line, lo, hi, opening, indent, body=body, suffix=suffix, long_head=long_head)


def _left_hand_split(line: _Line, lo: int, hi: int, indent: str) -> list[str]:
    opening = next(i for i in range(lo, hi) if line.toks[i] == "(")
    closing = line.match[opening]
    inner = indent + "    "
    a, b = opening + 1, closing
    if a == b:
        raise UnsupportedLineError("a def without parameters")
    if line.toks[b - 1] == "," or len(line.commas(a, b)) == 0:
        body = _delimiter_split(line, a, b, inner) or [inner + line.src(a, b) + ","]
    else:
        body = _transform(line, a, b, inner, inside_brackets=True)
    tail = line.src(closing, hi)
    if _fits(indent, tail):
        return _split_at(line, lo, hi, opening, indent, body=body, long_head=True)
    return [indent + line.src(lo, opening + 1), *body, *_def_tail(tail, indent)]


def _def_tail(tail: str, indent: str) -> list[str]:
    """``) -> R:`` too long for its line: black puts a return annotation that fits its own line in
    parentheses, and leaves the line long when it does not."""
    returns = tail[5:-1] if tail.startswith(") -> ") and tail.endswith(":") else ""
    if not returns or any(c in returns for c in "()[]{}'\"#"):
        raise UnsupportedLineError("a long def tail that is not a plain return annotation")
    if _fits(indent + "    ", returns):
        return [indent + ") -> (", indent + "    " + returns, indent + "):"]
    return [indent + tail]


def _import(line: _Line, lo: int, hi: int, indent: str) -> list[str]:
    names = next(i for i in range(lo, hi) if line.toks[i] == "import") + 1
    if line.toks[names] == "(":
        raise UnsupportedLineError("a parenthesised import")
    head = line.src(lo, names) + " ("  # black keeps this even when it is too long
    body = _delimiter_split(line, names, hi, indent + "    ")
    return [indent + head, *(body or [indent + "    " + line.src(names, hi) + ","]), indent + ")"]


def _statement(line: _Line, lo: int, hi: int, indent: str) -> list[str]:
    """A statement: black wraps the value of ``=``, ``:`` and ``return`` in invisible parentheses
    and omits them when the value has no top-level delimiter and splits at its own brackets."""
    top = line.top(lo, hi)
    equals = [i for i in top if line.toks[i] == "="]
    value = lo + 1 if line.toks[lo] == "return" else (equals[-1] + 1 if equals else lo)
    if value == hi:
        raise UnsupportedLineError("an empty value")
    if line.has_other_delimiters(value, hi) or line.commas(value, hi):
        raise UnsupportedLineError("a value with top-level delimiters")
    closing = next((i for i in range(hi - 1, value - 1, -1) if line.toks[i] in _CLOSE), None)
    if closing is not None:
        if line.toks[lo] == "class":  # no invisible parentheses: black keeps a long head
            return _right_hand_split(line, lo, hi, indent, long_head=True)
        if not _fits(indent, line.src(lo, line.match[closing] + 1)):
            return _long_head(line, lo, value, hi, indent)
        return _right_hand_split(line, lo, hi, indent)
    if value == lo:
        raise UnsupportedLineError("a long expression without brackets")
    colon = next((i for i in top if line.toks[i] == ":"), None)
    if colon is not None and colon == lo + 1 and len(equals) == 1:
        return _annotated(line, (lo, colon, equals[0], hi), indent)
    simple = (len(equals) == 1 and equals[0] == lo + 1) or line.toks[lo] == "return"
    if simple and _fits(indent + "    ", line.src(value, hi)):
        return _wrapped(line, lo, value, hi, indent)
    return [indent + line.src(lo, hi)]  # nothing black can do: the line stays long


def _wrapped(line: _Line, lo: int, value: int, hi: int, indent: str) -> list[str]:
    """``head (`` / ``value`` / ``)``: the value in the parentheses black makes visible."""
    return [
        indent + line.src(lo, value) + " (",
        indent + "    " + line.src(value, hi),
        indent + ")",
    ]


def _long_head(line: _Line, lo: int, value: int, hi: int, indent: str) -> list[str]:
    """A value that is one call whose head does not fit: black also tries the value in
    parentheses and takes that when every line fits, else keeps the long head."""
    top = line.top(value, hi)
    brackets = [i for i in top if line.toks[i] in _OPEN]
    if len(brackets) != 1 or line.match[brackets[0]] != hi - 1:
        raise UnsupportedLineError("a long head with other brackets to try")
    inner = indent + "    "
    try:
        body = _transform(line, value, hi, inner, inside_brackets=True)
        fits = all(len(x) <= LINE_LENGTH for x in body)
    except _LongHeadError:  # black's version of the body has a line that does not fit
        fits = False
    if fits:
        return [indent + line.src(lo, value) + " (", *body, indent + ")"]
    lines = _body(line, brackets[0], hi - 1, indent, explode=False)
    return _split_at(line, lo, hi, brackets[0], indent, body=lines, long_head=True)


def _annotated(line: _Line, marks: tuple[int, int, int, int], indent: str) -> list[str]:
    """``name: A = value`` whose value has no brackets: ``name: A = (`` / ``value`` / ``)`` when
    that head fits with a character to spare, else ``name: (`` / ``A`` / ``) = value`` when the
    annotation is a union or has no brackets; ``marks`` index the name, the colon, the equals
    sign and the end."""
    lo, colon, b, hi = marks
    a = colon + 1
    # black counts a space where the invisible parenthesis after "=" goes
    if len(indent) + len(line.src(lo, b + 1)) + 1 <= LINE_LENGTH - 1:
        return _wrapped(line, lo, b + 1, hi, indent)
    union = any(line.toks[i] == "|" for i in line.top(a, b))
    if not union and any(line.toks[i] in _OPEN for i in range(a, b)):
        raise UnsupportedLineError("a long annotation with brackets")
    if line.toks[b - 1] in {")", "}"}:
        raise UnsupportedLineError("an annotation ending in a bracket")
    if not union and not _fits(indent + "    ", line.src(a, b)):
        return [indent + line.src(lo, hi)]  # black gives up: the line stays long
    head = line.src(lo, a) + " ("
    tail = ") " + line.src(b, hi)
    if not (_fits(indent, head) and _fits(indent, tail)):
        raise UnsupportedLineError("a long annotation whose head or tail is too long")
    return [indent + head, *_union(line, a, b, indent + "    "), indent + tail]


def _is_union_parameter(line: _Line, lo: int, hi: int) -> bool:
    """``name: A | B`` (with a default, a trailing comma): a parameter annotated with a union."""
    if hi - lo < 4 or not _is_name(line.toks[lo]) or line.toks[lo + 1] != ":":
        return False
    end = _annotation_end(line, lo, hi)
    return any(line.toks[i] == "|" for i in line.top(lo + 2, end))


def _annotation_end(line: _Line, lo: int, hi: int) -> int:
    return next((i for i in line.top(lo + 2, hi) if line.toks[i] in {"=", ","}), hi)


def _parameter(line: _Line, lo: int, hi: int, indent: str, suffix: str) -> list[str]:
    """``name: A | B = default,`` → ``name: (`` / the union / ``) = default,``."""
    end = _annotation_end(line, lo, hi)
    if line.toks[end - 1] in {")", "}"}:
        raise UnsupportedLineError("an annotation ending in a bracket")
    tail = ")" + (" " if line.toks[end] == "=" else "") + line.src(end, hi) if end < hi else ")"
    tail += suffix
    head = line.src(lo, lo + 2) + " ("
    if not (_fits(indent, head) and _fits(indent, tail)):
        raise UnsupportedLineError("a long parameter whose head or tail is too long")
    return [indent + head, *_union(line, lo + 2, end, indent + "    "), indent + tail]


def _union(line: _Line, a: int, b: int, indent: str) -> list[str]:
    """A union annotation on its own line, or one member per line (``| B``) when it does not fit."""
    text = line.src(a, b)
    if _fits(indent, text):
        return [indent + text]
    bars = [i for i in line.top(a, b) if line.toks[i] == "|"]
    starts, ends = [a, *bars], [*bars, b]
    for x, y in zip(starts, ends, strict=True):  # a long plain name stays long, as in black
        if not _fits(indent, line.src(x, y)) and any(line.toks[i] in _OPEN for i in range(x, y)):
            raise UnsupportedLineError("a union member too long for its line")
    return [indent + line.src(x, y) for x, y in zip(starts, ends, strict=True)]


def _long_def_head(stripped: str) -> bool:
    return stripped.endswith("(") and stripped.startswith(("def ", "async def "))


def layout(source: str) -> str | None:
    """``source`` in black's layout, or None when a long line has a shape :func:`layout_line`
    does not handle.

    Besides splitting long lines, blank lines outside strings are capped as black caps them (two
    before a top-level line, one inside a block, none at the end of the file), and a docstring
    whose last line is too long gets its closing quotes on a line of their own.
    """
    out: list[str] = []
    blank = 0  # blank lines waiting for the next line of code
    depth = 0  # brackets the template left open on earlier lines
    in_string = False  # inside a triple-quoted string
    opened = ""  # indentation of the line that opened the triple-quoted string
    escaped_newline = False  # that string has a backslash at the end of a line
    for line in source.split("\n"):
        if in_string:
            odd = line.count('"""') % 2
            if odd and len(line) > LINE_LENGTH and line.endswith('"""') and not escaped_newline:
                out += [line[:-3].rstrip(), opened + '"""']  # black strips that line too
            else:
                out.append(line)
            # black leaves alone a docstring with a backslash before a newline
            escaped_newline = escaped_newline or line.rstrip().endswith("\\")
            in_string = not odd
            continue
        if not line or line.isspace():
            blank += 1
            continue
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        if blank:
            if out:
                out += [""] * min(blank, 1 if indent else 2)
            blank = 0
        if stripped[0] == "#":  # black never splits a comment
            out.append(line)
        elif stripped.startswith('"""'):  # a docstring (no other code has triple quotes)
            out.append(line)
            opened, in_string = indent, line.count('"""') == 1
            escaped_newline = line.rstrip().endswith("\\")
        elif _short(line):
            out.append(line)
            # Black-style code opens a bracket it leaves open at the end of a line and closes it
            # at the start of one: only such lines can change the depth.
            if stripped[0] in _CLOSE or line[-1] in _OPEN:
                bare = _STRINGS.sub("", line) if ("'" in line or '"' in line) else line
                depth += sum(map(bare.count, "([{")) - sum(map(bare.count, ")]}"))
        elif _long_def_head(stripped):
            # black keeps a def's head however long; the template exploded the rest
            out.append(line)
            depth += 1
        elif stripped.startswith(") -> ") and depth > 0:  # the end of an exploded def
            try:
                out += _def_tail(stripped, indent)
            except UnsupportedLineError:
                return None
            depth -= 1
        else:
            try:
                out += layout_line(stripped, indent, inside_brackets=depth > 0)
            except UnsupportedLineError:
                return None
    return "\n".join(out) + "\n" if out else ""
