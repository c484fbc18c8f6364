"""YAML output: block style, keys in document order, no anchors or aliases, unicode kept.

PyYAML's representer is pure Python even with the libyaml emitter and spends most of a corpus-sized
dump (12 MB) deciding how to write each scalar. The documents here hold only dicts, lists, strings,
numbers, booleans and None, so this writer emits them directly: a string is written plain when
PyYAML would read it back as the same string, else double-quoted with JSON escapes (a subset of
YAML's). Reading the text back with ``yaml.safe_load`` gives the document again (tested).
"""

from __future__ import annotations

import json
import math
import re
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
    """Append the lines of a non-empty dict or list at ``indent``."""
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{indent}{_scalar(key, cache)}:"
            if len(head) - len(indent) > _SIMPLE_KEY_LIMIT:  # YAML needs an explicit key: `? k`
                out.append(f"{indent}? {head[len(indent) : -1]}")
                head, indent_value = f"{indent}:", indent + "  "
            else:
                indent_value = indent
            if isinstance(item, dict | list) and item:
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
        if isinstance(item, dict | list) and item:
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
    if not document:
        return "{}\n"
    lines: list[str] = []
    _block(document, "", lines, {})
    return "\n".join(lines) + "\n"
