"""What every benchmark module receives: run count, quick mode, a scratch folder, the shared data."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "graph-docs" / "v1.0"
SPECS = SHARED / "openapi-specs"
#: graph_mail.yml is the spec the issue quotes peer figures for; petstore the smallest
QUICK_SPECS = ("graph_mail.yml", "petstore.yaml")


@dataclass
class Options:
    runs: int
    quick: bool
    work: Path  # scratch folder for this run of the benchmark (copies, caches, outputs)
    python: str = sys.executable
    built: dict[str, Path] = field(default_factory=dict)  # artefacts shared between benchmarks

    def specs(self) -> list[Path]:
        """The third-party specs to generate from (a subset with ``--quick``)."""
        found = sorted(SPECS.glob("*.y*ml"))
        return [s for s in found if s.name in QUICK_SPECS] if self.quick else found

    def specdown(self, *args: str) -> list[str]:
        return [self.python, "-m", "generator", *args]


def corpus_spec(options: Options) -> Path:
    """The v1.0 corpus spec (built once per benchmark run, not measured)."""
    found = options.built.get("corpus_spec")
    if found is not None:
        return found
    import subprocess

    out = options.work / "corpus-spec" / "openapi.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        options.specdown("spec", str(CORPUS), "-o", str(out), "--no-validate", "-q"),
        cwd=out.parent,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    options.built["corpus_spec"] = out
    return out
