"""parse_page never raises: hostile and random text gives a page and diagnostics."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.markdown import parse_page
from generator.markdown.model import Page

FRAGMENTS = [
    "---\n",
    "doc_type: apiPageType\n",
    "doc_type: resourcePageType\n",
    "doc_type: [\n",
    "# Title\n",
    "## HTTP request\n",
    "## Properties\n",
    "## Response\n",
    "## Permissions\n",
    "## Members\n",
    "### x values\n",
    "# [HTTP](#tab/http)\n",
    "```http\n",
    "```\n",
    "~~~\n",
    "GET /a/{id}\n",
    "HTTP/1.1 200 OK\n",
    '<!-- { "blockType": "request", -->\n',
    "<!-- {\n",
    "-->\n",
    "|Property|Type|Description|\n",
    "|---|---|---|\n",
    "|a|[b](c.md) collection|d|\n",
    "|x|\n",
    "|a|b|c|d|e|\n",
    '{"value": [\n',
    "If successful, returns `200 OK` and [x](x.md).\n",
    "[ref]: target.md\n",
    "\u00a0\u200b\ufeff\r\n",
    "\\|",
    "`",
    "**",
    "[",
    "](",
    "\x00",
    "\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_fragments_never_raise(parts: list[str]) -> None:
    page = parse_page("api/fuzz.md", "".join(parts))
    assert isinstance(page, Page)
    assert not [d for d in page.diagnostics if d.code == "M018"], page.diagnostics


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    page = parse_page("api/fuzz.md", text)
    assert not [d for d in page.diagnostics if d.code == "M018"], page.diagnostics


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---",
        "---\n---\n",
        "---\n- a list\n---\n# x\n",
        "---\ntitle: [unclosed\n---\n# x\n",
        "# x\n```\nunclosed fence\n## not a heading\n",
        "|" * 10_000,
        "[" * 5_000 + "]" * 5_000,
        "<!-- {" + "[" * 5_000 + " -->\n```http\nGET /x\n```\n",
        "# x\n## HTTP request\n```http\n" + "GET /x\n" * 2_000 + "```\n",
    ],
)
def test_hostile_inputs(text: str) -> None:
    page = parse_page("api/x.md", text)
    assert not [d for d in page.diagnostics if d.code == "M018"], page.diagnostics
