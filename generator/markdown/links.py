"""Resolve a link target, as written, to a docs-relative page and an anchor."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote

from generator.markdown.model import Link

#: Site-absolute prefixes of the reference folders (``/graph/api/resources/user`` → ``resources/user.md``).
_SITE_PREFIXES = (("/graph/api/resources/", "resources/"), ("/graph/api/", "api/"))


def resolve_link(text: str, target: str, page_path: str) -> Link:
    """``page_path`` is the docs-relative posix path of the page holding the link."""
    written = target.strip().strip("<>")
    href = unquote(written)
    anchor: str | None = None
    if "#" in href:
        href, fragment = href.split("#", 1)
        anchor = fragment.strip().lower() or None
    href = href.split("?", 1)[0].strip()
    return Link(text=text, target=written, page=_page_of(href, page_path), anchor=anchor)


def _page_of(href: str, page_path: str) -> str | None:
    if not href:
        return page_path  # a same-page anchor
    if ":" in href.split("/", 1)[0]:
        return None  # https:, mailto: …
    if href.startswith("/"):
        for prefix, folder in _SITE_PREFIXES:
            if href.lower().startswith(prefix):
                return _with_md(folder + href[len(prefix) :])
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href))
    if resolved.startswith("../") or resolved == "..":
        return None
    return _with_md(resolved)


def _with_md(path: str) -> str | None:
    path = path.rstrip("/")
    if not path:
        return None
    stem = posixpath.basename(path)
    if "." not in stem:
        return path + ".md"
    return path if path.lower().endswith(".md") else None
