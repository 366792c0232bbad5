"""Shared fixtures: the project root, the sample corpus, a built store in a temp dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Caches of the test run go to a temp dir unless the caller chose one."""
    os.environ.setdefault("FAZHI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    os.environ.setdefault("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
    os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory):
    """The bundled sample corpus (data/raw), built once per test session into a temp store."""
    from fazhi.corpus import build_corpus

    return build_corpus(RAW, tmp_path_factory.mktemp("sample") / "store", workers=1)
