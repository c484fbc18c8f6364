"""Where the caches live unless ``--cache-dir`` says otherwise, and the digest of the code a cache's
entries depend on (a module of its own so that ``specdown generate`` does not import the markdown
reader to learn them)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

DEFAULT_CACHE = Path(".specdown-cache")


def code_digest(distributions: Sequence[str], sources: Sequence[Path], *, salt: str = "") -> bytes:
    """A digest of ``salt``, the installed versions of ``distributions`` (a missing one counts as
    such) and the content of ``sources``: a cache keyed by it misses after an upgrade or an edit
    of the code that made its entries."""
    digest = hashlib.blake2b(salt.encode() + b"\1", digest_size=20)
    for distribution in distributions:
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "?"
        digest.update(f"{distribution}={version}\0".encode())
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.digest()
