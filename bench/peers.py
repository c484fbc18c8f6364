"""The peer generators, installed by the benchmark into ``bench/.peers`` (gitignored), never into the
project's venv: openapi-python-client, datamodel-code-generator (dataclass output) and
openapi-generator (``python``, through the PyPI ``openapi-generator-cli`` wrapper, which runs Java).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.options import ROOT

PEERS_DIR = ROOT / "bench" / ".peers"
PACKAGES = ("openapi-python-client", "datamodel-code-generator", "openapi-generator-cli")


@dataclass(frozen=True)
class Peer:
    name: str
    output: str  # what it generates, for the table
    command: Callable[[Path, Path], list[str]]  # (spec, output dir) → argv


def _bin(name: str) -> str:
    return str(PEERS_DIR / "bin" / name)


PEERS = (
    Peer(
        "datamodel-code-generator",
        "models",
        lambda spec, out: [
            _bin("datamodel-codegen"),
            "--input",
            str(spec),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "dataclasses.dataclass",
            "--output",
            str(out),
        ],
    ),
    Peer(
        "openapi-python-client",
        "client",
        lambda spec, out: [
            _bin("openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--meta",
            "none",
        ],
    ),
    Peer(
        "openapi-generator",
        "models+client",
        lambda spec, out: [
            _bin("openapi-generator-cli"),
            "generate",
            "-i",
            str(spec),
            "-g",
            "python",
            "-o",
            str(out),
        ],
    ),
)


def ensure_peers() -> str | None:
    """Create the peers' venv when missing; the reason it could not be, or None."""
    marker = PEERS_DIR / ".installed"
    if marker.exists():
        return None
    if shutil.which("java") is None:
        print("note: java is absent; openapi-generator will fail", file=sys.stderr)
    print(f"installing the peers into {PEERS_DIR} …", file=sys.stderr, flush=True)
    try:
        venv.create(PEERS_DIR, with_pip=True, clear=True)
        subprocess.run(
            [_bin("python"), "-m", "pip", "install", "--quiet", *PACKAGES],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"cannot install the peers: {exc}"
    marker.write_text("\n".join(PACKAGES) + "\n", encoding="utf-8")
    return None
