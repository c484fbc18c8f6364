"""All naming: pure case conversion and sanitising, plus a registry per scope that keeps names unique.

Every identifier specdown emits is ASCII (no NFKC surprises), never a keyword, never shadows what the
generated module itself uses, and is stable: the same input gives the same name on every run. A
collision renames with a numeric suffix (``Foo``, ``Foo2``); nothing is ever dropped.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

#: Names a generated module uses itself; a generated name must never shadow them.
GENERATED_NAMES = frozenset(
    {
        "annotations", "TYPE_CHECKING", "Any", "ClassVar", "Final", "Self", "Mapping", "dataclass",
        "field", "dataclasses", "datetime", "date", "time", "timedelta", "UUID", "uuid", "enum",
        "Enum", "typing", "json", "httpx", "Client", "AsyncClient", "Model", "Unset", "UNSET",
        "Union", "Literal", "Optional", "List", "Dict", "DecodeError",
    }
)  # fmt: skip

#: Attributes of the runtime ``Model`` base class; a field must not take these names.
MODEL_ATTRIBUTES = frozenset(
    {"additional_properties", "from_dict", "to_dict", "from_json", "to_json", "self", "cls"}
)

BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))

#: Snake-case names that would shadow an annotation inside a class body (mypy resolves there).
ANNOTATION_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict"} | {n.lower() for n in GENERATED_NAMES}
)


def words(text: str) -> list[str]:
    """Split any text into ASCII words at separators and case changes: ``@odata.type`` → odata, type.

    Accents are dropped first (``é`` → ``e``); other non-ASCII characters separate words.
    """
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(ascii_)


def snake(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


def pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def upper_snake(text: str) -> str:
    return "_".join(w.upper() for w in words(text))


def _valid(name: str, fallback: str, digit_prefix: str) -> str:
    if not name:
        return fallback
    if name[0].isdigit():
        return digit_prefix + name
    return name


def field_name(wire: str) -> str:
    """A dataclass attribute for a wire name: snake case, never a keyword, builtin type or method."""
    name = _valid(snake(wire), "value", "f_")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in ANNOTATION_NAMES:
        name += "_"
    if name in MODEL_ATTRIBUTES:
        name += "_"
    return name


def class_name(schema: str) -> str:
    """A class name: PascalCase, never a keyword, builtin or a name the module uses itself."""
    name = _valid(pascal(schema), "Schema", "Model")
    if keyword.iskeyword(name) or name in BUILTINS or name in GENERATED_NAMES:
        name += "Model"
    return name


#: Longest module name: a file name must stay well under the 255 bytes file systems allow.
MAX_MODULE = 100


def module_name(class_: str) -> str:
    """A module for a class: snake case, never a keyword, never private or dunder, not too long
    (a registry makes truncated names unique)."""
    name = _valid(snake(class_)[:MAX_MODULE].rstrip("_"), "model", "m_")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def member_name(value: object) -> str:
    """An enum member name for a wire value: UPPER_SNAKE, with a stand-in for symbols only."""
    text = str(value)
    name = upper_snake(text)
    if not name:
        name = "EMPTY" if text == "" else "VALUE"
    if name[0].isdigit():
        name = ("NEG_" if text.startswith("-") else "VALUE_") + name
    if keyword.iskeyword(name):
        name += "_"
    return name


class Registry:
    """Unique names in one scope (a module's classes, a class's fields, an enum's members).

    ``fold`` maps a name to its comparison key (``str.lower`` where case-insensitive file systems or
    readers matter). ``on_rename(original, renamed)`` is called for every collision.
    """

    __slots__ = ("_fold", "_on_rename", "_taken")

    def __init__(
        self,
        reserved: Iterable[str] = (),
        *,
        fold: Callable[[str], str] = str,
        on_rename: Callable[[str, str], None] | None = None,
    ) -> None:
        self._fold = fold
        self._on_rename = on_rename
        self._taken = {fold(name) for name in reserved}

    def __contains__(self, name: str) -> bool:
        return self._fold(name) in self._taken

    def claim(self, candidate: str, *, separator: str = "") -> str:
        """Take ``candidate``, or the first free ``candidate<sep>2``, ``<sep>3``…"""
        name, n = candidate, 1
        while self._fold(name) in self._taken:
            n += 1
            name = f"{candidate}{separator}{n}"
        self._taken.add(self._fold(name))
        if name != candidate and self._on_rename is not None:
            self._on_rename(candidate, name)
        return name

    def first_free(self, candidates: Iterable[str]) -> str | None:
        """The first candidate not yet taken (not claimed), if any."""
        for candidate in candidates:
            if self._fold(candidate) not in self._taken:
                return candidate
        return None
