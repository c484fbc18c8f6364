"""The benchmark's measuring and table: real subprocesses, failures as failures, not as zero time."""

from __future__ import annotations

import sys

from bench.import_profile import imported_seconds
from bench.measure import Run, Sample, repeat, run_command
from bench.table import Row, render

ALLOCATE = "import time; block = bytearray(120 * 2**20); block[::4096] = b'x' * len(block[::4096]); time.sleep(0.3)"
SPIN = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"


def test_peak_rss_and_cpu_of_a_child() -> None:
    allocated = run_command([sys.executable, "-c", ALLOCATE])
    assert allocated.ok and allocated.rss_mb >= 120
    spun = run_command([sys.executable, "-c", SPIN])
    assert spun.ok and spun.cpu >= 0.3 and spun.wall >= 0.3


def test_peak_rss_counts_the_children_of_the_child() -> None:
    parent = (
        f"import subprocess, sys; subprocess.run([sys.executable, '-c', {ALLOCATE!r}], check=True)"
    )
    assert run_command([sys.executable, "-c", parent]).rss_mb >= 120


def test_a_failing_command_is_a_failure_with_its_last_error_line() -> None:
    failed = run_command([sys.executable, "-c", "import sys; sys.exit('no such spec')"])
    assert not failed.ok and "exit 1" in failed.error and "no such spec" in failed.error
    assert run_command([sys.executable, "-c", "raise SystemExit(1)"], accept=(0, 1)).ok


def test_stdout_is_captured() -> None:
    assert run_command([sys.executable, "-c", "print('{\"x\": 1}')"]).output.strip() == '{"x": 1}'


def test_repeat_stops_at_the_first_failure_and_the_table_says_failed() -> None:
    calls: list[int] = []

    def once() -> Run:
        calls.append(1)
        return Run(1.0, 1.0, 10.0, ok=len(calls) < 2, error="exit 2: boom")

    sample = repeat(5, once)
    assert len(calls) == 2 and not sample.ok
    table = render([Row("b", "peer", sample)])
    assert "FAILED" in table and "boom" in table


def test_median_and_spread() -> None:
    sample = Sample([Run(w, w, 1.0, ok=True) for w in (3.0, 1.0, 2.0)])
    assert sample.median("wall") == 2.0 and sample.spread("wall") == (1.0, 3.0)
    assert "2.00 (1.00–3.00)" in render([Row("b", "c", sample)])


def test_importtime_sums_only_top_level_imports() -> None:
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       100 |        100 |   encodings.aliases\n"
        "import time:       200 |        300 | encodings\n"
        "import time:        50 |       1000 | httpx\n"
    )
    assert imported_seconds(stderr) == 0.0013
