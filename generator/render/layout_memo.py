""":func:`~generator.render.layout.layout` results of the last run, by the digest of the text laid out.

Laying rendered modules out in black's style is about half of rendering a large package, and a spec
that changed a little renders mostly the same module texts as last time: those are looked up. The
memo holds the results of one run (those it used), so it never grows beyond one package; it is
keyed by the layout module's own code, as its results depend on nothing else.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
from pathlib import Path

from generator.atomic import replace_file
from generator.cache_dir import code_digest
from generator.render.layout import layout

FORMAT = 1
_FILE = "layout.marshal"

#: Text digest → what :func:`layout` returned for it (None: the text needs black).
Results = dict[bytes, str | None]


@functools.cache
def _fingerprint() -> bytes:
    source = Path(__file__).resolve().parent / "layout.py"
    return code_digest(("specdown",), [source], salt=f"layout memo {FORMAT}")


class LayoutMemo:
    """:func:`layout` answered from the last run's results where the text is the same."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.known: Results = _load(folder) if folder is not None else {}
        self.used: Results = {}

    def layout(self, text: str) -> str | None:
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        found = self.known[key] if key in self.known else layout(text)
        self.used[key] = found
        return found

    def save(self, used: Results) -> None:
        """Keep ``used`` (this run's results, from every process that laid modules out)."""
        if self.folder is None or used == self.known:
            return
        with contextlib.suppress(OSError, ValueError):  # a cache only ever saves time
            self.folder.mkdir(parents=True, exist_ok=True)
            replace_file(self.folder / _FILE, [marshal.dumps((FORMAT, _fingerprint(), used))])


def _load(folder: Path) -> Results:
    try:
        stored_format, fingerprint, results = marshal.loads((folder / _FILE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # missing, damaged or another layout
        return {}
    if stored_format != FORMAT or fingerprint != _fingerprint() or not isinstance(results, dict):
        return {}
    return results
