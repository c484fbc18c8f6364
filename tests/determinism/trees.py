"""Tree fingerprints for comparing generated output byte for byte, and for proving nothing changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def files(root: Path) -> dict[str, str]:
    """Relative posix path → sha256 of every file under ``root``; directories end in ``/``."""
    found: dict[str, str] = {}
    for folder, dirs, names in os.walk(root):
        for name in dirs:
            found[Path(folder, name).relative_to(root).as_posix() + "/"] = ""
        for name in names:
            full = Path(folder, name)
            found[full.relative_to(root).as_posix()] = hashlib.sha256(full.read_bytes()).hexdigest()
    return found


def tree_hash(root: Path) -> str:
    """One hash for the names and contents of everything under ``root``."""
    digest = hashlib.sha256()
    for name, content in sorted(files(root).items()):
        digest.update(f"{name}\0{content}\n".encode())
    return digest.hexdigest()


def stat_tree(root: Path) -> dict[str, tuple[int, int, str]]:
    """Relative path → (mtime_ns, size, sha256): any write, even of the same bytes, shows."""
    hashes = files(root)
    return {
        name: (os.stat(root / name).st_mtime_ns, os.stat(root / name).st_size, content)
        for name, content in hashes.items()
    }
