"""Run every benchmark in turn (add yours to BENCHMARKS)."""

from __future__ import annotations

import runpy
import sys

BENCHMARKS = ["bench.metadata_report", "bench.models_roundtrip"]

if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"## {name}", flush=True)
        sys.argv = [name]
        try:
            runpy.run_module(name, run_name="__main__")
        except SystemExit as stop:
            if stop.code not in (0, None):
                raise
