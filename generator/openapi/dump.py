"""YAML output: block style, keys in document order, no anchors or aliases, unicode kept.

PyYAML's representer is pure Python even with the libyaml emitter and spends most of a corpus-sized
dump (12 MB) deciding how to write each scalar. The documents here hold only dicts, lists, strings,
numbers, booleans and None, so this writer emits them directly: a string is written plain when
PyYAML would read it back as the same string, else double-quoted with JSON escapes (a subset of
YAML's). Reading the text back with ``yaml.safe_load`` gives the document again (tested).

Path items and component schemas are written one by one (:func:`dump_fragments`), so a run can reuse
the text of every entry that did not change since the last run. An entry is recognised by a digest of
its place (``paths`` or ``components/schemas``: the indentation differs) and its ``marshal`` form,
which tells ``1`` from ``True`` and ``1.0`` (``==`` would not).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import marshal
import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

_PLAIN = re.compile(r"[A-Za-z0-9_./$(][A-Za-z0-9_ ./$()'+,=@-]*")
#: characters YAML would fold or reject inside a double-quoted scalar; JSON leaves them raw
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_STR_TAG = "tag:yaml.org,2002:str"
#: YAML readers scan at most 1024 characters for an implicit key's ':'
_SIMPLE_KEY_LIMIT = 1000
_resolver = yaml.resolver.Resolver()


def _quoted(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _string(text: str, cache: dict[str, str]) -> str:
    found = cache.get(text)
    if found is None:
        plain = (
            _PLAIN.fullmatch(text) is not None
            and not text.endswith(" ")
            and _resolver.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
        )
        found = cache[text] = text if plain else _quoted(text)
    return found


def _scalar(value: Any, cache: dict[str, str]) -> str:
    if isinstance(value, str):
        return _string(value, cache)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _block(value: Any, indent: str, out: list[str], cache: dict[str, str]) -> None:
    """Append the lines of a non-empty dict or list at ``indent``.

    Most keys and values are strings written before: ``cache`` answers them here, without the
    calls through :func:`_scalar` (a third of a corpus dump's time).
    """
    if isinstance(value, dict):
        for key, item in value.items():
            written = cache.get(key)
            head = f"{indent}{_scalar(key, cache) if written is None else written}:"
            if len(head) - len(indent) > _SIMPLE_KEY_LIMIT:  # YAML needs an explicit key: `? k`
                out.append(f"{indent}? {head[len(indent) : -1]}")
                head, indent_value = f"{indent}:", indent + "  "
            else:
                indent_value = indent
            if isinstance(item, str):
                written = cache.get(item)
                out.append(f"{head} {_string(item, cache) if written is None else written}")
            elif isinstance(item, dict | list) and item:
                out.append(head)
                _block(
                    item,
                    indent_value + "  " if isinstance(item, dict) else indent_value,
                    out,
                    cache,
                )
            else:
                out.append(f"{head} {_inline(item, cache)}")
        return
    for item in value:
        if isinstance(item, str):
            written = cache.get(item)
            out.append(f"{indent}- {_string(item, cache) if written is None else written}")
        elif isinstance(item, dict | list) and item:
            start = len(out)
            _block(item, indent + "  ", out, cache)
            out[start] = f"{indent}- {out[start][len(indent) + 2 :]}"
        else:
            out.append(f"{indent}- {_inline(item, cache)}")


def _inline(value: Any, cache: dict[str, str]) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value, cache)


def dump_yaml(document: dict[str, Any]) -> str:
    return dump_fragments(document, {}).text


#: The top-level members whose entries are written (and reused) one by one, and their indent.
FRAGMENTED = {("paths",): "  ", ("components", "schemas"): "    "}
#: A fragmented member by its last key (the kind of a :data:`Place`).
PLACES = {where[-1]: where for where in FRAGMENTED}
#: Entries to write from which a forked child writes some (a cold corpus run writes 3,667: 0.8 s
#: in one process, 0.55 s in two; the fork costs more for a few hundred).
PARALLEL_ENTRIES = 1000
#: Chunks of entries each process may take (:func:`_write_entries`): enough for the two to end
#: together, few enough that each is worth a pickle.
CHUNKS_PER_PROCESS = 16

Entry = tuple[tuple[str, ...], str, Any]  # the fragmented member, the entry's name and value
#: An entry of a fragmented member: (the member's last key, ``paths`` or ``schemas``; its name).
Place = tuple[str, str]


@dataclass
class Dumped:
    """The YAML text in UTF-8, as it is written: each entry's text is encoded by the process that
    writes it, and the whole is joined as bytes (joining and encoding 12 MB of mostly non-ASCII
    text in one process took 0.05 s of a cold run's tail)."""

    data: bytes
    fragments: dict[bytes, bytes]  # each entry's text by digest (pass it back as ``previous``)
    spans: dict[Place, tuple[int, int]]  # where each entry's text starts and ends in ``data``

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def dump_fragments(
    document: dict[str, Any],
    previous: Mapping[bytes, bytes],
    *,
    meanwhile: Callable[[], object] | None = None,
) -> Dumped:
    """The YAML text, its entries' texts by digest and their places in it. ``meanwhile``: work of
    the caller's that this process does while a forked child writes entries (see
    :func:`_write_entries`); it runs once in any case, before this process writes any."""
    if not document:
        if meanwhile is not None:
            meanwhile()
        return Dumped(b"{}\n", {}, {})
    members = {
        where: value for where in FRAGMENTED if isinstance(value := member(document, where), dict)
    }
    digests: dict[tuple[str, ...], list[bytes | None]] = {}
    if previous:  # entries whose text is known are not written again
        fresh: list[Entry] = []
        for where, value in members.items():
            found = digests[where] = [_digest((*where, name), item) for name, item in value.items()]
            fresh.extend(
                (where, name, item)
                for (name, item), digest in zip(value.items(), found, strict=True)
                if digest is None or digest not in previous
            )
        texts = [text for text, _ in _write_entries(fresh, digest=False, meanwhile=meanwhile)]
    else:  # every entry is written, and digested by the process that writes it
        entries = [
            (where, name, item) for where, value in members.items() for name, item in value.items()
        ]
        written = _write_entries(entries, digest=True, meanwhile=meanwhile)
        texts = [text for text, _ in written]
        position = 0
        for where, value in members.items():
            digests[where] = [digest for _, digest in written[position : position + len(value)]]
            position += len(value)
    writer = _FragmentWriter(previous, digests, iter(texts))
    for key, value in document.items():
        if key == "components" and isinstance(value, dict) and value:
            writer.lines.append(b"components:")
            for name, part in value.items():
                writer.member(("components", name), name, part)
        else:
            writer.member((key,), key, value)
    starts = [0, *itertools.accumulate(len(line) + 1 for line in writer.lines)]
    spans = {
        place: (starts[index], starts[index + 1] - 1) for place, index in writer.places.items()
    }
    return Dumped(b"\n".join(writer.lines) + b"\n", writer.fragments, spans)


def dump_entry(kind: str, name: str, value: Any) -> str:
    """The text of one entry of a fragmented member (``kind``: the first of a :data:`Place`), as
    :func:`dump_fragments` writes it."""
    out: list[str] = []
    _block({name: value}, FRAGMENTED[PLACES[kind]], out, {})
    return "\n".join(out)


def member(document: dict[str, Any], where: tuple[str, ...]) -> Any:
    """The value at ``where`` (keys from the top), None when it is not there."""
    node: Any = document
    for key in where:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _write_entries(
    entries: list[Entry], *, digest: bool, meanwhile: Callable[[], object] | None
) -> list[tuple[bytes, bytes | None]]:
    """The text of each entry (UTF-8), in order, with its digest when ``digest``.

    When there are many, they are dealt out in chunks to this process and a forked child
    (:func:`~generator.forked.shared`), which takes more of them while this process does
    ``meanwhile``.
    """
    from generator.forked import shared

    processes = 2 if len(entries) >= PARALLEL_ENTRIES else 1
    size = max(1, -(-len(entries) // (CHUNKS_PER_PROCESS * processes)))
    chunks = -(-len(entries) // size)
    cache: dict[str, str] = {}  # each process's own, across its chunks

    def write(chunk: int) -> list[tuple[bytes, bytes | None]]:
        written: list[tuple[bytes, bytes | None]] = []
        for where, name, item in entries[chunk * size : (chunk + 1) * size]:
            out: list[str] = []
            _block({name: item}, FRAGMENTED[where], out, cache)
            text = "\n".join(out).encode("utf-8")
            written.append((text, _digest((*where, name), item) if digest else None))
        return written

    mine, theirs = shared(chunks, write, write, processes=processes, meanwhile=meanwhile)
    return [entry for chunk in range(chunks) for entry in mine.get(chunk) or theirs[chunk]]


class _FragmentWriter:
    def __init__(
        self,
        previous: Mapping[bytes, bytes],
        digests: dict[tuple[str, ...], list[bytes | None]],
        fresh: Iterator[bytes],
    ) -> None:
        self.previous = previous
        self.digests = digests
        self.fresh = fresh  # the texts of the entries not in ``previous``, in document order
        self.lines: list[bytes] = []  # UTF-8
        self.fragments: dict[bytes, bytes] = {}
        self.places: dict[Place, int] = {}  # entry → its index in ``lines``
        self.cache: dict[str, str] = {}

    def member(self, where: tuple[str, ...], key: str, value: Any) -> None:
        """A top-level member (``where`` is its path), entry by entry when it is fragmented."""
        indent = "  " * (len(where) - 1)
        digests = self.digests.get(where)
        if digests is None or not value:
            out: list[str] = []
            _block({key: value}, indent, out, self.cache)
            self.lines.extend(line.encode("utf-8") for line in out)
            return
        self.lines.append(f"{indent}{_scalar(key, self.cache)}:".encode())
        for name, digest in zip(value, digests, strict=True):
            text = self.previous.get(digest) if digest else None
            if text is None:
                text = next(self.fresh)
            if digest:
                self.fragments[digest] = text
            self.places[(where[-1], name)] = len(self.lines)
            self.lines.append(text)


def _digest(place: tuple[str, ...], item: Any) -> bytes | None:
    """A digest of an entry and where it stands (its text's indentation depends on that)."""
    try:
        blob = marshal.dumps((place, item), 2)
    except ValueError:  # a type marshal does not write: never reused
        return None
    return hashlib.blake2b(blob, digest_size=16).digest()
