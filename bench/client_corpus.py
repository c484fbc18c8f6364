"""Acceptance: every request example of the docs corpus, issued through the generated client.

For each request example (``POST /users/{id}/onlineMeetings/createOrGet`` + JSON body) whose
operation is in the spec, call the client's flat operationId-named method with the example's path
values, declared query options, declared headers and body, against ``httpx.MockTransport``, and
compare the request the client sent with the example: method, path (percent-decoded) and JSON body.
Prints matched/total and the causes of the misses.

    python -m bench.client_corpus --docs ../shared/graph-docs/v1.0 --spec corpus.yaml \\
        --out /tmp/corpus-client --package graph [--skip-black]   # generates unless --out has it
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx

from generator.codegen.build import build_api
from generator.codegen.loader import load_document
from generator.codegen.navigation import FlatMethod, build_tree
from generator.codegen.operations import PARAM_RE, build_operations
from generator.diagnostics import DiagnosticSink
from generator.markdown.model import Example, Page

HOSTS = re.compile(r"^https?://[^/]+/(v1\.0|beta)(?=/|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    template: str
    pattern: re.Pattern[str]
    flat: FlatMethod

    @property
    def specificity(self) -> int:
        return len(PARAM_RE.sub("", self.template))


def routes(spec: Path) -> list[Route]:
    sink = DiagnosticSink()
    document = load_document(spec, sink) or {}
    api = build_api(document, package="probe", source=str(spec), sink=sink)
    tree = build_tree(build_operations(api, str(spec), sink))
    out = []
    for flat in tree.flat:
        op = flat.method.operation
        pieces = PARAM_RE.split(op.path)
        regex = "".join(
            f"(?P<p{i // 2}>[^/]+?)" if i % 2 else re.escape(part) for i, part in enumerate(pieces)
        )
        out.append(Route(op.method, op.path, re.compile(regex + "/?", re.IGNORECASE), flat))
    return sorted(out, key=lambda r: -r.specificity)


def request_examples(docs: Path) -> Iterator[tuple[Page, Example]]:
    from generator.markdown import read_docs

    for page in read_docs(docs, DiagnosticSink()):
        if page.operation is None:
            continue
        for example in page.operation.examples:
            if example.kind == "request" and example.method and example.url:
                yield page, example


def split_url(url: str) -> tuple[str, list[tuple[str, str]]]:
    url = HOSTS.sub("", url.strip())
    parts = urlsplit(url if url.startswith("/") else "/" + url)
    return parts.path, parse_qsl(parts.query, keep_blank_values=True)


def find(table: list[Route], method: str, path: str) -> tuple[Route, re.Match[str]] | None:
    for route in table:
        if route.method == method.upper():
            match = route.pattern.fullmatch(unquote(path))
            if match:
                return route, match
    return None


def issue(
    client: Any,
    sent: list[httpx.Request],
    found: tuple[Route, re.Match[str]],
    query: list[tuple[str, str]],
    example: Example,
) -> tuple[httpx.Request | None, str]:
    """Call the flat method; (the request sent, "" or the reason it could not be sent)."""
    route, match = found
    op = route.flat.method.operation
    kwargs: dict[str, Any] = {}
    for index, path_param in enumerate(op.path_parameters):
        kwargs[path_param.python_name] = match.group(f"p{index}")
    for location, pairs in (("query", query), ("header", list(example.headers))):
        declared = {p.wire_name.lower(): p for p in op.parameters if p.location == location}
        for name, value in pairs:
            param = declared.get(name.lower())
            if param is not None:
                kwargs[param.python_name] = value
    if example.body is not None and example.body.strip():
        if op.body is None:
            return None, "the spec declares no request body"
        if op.body.kind == "json":
            if not example.json_ok:
                return None, "the example body is not JSON"
            kwargs["body"] = example.json
        else:
            kwargs["body"] = example.body.encode("utf-8")
    elif op.body is not None and op.body.required:
        return None, "the example has no body but the spec requires one"
    try:
        result = getattr(client, route.flat.name)(**kwargs)
        if hasattr(result, "first_page"):
            result.first_page()
    except Exception as exc:  # the client must not fail before sending
        if not sent:
            return None, f"the client raised {type(exc).__name__} before sending"
    return (sent[-1] if sent else None), ""


def compare(sent: httpx.Request, path: str, example: Example) -> str:
    if sent.method != (example.method or "").upper():
        return "method differs"
    sent_path = unquote(sent.url.raw_path.decode("ascii").split("?", 1)[0])
    if sent_path.rstrip("/").lower() != ("/v1.0" + unquote(path)).rstrip("/").lower():
        return "path differs"
    if example.json_ok and example.body and example.body.strip():
        try:
            if json.loads(sent.content) != example.json:
                return "JSON body differs"
        except ValueError:
            return "the client sent a body that is not JSON"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="generated package root")
    parser.add_argument("--package", default="graph")
    parser.add_argument("--show", type=int, default=3, help="examples to print per miss cause")
    parser.add_argument("--skip-black", action="store_true", help="generate without formatting")
    args = parser.parse_args()
    if not (args.out / args.package / "client").is_dir():
        from bench.import_time import generate

        generate(args.spec, args.out, args.package, black=not args.skip_black)
    sys.path.insert(0, str(args.out))
    client_module = importlib.import_module(f"{args.package}.client")
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = client_module.Client("https://graph.microsoft.com/v1.0", http_client=http)
    table = routes(args.spec)
    total = matched = outside = 0
    causes: Counter[str] = Counter()
    shown: dict[str, list[str]] = {}
    for page, example in request_examples(args.docs):
        path, query = split_url(example.url or "")
        found = find(table, example.method or "", path)
        if found is None:
            outside += 1
            continue
        total += 1
        sent.clear()
        request, reason = issue(client, sent, found, query, example)
        if request is not None and not reason:
            reason = compare(request, path, example)
        if reason:
            causes[reason] += 1
            shown.setdefault(reason, []).append(
                f"{page.path}:{example.line} {example.method} {path}"
            )
        else:
            matched += 1
    print(f"request examples with an operation in the spec: {total} ({outside} without one)")
    print(f"issued through the client with the same method, path and JSON body: {matched}/{total}")
    for reason, count in causes.most_common():
        print(f"  miss: {count:5d}  {reason}")
        for where in shown[reason][: args.show]:
            print(f"           e.g. {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
