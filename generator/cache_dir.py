"""Where the caches live unless ``--cache-dir`` says otherwise, and the digest of the code a cache's
entries depend on (a module of its own so that ``specdown generate`` does not import the markdown
reader to learn them)."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_CACHE = Path(".specdown-cache")
_SEPARATORS = re.compile(r"[-_.]+")


def code_digest(distributions: Sequence[str], sources: Sequence[Path], *, salt: str = "") -> bytes:
    """A digest of ``salt``, the installed versions of ``distributions`` (a missing one counts as
    such) and the content of ``sources``: a cache keyed by it misses after an upgrade or an edit
    of the code that made its entries."""
    digest = hashlib.blake2b(salt.encode() + b"\1", digest_size=20)
    for distribution in distributions:
        digest.update(f"{distribution}={installed_version(distribution)}\0".encode())
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.digest()


def installed_version(distribution: str) -> str:
    """The version of an installed distribution ("?" when none is), as ``importlib.metadata``
    finds it: the first on ``sys.path``.

    A wheel-installed distribution's version is in its ``{name}-{version}.dist-info`` folder's name
    (the installed-projects specification), so listing the ``sys.path`` folders is enough, and an
    ``.egg-info``'s is the ``Version:`` line of its ``PKG-INFO``; only when neither tells is
    ``importlib.metadata`` imported, which with the ``email`` package it parses metadata with costs
    about 40 ms, 15% of a warm run.
    """
    listed, complete = _installed()
    found = listed.get(_normal(distribution))
    if found or (found is None and complete):
        return found or "?"
    from importlib import metadata

    try:
        return metadata.version(distribution) or "?"  # None: metadata without a version
    except metadata.PackageNotFoundError:
        return "?"


def _normal(name: str) -> str:
    return _SEPARATORS.sub("_", name).lower()


@functools.cache
def _installed() -> tuple[dict[str, str], bool]:
    """Normalised distribution name → version ("" for an installation without a ``.dist-info``),
    and whether every ``sys.path`` entry was a folder or absent (a zip file is not listed)."""
    found: dict[str, str] = {}
    complete = True
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            complete = complete and not os.path.isfile(folder)
            continue
        for name in names:
            stem, dot, kind = name.rpartition(".")
            if not dot or kind not in ("dist-info", "egg-info"):
                continue
            project, _, version = stem.partition("-")
            if kind == "egg-info":
                version = _egg_version(os.path.join(folder or ".", name))
            found.setdefault(_normal(project), version)
    return found, complete


def _egg_version(egg_info: str) -> str:
    """The ``Version:`` of an ``.egg-info`` (a folder holding ``PKG-INFO``, or that file itself),
    "" when it has none. A project installed for development from its own folder has one there,
    and a run started in that folder finds it first."""
    path = os.path.join(egg_info, "PKG-INFO") if os.path.isdir(egg_info) else egg_info
    try:
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if not line.strip():
                    break  # the headers end at the first blank line
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
    except (OSError, UnicodeDecodeError):
        pass
    return ""
