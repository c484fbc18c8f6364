"""``python -m bench [--only NAME ...] [--quick] [--runs N] [--keep DIR]``: run the benchmarks and
print one table (median and spread of several runs; ratios against the peers from the same run).

Add a benchmark to ``BENCHMARKS``: a module with ``run(options) -> list[Row]`` (see bench/docs_spec.py),
or, for a report that prints its own output, a module run as ``python -m``.
"""

from __future__ import annotations

import argparse
import importlib
import runpy
import sys
import tempfile
import time
from pathlib import Path

from bench.options import Options
from bench.table import Row, render

#: name → module; ``--only`` takes these names
BENCHMARKS = {
    "docs": "bench.docs_spec",
    "validation": "bench.validation",
    "codegen": "bench.codegen",
    "import": "bench.import_profile",
}
#: reports that print their own output (after the table; not with ``--quick``)
REPORTS = {"metadata": "bench.metadata_report", "floor": "bench.cold_floor"}


def _report(module: str) -> None:
    print(f"## {module}", flush=True)
    sys.argv = [module]
    try:
        runpy.run_module(module, run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=[*BENCHMARKS, *REPORTS], metavar="NAME")
    parser.add_argument(
        "--quick", action="store_true", help="one run each, two specs, no corpus codegen"
    )
    parser.add_argument("--runs", type=int, help="runs per measurement (default 3; 1 with --quick)")
    parser.add_argument(
        "--keep", type=Path, help="scratch folder to keep (default: a temporary one)"
    )
    args = parser.parse_args(argv)
    names = args.only or [*BENCHMARKS, *([] if args.quick else REPORTS)]
    runs = args.runs or (1 if args.quick else 3)
    started = time.perf_counter()
    rows: list[Row] = []
    reports = [REPORTS[name] for name in names if name in REPORTS]
    with tempfile.TemporaryDirectory(prefix="specdown-bench-") as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        options = Options(runs=runs, quick=args.quick, work=work.resolve())
        for name in (name for name in names if name in BENCHMARKS):
            print(f"running {name} …", file=sys.stderr, flush=True)
            found = importlib.import_module(BENCHMARKS[name]).run(options)
            rows.extend(found)
            print(render(found), file=sys.stderr, flush=True)
    if rows:
        print(render(rows))
        print(
            f"\n{runs} run(s) each; python -m bench {' '.join(argv or sys.argv[1:])}; "
            f"{time.perf_counter() - started:.0f}s in all"
        )
    for module in reports:
        _report(module)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
