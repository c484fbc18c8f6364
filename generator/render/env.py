"""The Jinja2 environment: top-level ``templates/``, StrictUndefined, and the two safety filters.

- ``docstring``: any text → the body of a ``\"\"\"…\"\"\"`` docstring that evaluates to that text.
- ``literal``: any text → a string literal that evaluates to that text.

Templates are thin: everything else arrives precomputed in the context. Compiled templates are kept
in Jinja's bytecode cache (a folder under the system's temporary directory, keyed by template
source and checked against its modification time), as Python keeps ``.pyc`` files: compiling the
templates is a few tenths of a second of every run.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from generator.codegen.literals import docstring, literal, tuple_literal

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Python source, not HTML: the filters do the escaping
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.filters["docstring"] = docstring
    env.filters["literal"] = literal
    env.filters["tuple_literal"] = tuple_literal
    return env
