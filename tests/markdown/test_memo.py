"""Sections and cells seen before are answered from a memo: the pages are the same values, and
pickle the same bytes (their model digests), whatever pages were parsed before."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.markdown import blocks
from generator.markdown.blocks import Memo
from generator.markdown.cache import dump_page
from generator.markdown.page import parse_page

EXAMPLE = Path(__file__).parents[2] / "spec" / "docs"

#: Text the memo must not share wrongly: one-word cells (``split`` gives the string itself), the
#: same cell twice, an annotation.
SHARED = """\
# Get widget

Get a widget.

## HTTP request

```http
GET /widgets/{id}
```

## Request headers

| Name | Description |
|:-----|:------------|
| Authorization | Bearer {token}. Required. |
| Accept | Bearer {token}. Required. |

## Request body

| Property | Type | Description |
|:---------|:-----|:------------|
| status | widgetStatus | The status. |
| size | Int32 | The size. |

## Response

If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object.

## Example

<!-- { "blockType": "request", "name": "get_widget" } -->
```http
GET https://graph.microsoft.com/v1.0/widgets/1
```
"""


def _page(path: str, lead: str, text: str = SHARED) -> tuple[str, str]:
    """``text`` under a lead that moves every line: the same sections at other lines."""
    return path, f"---\ndoc_type: apiPageType\n---\n{lead}\n{text}"


PAGES = [
    _page("api/widget-get.md", ""),
    _page("api/gadget-get.md", "<!-- one line -->\n\n" * 3),
    # other sections holding the same cells
    _page("api/gizmo-get.md", "\n", SHARED.replace("Accept", "Prefer").replace("size", "width")),
]


@pytest.fixture(autouse=True)
def _forgotten() -> Iterator[None]:
    blocks.forget()
    yield
    blocks.forget()


def _parsed(pages: list[tuple[str, str]]) -> dict[str, bytes]:
    return {path: dump_page(parse_page(path, text)) for path, text in pages}


def _alone(pages: list[tuple[str, str]]) -> dict[str, bytes]:
    """Each page parsed with nothing remembered."""
    found = {}
    for path, text in pages:
        blocks.forget()
        found[path] = dump_page(parse_page(path, text))
    return found


def test_pages_pickle_alike_whatever_was_parsed_before() -> None:
    alone = _alone(PAGES)
    assert _parsed(PAGES) == alone
    assert _parsed(PAGES[::-1]) == alone  # the memo is full now: every section a hit


def test_the_example_docs_pickle_alike_in_any_order() -> None:
    pages = [
        (p.relative_to(EXAMPLE).as_posix(), p.read_text("utf-8")) for p in EXAMPLE.rglob("*.md")
    ]
    pages.sort()
    alone = _alone(pages)
    shuffled = pages[:]
    random.Random(7).shuffle(shuffled)
    assert _parsed(shuffled) == alone


def test_a_remembered_section_keeps_each_pages_lines() -> None:
    first, second = (parse_page(path, text) for path, text in PAGES[:2])
    shift = 6  # the second page's lead
    assert first.operation is not None and second.operation is not None
    assert [h.line + shift for h in first.operation.headers] == [
        h.line for h in second.operation.headers
    ]
    assert first.operation.examples[0].line + shift == second.operation.examples[0].line
    assert blocks.SECTIONS  # the second page was answered from the memo


def test_a_cell_links_to_each_pages_own_reference() -> None:
    """The same cell on two pages whose reference definitions differ is not taken from the memo."""

    def href(target: str) -> str:
        page = parse_page(
            "resources/widget.md",
            "---\ndoc_type: resourcePageType\n---\n# widget resource type\n\n## Properties\n\n"
            "| Property | Type | Description |\n|:--|:--|:--|\n| owner | [user][u] | The owner. |\n\n"
            f"[u]: {target}\n",
        )
        assert page.resource is not None
        written = page.resource.properties[0].type
        assert written is not None and written.link is not None
        link = written.link
        return link.target

    assert href("user.md") == "user.md"
    assert href("group.md") == "group.md"


def test_a_full_memo_is_emptied_between_pages_only() -> None:
    memo: Memo[str, int] = Memo(2)
    memo.update(a=1, b=1, c=1)  # a page's parse is never cut short
    memo.trim()
    assert memo == {}
    memo["a"] = 1
    memo.trim()
    assert memo.get("a") == 1
