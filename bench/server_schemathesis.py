"""Schemathesis against the generated mock server: bounded, on loopback, figures by cause.

Generates the package for SPEC, starts ``python -m <package>.server --mock`` on 127.0.0.1 at a
free port, runs ``st run`` (schemathesis, a bench-only install: ``pip install -e '.[bench]'`` or
any venv, passed with ``--st``) with a few examples per operation and a time budget, then reads the
JUnit report and prints operations covered and failures by check. The server is stopped at the end.

    python -m bench.server_schemathesis --spec spec/openapi.yaml
    python -m bench.server_schemathesis --spec v1.yaml --max-examples 2 --timeout 1800
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(url: str, process: subprocess.Popen[bytes], seconds: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if process.poll() is not None:
            raise SystemExit("the mock server exited before it was ready")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the mock server did not answer {url} within {seconds:.0f} s")


def summarise(junit: Path) -> None:
    """Operations covered, and failing operations counted by the check (cause) that failed."""
    root = ET.parse(junit).getroot()
    cases = root.iter("testcase")
    covered = 0
    by_cause: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    skipped = 0
    for case in cases:
        failures = case.findall("failure") + case.findall("error")
        if case.find("skipped") is not None:
            skipped += 1
            continue
        covered += 1
        for failure in failures:
            text = f"{failure.get('message') or ''}\n{failure.text or ''}"
            causes = [line.strip() for line in text.splitlines() if line.strip().startswith("- ")]
            for cause in causes or [failure.tag]:
                label = cause.removeprefix("- ").split(":")[0][:80]
                by_cause[label] += 1
                examples.setdefault(label, case.get("name", ""))
    print(f"operations tested: {covered}; skipped: {skipped}")
    if not by_cause:
        print("failures: 0")
    for label, count in by_cause.most_common():
        print(f"  {count:5d}  {label}   (e.g. {examples[label]})")


def run(args: argparse.Namespace) -> int:
    from generator.pipeline import spec_to_code

    st = args.st or shutil.which("st") or str(Path(sys.executable).with_name("st"))
    with tempfile.TemporaryDirectory(prefix="specdown-st-") as tmp:
        root, package = args.generated or Path(tmp) / "pkg", "mockapi"
        if args.generated is None:
            started = time.perf_counter()
            result = spec_to_code(args.spec, root, package=package)
            print(f"generated {result.files} files in {time.perf_counter() - started:.1f} s")
        else:
            package = next(p.parent.parent.name for p in root.glob("*/server/app.py"))
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(root)}
        server = subprocess.Popen(
            [sys.executable, "-m", f"{package}.server", "--mock", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(tmp) / "server.log", "wb"),  # noqa: SIM115 (closed with the process)
        )
        base = f"http://127.0.0.1:{port}"
        try:
            ready = wait_ready(f"{base}/openapi.json", server, 60)
            print(f"mock server ready in {ready:.2f} s on {base}")
            junit = Path(tmp) / "junit.xml"
            command = [
                st, "run", f"{base}/openapi.json", "--url", base,
                "--checks", ",".join(CHECKS), "--mode", args.mode,
                "--max-examples", str(args.max_examples),
                "--phases", args.phases, "--seed", "1", "--no-shrink",
                "--workers", str(args.workers), "--request-timeout", "20",
                "--suppress-health-check", "all", "--continue-on-failure",
                "--report", "junit", "--report-junit-path", str(junit),
            ]  # fmt: skip
            if args.max_time:  # fuzzing then repeats until the budget is spent
                command += ["--max-time", str(args.max_time)]
            began = time.perf_counter()
            try:
                completed = subprocess.run(
                    command, capture_output=True, text=True, check=False, timeout=args.timeout
                )
            except subprocess.TimeoutExpired:
                print(f"schemathesis: stopped at the hard limit of {args.timeout} s")
            else:
                spent = time.perf_counter() - began
                print(f"schemathesis: exit {completed.returncode} in {spent:.0f} s")
                print("\n".join(completed.stdout.strip().splitlines()[-15:]))
            if junit.is_file():
                summarise(junit)
            if args.keep:
                shutil.copy(junit, args.keep)
        finally:
            server.terminate()
            server.wait(timeout=20)
            errors = (Path(tmp) / "server.log").read_text(errors="replace").count("Traceback")
            print(f"server tracebacks: {errors}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--spec", type=Path, default=Path("spec/openapi.yaml"))
    parser.add_argument("--st", help="the schemathesis CLI (default: st on PATH or beside python)")
    parser.add_argument("--max-examples", type=int, default=3)
    parser.add_argument(
        "--max-time", type=int, default=0, help="schemathesis' budget (it then writes its report)"
    )
    parser.add_argument("--timeout", type=int, default=3600, help="hard limit in seconds")
    parser.add_argument("--mode", default="positive", choices=["positive", "negative", "all"])
    parser.add_argument("--phases", default="examples,fuzzing")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="copy the JUnit report here")
    parser.add_argument("--generated", type=Path, help="a package already generated from SPEC")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
