"""The installed versions that key the caches, read from ``sys.path`` without importlib.metadata."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import pytest

from generator import cache_dir


@pytest.mark.parametrize(
    "name",
    ["specdown", "markdown-it-py", "PyYAML", "pyyaml", "jsonschema", "openapi-spec-validator"],
)
def test_versions_are_importlib_metadatas(name: str) -> None:
    assert cache_dir.installed_version(name) == metadata.version(name)


def test_a_distribution_not_installed_has_no_version() -> None:
    assert cache_dir.installed_version("no-such-distribution-here") == "?"


@pytest.fixture
def listed(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Sets ``sys.path`` to the given folders, with the listing read again."""

    def use(*folders: Path) -> None:
        monkeypatch.setattr(sys, "path", [str(folder) for folder in folders])
        cache_dir._installed.cache_clear()

    yield use
    cache_dir._installed.cache_clear()


def test_the_first_folder_on_the_path_wins(tmp_path: Path, listed: Callable[..., None]) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "Some_Thing-2.0.dist-info").mkdir(parents=True)
    (second / "some_thing-1.0.dist-info").mkdir(parents=True)
    listed(first, second)
    assert cache_dir.installed_version("some-thing") == "2.0"
    assert cache_dir.installed_version("other") == "?"


def test_an_egg_info_is_read_without_importlib_metadata(
    tmp_path: Path, listed: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A development install leaves ``{name}.egg-info`` in the project's folder, first on the
    path of a run started there: its ``PKG-INFO`` gives the version."""
    site = tmp_path / "site"
    (site / "legacy.egg-info").mkdir(parents=True)
    (site / "legacy.egg-info" / "PKG-INFO").write_text(
        "Metadata-Version: 2.1\nName: legacy\nVersion: 3.1\n\nVersion: 9 (the description)\n"
    )
    (site / "single.egg-info").write_text("Name: single\nVersion: 0.4\n")
    listed(site)
    monkeypatch.setattr(metadata, "version", None)  # never asked
    assert cache_dir.installed_version("legacy") == "3.1"
    assert cache_dir.installed_version("single") == "0.4"


def test_an_egg_info_without_a_version_or_a_zip_asks_importlib_metadata(
    tmp_path: Path, listed: Callable[..., None]
) -> None:
    site = tmp_path / "site"
    (site / "legacy.egg-info").mkdir(parents=True)
    (site / "legacy.egg-info" / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: legacy\n")
    zipped = tmp_path / "lib.zip"
    zipped.write_bytes(b"")
    listed(site, zipped)
    assert cache_dir.installed_version("legacy") == "?"  # importlib.metadata finds no version
    assert cache_dir.installed_version("absent") == "?"  # not listed, and the zip may hold it
