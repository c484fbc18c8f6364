"""Which pages are unchanged since the last run, from their ``stat`` alone (as git's index does).

An entry maps a docs-relative path to the file's signature (size, mtime, ctime, inode) and the content
key it had. A warm run then reads and hashes only the files whose signature moved. Any write to a file
moves its ctime, which no tool can set back, so an edit is never missed; and an entry is trusted only
when the file's times are older than the index by a margin (git's "racy" rule: a file written in the
same instant as the index could change again without its times moving).
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

from generator.atomic import replace_file

Signature = tuple[int, int, int, int]

#: Files touched less than this long before the index was written are re-read (nanoseconds).
RACY_NS = 2_000_000_000


def signature(stat: os.stat_result) -> Signature:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class FileIndex:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.written_ns = 0
        self.entries: dict[str, tuple[Signature, str]] = {}
        self.dirty = False

    def load(self) -> None:
        try:
            written, entries = pickle.loads(self.file.read_bytes())
        except Exception:  # absent, damaged or foreign: start empty
            return
        if isinstance(written, int) and isinstance(entries, dict):
            self.written_ns, self.entries = written, entries

    def lookup(self, relative: str, sig: Signature) -> str | None:
        """The content key of an unchanged file, or None (then read and hash it)."""
        entry = self.entries.get(relative)
        if entry is None or entry[0] != sig:
            return None
        if max(sig[1], sig[2]) >= self.written_ns - RACY_NS:
            self.dirty = True  # rewrite the index so that the entry is trusted next time
            return None
        return entry[1]

    def record(self, relative: str, sig: Signature, key: str) -> None:
        if self.entries.get(relative) != (sig, key):
            self.entries[relative] = (sig, key)
            self.dirty = True

    def save(self, live: set[str]) -> None:
        stale = set(self.entries) - live
        for relative in stale:
            del self.entries[relative]
        if not (self.dirty or stale):
            return
        replace_file(self.file, [pickle.dumps((time.time_ns(), self.entries), protocol=5)])
