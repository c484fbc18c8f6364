"""Where the caches live unless ``--cache-dir`` says otherwise (a module of its own so that
``specdown generate`` does not import the markdown reader to learn it)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CACHE = Path(".specdown-cache")
