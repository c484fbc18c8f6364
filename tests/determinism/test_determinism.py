"""Byte-identical output whatever the hash seed and the order files were created or pages listed.

Two ``specdown`` processes with different PYTHONHASHSEED values read copies of the same docs folders
whose files were created in opposite orders (so directory listing order differs), each in its own
working directory (cold parse caches); the specs and the generated packages must hash the same.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import DiagnosticSink
from generator.markdown import read_docs
from generator.openapi import build_document, dump_yaml
from tests.determinism.trees import files, tree_hash

ROOT = Path(__file__).resolve().parents[2]
DOCS = {"example": ROOT / "spec" / "docs", "adversarial": ROOT / "tests" / "adversarial" / "docs"}
#: The two-process runs use the adversarial docs only (the most names to sort and rename); the
#: example API's output is reproduced byte for byte by the golden test already.
PROCESS_DOCS = {"adversarial": DOCS["adversarial"]}

RUN = """
import sys
from generator.cli import main
docs, spec, out, package = sys.argv[1:]
main(["spec", docs, "-o", spec, "-q"])
sys.exit(main(["generate", spec, "-o", out, "--package", package, "-q"]))
"""


def copy_in_order(source: Path, target: Path, *, reverse: bool) -> None:
    """Copy every file, creating them (and their folders) in sorted or reverse-sorted order."""
    for path in sorted(source.rglob("*.md"), reverse=reverse):
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


@pytest.mark.slow
def test_two_processes_with_different_hash_seeds_and_file_orders(tmp_path: Path) -> None:
    runs: list[tuple[Path, subprocess.Popen[str]]] = []
    for seed, reverse in (("1", False), ("4242", True)):
        base = tmp_path / f"seed{seed}"
        for name, source in PROCESS_DOCS.items():
            docs = base / "docs" / name
            copy_in_order(source, docs, reverse=reverse)
            spec, out = base / f"{name}.yaml", base / "out" / name
            env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
            command = [sys.executable, "-c", RUN, str(docs), str(spec), str(out), f"{name}_api"]
            # concurrently: both see the same checkout, even while others edit it
            process = subprocess.Popen(
                command,
                cwd=base,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            runs.append((base, process))
    for _, process in runs:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr[-3000:]
    first, second = (tmp_path / "seed1", tmp_path / "seed4242")
    for name in PROCESS_DOCS:
        assert _sha(first / f"{name}.yaml") == _sha(second / f"{name}.yaml"), f"{name}: spec"
        one, two = files(first / "out" / name), files(second / "out" / name)
        assert tree_hash(first / "out" / name) == tree_hash(second / "out" / name), sorted(
            path for path in one.keys() | two.keys() if one.get(path) != two.get(path)
        )


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(DOCS))
def test_page_order_does_not_matter(name: str) -> None:
    pages = read_docs(DOCS[name], DiagnosticSink(), cache_dir=None)
    texts = set()
    for seed in range(4):
        shuffled = list(pages)
        random.Random(seed).shuffle(shuffled)
        sink = DiagnosticSink()
        texts.add(dump_yaml(build_document(shuffled, version="3.0.3", sink=sink)))
    assert len(texts) == 1
