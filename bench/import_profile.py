"""Import time of the generated client for the v1.0 corpus spec, against ``import httpx`` alone.

``python -X importtime -c "import api.client"`` in a fresh process; the figure is the sum of the
top-level cumulative times it reports (µs → s), median of the runs. (``python -m bench.import_time``
is the client's own budget check: import plus first use beyond httpx, on a synthetic spec too.)
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

from bench.measure import Run, Sample
from bench.options import CORPUS, Options, corpus_spec
from bench.table import Row

NAME = "import time"
_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def imported_seconds(stderr: str) -> float:
    """Sum of the cumulative times of top-level imports in ``-X importtime`` output."""
    total = 0
    for line in stderr.splitlines():
        match = _LINE.match(line)
        if match and not match.group(3):
            total += int(match.group(2))
    return total / 1e6


def _measure(options: Options, module: str, path: Path | None) -> Sample:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    sample = Sample()
    for _ in range(options.runs):
        started = time.perf_counter()
        done = subprocess.run(
            [options.python, "-X", "importtime", "-c", f"import {module}"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        if done.returncode != 0:
            error = (done.stderr.strip().splitlines() or ["?"])[-1][:120]
            sample.runs.append(Run(wall, 0, 0, ok=False, error=error))
            break
        sample.runs.append(Run(imported_seconds(done.stderr), 0, 0, ok=True, output=f"{wall:.2f}"))
    return sample


def run(options: Options) -> list[Row]:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return []
    out = options.work / "import" / "out"
    if not out.is_dir():
        subprocess.run(
            options.specdown(
                "generate", str(corpus_spec(options)), "-o", str(out), "--package", "api", "-q"
            ),
            cwd=options.work,
            check=True,
        )
    client = _measure(options, "api.client", out)
    httpx = _measure(options, "httpx", None)
    note = ""
    if client.ok and httpx.ok:
        note = f"{client.median('wall') / httpx.median('wall'):.1f}× httpx alone; "
    return [
        Row(NAME, "import api.client (v1.0 client)", client, note + _process(client)),
        Row(NAME, "import httpx", httpx, _process(httpx)),
    ]


def _process(sample: Sample) -> str:
    return f"whole process {sample.runs[-1].output} s (last run)" if sample.ok else ""
