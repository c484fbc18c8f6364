"""Command line: argument parsing, printing and exit codes only; the work is in :mod:`pipeline`.

Exit codes: 0 success; 1 errors with ``--strict``, a failed validation, or stale output with
``--check``; 2 usage errors (argparse's own convention).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from generator import __version__
from generator.atomic import replace_file
from generator.cache_dir import DEFAULT_CACHE
from generator.collector import keep_until_exit, leave_without_freeing
from generator.diagnostics import Diagnostic, Severity, count_by_severity, sorted_unique

OPENAPI_VERSIONS = {"3.0": "3.0.3", "3.1": "3.1.0"}
_SPEC_EXIT = (
    "exit codes: 0 success; 1 a failed validation, any error with --strict, or FILE stale with "
    "--check; 2 usage errors"
)
_GENERATE_EXIT = "exit codes: 0 success; 1 any error, or OUT_DIR stale with --check; 2 usage errors"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specdown",
        description="Markdown API reference → OpenAPI 3 → typed Python packages.",
    )
    parser.add_argument("--version", action="version", version=f"specdown {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    spec = commands.add_parser(
        "spec",
        help="build an OpenAPI document from a folder of pages",
        description="Read every .md page under DOCS_DIR, print diagnostics as "
        "path:line: severity: message [CODE], validate the document and write it as YAML.",
        epilog=_SPEC_EXIT,
    )
    spec.add_argument(
        "docs_dir", type=Path, metavar="DOCS_DIR", help="the reference pages (searched recursively)"
    )
    spec.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the YAML file to write"
    )
    spec.add_argument(
        "--openapi",
        choices=sorted(OPENAPI_VERSIONS),
        default="3.0",
        help="the OpenAPI version to emit: 3.0.3 or 3.1.0 (default: 3.0)",
    )
    spec.add_argument("--strict", action="store_true", help="exit 1 when any error is reported")
    spec.add_argument(
        "--check", action="store_true", help="exit 1 when FILE is stale; write nothing"
    )
    spec.add_argument("--no-validate", action="store_true", help="skip openapi-spec-validator")
    _cache_options(spec, "parse, spec and validation caches")
    spec.add_argument(
        "-q", "--quiet", action="store_true", help="print only errors and the summary"
    )

    gen = commands.add_parser(
        "generate",
        help="generate a Python package from an OpenAPI document",
        description="Write OUT_DIR/pyproject.toml and the package OUT_DIR/NAME/ (dataclass "
        "models, an httpx client, a Starlette server), swapped in only when all of it succeeded.",
        epilog=_GENERATE_EXIT,
    )
    gen.add_argument(
        "spec", type=Path, metavar="SPEC", help="an OpenAPI 3.0 or 3.1 file (YAML or JSON)"
    )
    gen.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT_DIR",
        help="the project folder to write (an existing one only when specdown made it)",
    )
    gen.add_argument("--package", metavar="NAME", help="import name (default: from the spec title)")
    gen.add_argument(
        "--check", action="store_true", help="exit 1 when OUT_DIR is stale; write nothing"
    )
    _cache_options(gen, "black's results and the last run")
    gen.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")

    serve = commands.add_parser(
        "serve",
        help="run the generated server for an OpenAPI document",
        description="Generate the package for SPEC and run its server with uvicorn.",
    )
    serve.add_argument("spec", type=Path, metavar="SPEC", help="an OpenAPI 3.0 or 3.1 file")
    serve.add_argument(
        "--mock",
        action="store_true",
        help="answer every operation with its documented example, or a value made from its schema",
    )
    serve.add_argument(
        "--service",
        action="append",
        default=[],
        metavar="MODULE:NAME",
        help="an implementation of a generated service class (repeat for several)",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="the port to listen on (default: 8000)"
    )
    serve.add_argument("--package", metavar="NAME", help="import name (default: from the title)")
    serve.add_argument("--out", type=Path, metavar="DIR", help="keep the generated package here")
    return parser


def _cache_options(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE,
        metavar="DIR",
        help=f"{what} (default: .specdown-cache)",
    )
    command.add_argument("--no-cache", action="store_true", help="use and write no cache")


def _cache_dir(args: argparse.Namespace) -> Path | None:
    return None if args.no_cache else Path(args.cache_dir)


def run() -> NoReturn:
    """The console entry point: :func:`main`, then exit without tearing the interpreter down.

    Freeing a large spec's objects one by one at exit takes longer than some whole runs (0.12 s
    after generating graph_mail); every file is closed and every worker joined by then."""
    leave_without_freeing()
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "spec":
        return run_spec(args)
    if args.command == "serve":
        return run_serve(args)
    return run_generate(args)


def print_diagnostics(items: list[Diagnostic], *, quiet: bool) -> dict[Severity, int]:
    ordered = sorted_unique(items)
    for item in ordered:
        if not quiet or item.severity is Severity.ERROR:
            print(item.format(), file=sys.stderr)
    return count_by_severity(ordered)


def summary(counts: dict[Severity, int]) -> str:
    return ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(Severity))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` whole (a crash leaves the old file), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, [data])


def run_spec(args: argparse.Namespace) -> int:
    from generator.pipeline import docs_to_spec

    if not args.docs_dir.is_dir():
        print(f"specdown spec: error: {args.docs_dir} is not a directory", file=sys.stderr)
        return 2
    result = docs_to_spec(
        args.docs_dir,
        version=OPENAPI_VERSIONS[args.openapi],
        validate=not args.no_validate,
        cache_dir=_cache_dir(args),
    )
    keep_until_exit(result)
    counts = print_diagnostics(result.diagnostics, quiet=args.quiet)
    answered = " (cached)" if result.cached else " (patched)" if result.patched else ""
    print(
        f"{result.pages} pages, {result.stats['operations']} operations, "
        f"{result.stats['schemas']} schemas; {summary(counts)}; {result.seconds:.2f}s{answered}"
    )
    invalid = any(d.code == "O008" for d in result.diagnostics)
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else None
        if current != result.data:
            print(f"{args.output}: stale; run `specdown spec {args.docs_dir} -o {args.output}`")
            return 1
    else:
        write_atomically(args.output, result.data)
    if invalid or (args.strict and counts[Severity.ERROR]):
        return 1
    return 0


def run_generate(args: argparse.Namespace) -> int:
    from generator.pipeline import spec_to_code

    if not args.spec.is_file():
        print(f"specdown generate: error: {args.spec} is not a file", file=sys.stderr)
        return 2
    result = spec_to_code(
        args.spec, args.output, package=args.package, check=args.check, cache_dir=_cache_dir(args)
    )
    counts = print_diagnostics(result.diagnostics, quiet=args.quiet)
    print(
        f"{result.files} files in {args.output}; {summary(counts)}; {result.seconds:.2f}s"
        + (f"; {len(result.stale)} stale" if args.check else "")
        + (" (cached)" if result.cached else "")
    )
    if args.check and result.stale:
        for name in result.stale:
            print(f"stale: {name}")
        print(f"run `specdown generate {args.spec} -o {args.output} --package {result.package}`")
        return 1
    return 1 if counts[Severity.ERROR] else 0


def run_serve(args: argparse.Namespace) -> int:
    from generator.serve import ServeError, serve

    if not args.spec.is_file():
        print(f"specdown serve: error: {args.spec} is not a file", file=sys.stderr)
        return 2
    try:
        serve(
            args.spec,
            host=args.host,
            port=args.port,
            mock=args.mock,
            services=args.service,
            out=args.out,
            package=args.package,
        )
    except ServeError as exc:
        print_diagnostics(exc.diagnostics, quiet=True)
        print(f"specdown serve: error: {exc}", file=sys.stderr)
        return 1
    return 0
