"""Shared fixtures. Tests that need ../shared skip with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared").resolve()
CORPUS = SHARED / "graph-docs" / "v1.0"
THIRD_PARTY_SPECS = SHARED / "openapi-specs"
METADATA = SHARED / "metadata"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"{path} is absent: these tests need the shared data beside the checkout (../shared)"
        )
    return path


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The Microsoft Graph v1.0 reference pages (../shared/graph-docs/v1.0)."""
    return _require(CORPUS)


@pytest.fixture(scope="session")
def third_party_specs() -> Path:
    """Third-party OpenAPI documents (../shared/openapi-specs)."""
    return _require(THIRD_PARTY_SPECS)


@pytest.fixture(scope="session")
def metadata_dir() -> Path:
    """The answer key (CSDL and scopes). Only measurements may read it, never the generator."""
    return _require(METADATA)


@pytest.fixture(scope="session")
def seed_page() -> Path:
    return _require(SHARED / "seed" / "onlinemeeting-createorget.md")
