"""Small name helpers shared by path normalisation, operationIds, tags and component keys."""

from __future__ import annotations

import re

#: what OpenAPI allows in component keys, and what a path parameter name keeps
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def singular(word: str) -> str:
    """English singular of a collection segment, good enough for ``{user-id}``-style key names."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 1:
        return word[:-1]
    return word


def param_name(text: str) -> str:
    """A placeholder as a safe parameter name: spaces and odd characters become ``-``."""
    name = _UNSAFE.sub("-", text.strip()).strip("-")
    return name or "param"


def component_key(text: str) -> str:
    """A key valid in ``components`` (``^[a-zA-Z0-9.\\-_]+$``)."""
    return _UNSAFE.sub("_", text).strip("_") or "_"


def short_type_name(qualified: str) -> str:
    """``microsoft.graph.user`` → ``user``."""
    return qualified.rsplit(".", 1)[-1]
