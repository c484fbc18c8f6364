"""The writer: atomic swap, confinement to the output directory, --check never writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import writer
from generator.render.writer import (
    NotGeneratedError,
    UnsafePathError,
    existing_files,
    stale_files,
    write_tree,
)


@pytest.mark.parametrize(
    "path", ["../x.py", "/etc/passwd", "a/../../x", "a//b", "./a", "C:/x", "a\\..\\b", "", "a\x00"]
)
def test_unsafe_paths_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(UnsafePathError):
        write_tree(tmp_path / "out", {path: "x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_symlink_escape_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"pkg/a.py": "a"})
    outside = tmp_path / "outside"
    outside.mkdir()
    real_mkdtemp = writer.tempfile.mkdtemp

    def mkdtemp_with_link(**kwargs: str) -> str:
        made = real_mkdtemp(**kwargs)  # type: ignore[call-overload]
        if str(kwargs.get("suffix")) == ".tmp":
            (Path(made) / "pkg").symlink_to(outside)
        return str(made)

    writer.tempfile.mkdtemp = mkdtemp_with_link  # type: ignore[assignment]
    try:
        with pytest.raises(UnsafePathError):
            write_tree(out, {"pkg/b.py": "b"})
    finally:
        writer.tempfile.mkdtemp = real_mkdtemp
    assert list(outside.iterdir()) == []
    assert (out / "pkg" / "a.py").read_text() == "a"


def test_write_replaces_the_whole_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"pkg/a.py": "a", "pkg/old.py": "old"})
    write_tree(out, {"pkg/a.py": "a2", "pyproject.toml": "t"})
    assert existing_files(out) == {
        writer.MARKER: writer.MARKER_TEXT.encode(),
        "pkg/a.py": b"a2",
        "pyproject.toml": b"t",
    }
    assert [p.name for p in tmp_path.iterdir()] == ["out"], "no temporary directories left"


def test_a_crash_halfway_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tree(out, {"pkg/a.py": "a"})

    def crash(new: Path, out_dir: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "_swap", crash)
    with pytest.raises(KeyboardInterrupt):
        write_tree(out, {"pkg/a.py": "changed", "pkg/b.py": "b"})
    assert (out / "pkg" / "a.py").read_text() == "a"
    assert not (out / "pkg" / "b.py").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_directory_not_generated_by_specdown_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("mine")
    with pytest.raises(NotGeneratedError):
        write_tree(tmp_path, {"pkg/a.py": "a"})
    assert (tmp_path / "precious.txt").read_text() == "mine"


def test_stale_files_compares_without_writing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert stale_files(out, {"a.py": "a"}) == [writer.MARKER, "a.py"]
    assert not out.exists()
    write_tree(out, {"a.py": "a", "b.py": "b"})
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "a.pyc").write_bytes(b"x")
    assert stale_files(out, {"a.py": "a", "b.py": "b"}) == []
    assert stale_files(out, {"a.py": "A", "c.py": "c"}) == ["a.py", "b.py", "c.py"]
