"""``python -m bench.metadata_report [--spec FILE] [--docs DIR] [--metadata DIR] [--defects FILE]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from bench.metadata_report import build_report, render_table, scan_docs

SHARED = Path(__file__).resolve().parents[3] / "shared"


def load_spec(spec: Path | None, docs: Path) -> dict[str, Any]:
    """The spec to measure: a file, or the one specdown builds from the docs (not validated: faster)."""
    if spec is not None:
        loaded = yaml.safe_load(spec.read_text("utf-8"))
        return loaded if isinstance(loaded, dict) else {}
    from generator.pipeline import docs_to_spec

    return docs_to_spec(docs, validate=False).document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.metadata_report", description=__doc__)
    parser.add_argument("--spec", type=Path, help="an OpenAPI file (default: build it from --docs)")
    parser.add_argument("--docs", type=Path, default=SHARED / "graph-docs" / "v1.0")
    parser.add_argument("--metadata", type=Path, default=SHARED / "metadata")
    parser.add_argument("--defects", type=Path, help="write the doc defects found to this file")
    args = parser.parse_args(argv)
    for needed in (args.docs, args.metadata):
        if not needed.is_dir():
            print(f"error: {needed} is not a directory", file=sys.stderr)
            return 2
    started = time.perf_counter()
    document = load_spec(args.spec, args.docs)
    built = time.perf_counter() - started
    report = build_report(
        (args.metadata / "v1.0_metadata.xml").read_text("utf-8"),
        (args.metadata / "apiPermissionsAndScopes-v1.0.xml").read_text("utf-8-sig"),
        document,
        scan_docs(args.docs),
    )
    print(render_table(report.figures))
    source = args.spec or f"specdown spec of {args.docs}"
    print(
        f"\nspec: {source} (built in {built:.1f}s); report in "
        f"{time.perf_counter() - started - built:.1f}s; {len(report.defects)} doc defects"
    )
    if args.defects is not None:
        args.defects.write_text("".join(d.format() + "\n" for d in report.defects), "utf-8")
        print(f"defects written to {args.defects}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
