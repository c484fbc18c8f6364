"""Spec → code: specdown (models + client + server, black included) against the peers, same specs,
same run. Each case runs in a fresh process into an emptied output folder; specdown's "cold" run
also starts without its black cache (as the peers have none), "warm" regenerates an unchanged spec.
The ratio is specdown cold over the fastest peer that succeeded; the target is ≤ 0.5.
"""

from __future__ import annotations

import shutil
from functools import partial
from pathlib import Path

from bench.measure import Run, Sample, repeat, run_command
from bench.options import CORPUS, Options, corpus_spec
from bench.peers import PEERS, ensure_peers
from bench.table import Row

NAME = "spec→code"
RATIO_TARGET = 0.5


def python_lines(out: Path) -> str:
    files = [out] if out.is_file() else [p for p in out.rglob("*.py") if p.is_file()]
    lines = sum(p.read_bytes().count(b"\n") for p in files)
    return f"{len(files)} .py files, {lines:,} lines"


def _specs(options: Options) -> list[tuple[str, Path]]:
    specs = [(spec.name, spec) for spec in options.specs()]
    if not options.quick and CORPUS.is_dir():
        specs.insert(0, ("v1.0 corpus spec", corpus_spec(options)))
    return specs


def run(options: Options) -> list[Row]:
    problem = ensure_peers()
    rows: list[Row] = []
    for label, spec in _specs(options):
        rows.extend(_one_spec(options, label, spec, problem))
    return rows


def _one_spec(options: Options, label: str, spec: Path, peer_problem: str | None) -> list[Row]:
    home = options.work / "codegen" / spec.stem
    home.mkdir(parents=True, exist_ok=True)
    out = home / "specdown"
    command = options.specdown("generate", str(spec), "-o", str(out), "--package", "api", "-q")

    def once() -> Run:
        return run_command(command, cwd=home)

    def fresh() -> None:
        shutil.rmtree(home / ".specdown-cache", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)

    cold = repeat(options.runs, once, before=fresh)
    produced = python_lines(out) if cold.ok else ""
    warm = repeat(options.runs, once)
    peers: list[tuple[str, Sample, str]] = []
    for peer in PEERS:
        target = home / peer.name
        sample = (
            Sample([Run(0, 0, 0, ok=False, error=peer_problem)])
            if peer_problem
            else repeat(
                options.runs,
                partial(run_command, peer.command(spec, target)),
                before=partial(shutil.rmtree, target, ignore_errors=True),
            )
        )
        made = python_lines(target) if sample.ok and target.exists() else ""
        peers.append((peer.name, sample, f"{peer.output}; {made}" if made else peer.output))
    fastest = min(((s.median("wall"), name) for name, s, _ in peers if s.ok), default=None)
    ratio = ""
    if cold.ok and fastest:
        value = cold.median("wall") / fastest[0]
        verdict = "met" if value <= RATIO_TARGET else "NOT MET"
        cpu = cold.median("cpu") / next(s.median("cpu") for n, s, _ in peers if n == fastest[1])
        ratio = (
            f"{value:.2f}× {fastest[1]} wall, {cpu:.2f}× cpu (target ≤{RATIO_TARGET}: {verdict}); "
        )
    rows = [
        Row(NAME, f"{label}: specdown cold", cold, f"{ratio}models+client+server; {produced}"),
        Row(NAME, f"{label}: specdown warm (unchanged)", warm),
    ]
    for name, sample, note in peers:
        ratio_note = ""
        if sample.ok and cold.ok:
            ratio_note = (
                f"specdown/peer {cold.median('wall') / sample.median('wall'):.2f}× wall, "
                f"{cold.median('cpu') / sample.median('cpu'):.2f}× cpu; "
            )
        rows.append(Row(NAME, f"{label}: {name}", sample, ratio_note + note))
    return rows
