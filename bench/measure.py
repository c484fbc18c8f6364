"""Run a command in a subprocess and measure it: wall time, CPU time (user+sys) and peak RSS.

CPU time and the largest single process's peak RSS come from ``os.wait4`` (the child and every
descendant it waited for, e.g. forked workers). The peak memory of the whole process tree at once
(a parent plus its forked workers; proportional set size, so pages shared after a fork count once) is
sampled from ``/proc`` every few milliseconds: an estimate, but the figure a 500 MB budget is about. Several runs give a median and a spread (min–max).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.02
#: The memory sampler's share of one core, at most. Reading ``smaps_rollup`` walks a process's page
#: tables (about 7 ms for a 250 MB process): sampling three such processes every 20 ms took half a
#: core from the command being timed, which on two cores slowed a parallel parse by 1–2 s.
SAMPLER_DUTY = 0.05


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float  # peak PSS of the whole process tree (sampled), or the largest process's RSS
    ok: bool
    error: str = ""
    output: str = ""  # what the command printed on stdout


@dataclass
class Sample:
    """Several runs of one measurement."""

    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(run.ok for run in self.runs)

    @property
    def error(self) -> str:
        return next((run.error for run in self.runs if not run.ok), "")

    def median(self, attribute: str) -> float:
        return float(statistics.median(getattr(run, attribute) for run in self.runs))

    def spread(self, attribute: str) -> tuple[float, float]:
        values = [getattr(run, attribute) for run in self.runs]
        return min(values), max(values)


def _tree_rss_kb(root: int) -> int:
    """Proportional set size of ``root`` and all its descendants, in KiB (0 when it is gone).

    PSS, not RSS: forked workers share their parent's pages, and summing RSS would count
    those once per worker.
    """
    total = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
                pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_command(
    command: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 3600.0,
    accept: tuple[int, ...] = (0,),
) -> Run:
    """Run ``command`` once; another exit than ``accept`` (or a timeout) is a failed :class:`Run`.

    Python may write bytecode whatever the calling environment says (``PYTHONDONTWRITEBYTECODE``
    is set on some CI machines): the peers run from ``.pyc`` files that pip compiled at install,
    and so does specdown for a user, so every tool is measured from its compiled modules.
    """
    environment = dict(os.environ if env is None else env)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            began = time.perf_counter()
            peak = max(peak, _tree_rss_kb(process.pid))
            cost = time.perf_counter() - began
            stop.wait(max(SAMPLE_SECONDS, cost / SAMPLER_DUTY - cost))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    timer = threading.Timer(timeout, process.kill)  # a kill reads as "exit -9" in the table
    timer.start()
    try:
        stdout, stderr = _drain(process)
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
        stop.set()
        sampler.join()
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    rss_mb = max(peak, usage.ru_maxrss) / 1024
    output = stdout.decode("utf-8", "replace")
    if process.returncode not in accept:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["(no output)"]
        error = f"exit {process.returncode}: {tail[0][:120]}"
        if wall >= timeout:
            error = f"timed out after {timeout:.0f}s"
        return Run(wall, cpu, rss_mb, ok=False, error=error, output=output)
    return Run(wall, cpu, rss_mb, ok=True, output=output)


def _drain(process: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """Read stdout and stderr to the end without a deadlock (without reaping the process)."""
    chunks: dict[str, bytes] = {}

    def read(name: str) -> None:
        stream = getattr(process, name)
        chunks[name] = stream.read()
        stream.close()

    reader = threading.Thread(target=read, args=("stdout",), daemon=True)
    reader.start()
    read("stderr")
    reader.join()
    return chunks["stdout"], chunks["stderr"]


def repeat(
    runs: int, once: Callable[[], Run], *, before: Callable[[], None] | None = None
) -> Sample:
    """``runs`` measurements (``before`` is called, unmeasured, ahead of each); stops at a failure."""
    sample = Sample()
    for _ in range(runs):
        if before is not None:
            before()
        result = once()
        sample.runs.append(result)
        if not result.ok:
            break
    return sample
