"""HTTP text inside code blocks: ``METHOD /path`` request lines and example messages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.markdown import lenient_json
from generator.markdown.model import RequestLine

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_REQUEST = re.compile(r"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(?=[\s/]|$)\s*(.*?)\s*$", re.I)
_STATUS = re.compile(r"^\s*HTTP(?:/[\d.]+)?\s+(\d{3})\b", re.I)
HEADER_LINE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_VERSION = re.compile(r"\s+HTTP/\d(?:\.\d)?$", re.I)


def request_lines(content: str, first_line: int) -> tuple[list[RequestLine], list[tuple[int, str]]]:
    """Request lines of an HTTP request block; the other non-blank lines, as (line, text)."""
    found: list[RequestLine] = []
    others: list[tuple[int, str]] = []
    for offset, text in enumerate(content.split("\n")):
        line = first_line + offset
        match = _REQUEST.match(text)
        if match and match.group(2):
            found.append(
                RequestLine(match.group(1).upper(), _VERSION.sub("", match.group(2)), line)
            )
        elif text.strip() and text.strip().lower() != "or":
            others.append((line, text.strip()))
    return found, others


@dataclass(frozen=True, slots=True)
class Message:
    kind: str  # "request" | "response" | "" (neither)
    method: str | None = None
    url: str | None = None
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None


def first_line_kind(content: str) -> str:
    for text in content.split("\n"):
        if text.strip():
            if _REQUEST.match(text):
                return "request"
            return "response" if _STATUS.match(text) else ""
    return ""


def read_message(content: str) -> Message:
    """Split an example block into start line, headers and body."""
    lines = content.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        return Message("")
    start = lines[index]
    method = url = None
    status = None
    request = _REQUEST.match(start)
    response = _STATUS.match(start)
    if request and request.group(2):
        kind, method, url = "request", request.group(1).upper(), _VERSION.sub("", request.group(2))
    elif response:
        kind, status = "response", int(response.group(1))
    else:
        return Message("", body=content.strip() or None)
    index += 1
    while index < len(lines) and not lines[index].strip():  # a blank line before the headers
        index += 1
    headers: list[tuple[str, str]] = []
    while index < len(lines):
        header = HEADER_LINE.match(lines[index])
        if not header or lines[index].lstrip().startswith(("{", "[", '"')):
            break
        headers.append((header.group(1), header.group(2)))
        index += 1
    body = "\n".join(lines[index:]).strip() or None
    return Message(kind, method, url, status, tuple(headers), body)


def content_type(headers: tuple[tuple[str, str], ...]) -> str | None:
    for name, value in headers:
        if name.lower() == "content-type":
            return value.split(";", 1)[0].strip().lower() or None
    return None


def body_json(body: str | None, ctype: str | None) -> lenient_json.JsonResult | None:
    """The body as JSON, or None when it is not meant to be JSON (no body, another media type)."""
    if body is None:
        return None
    if ctype and "json" not in ctype and body[:1] not in "{[":
        return None
    if not ctype and body[:1] not in "{[":
        return None
    return lenient_json.loads(body)
