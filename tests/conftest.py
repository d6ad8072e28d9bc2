"""Shared fixtures: one NLP pipeline per test session (loading spaCy takes a second)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEV_DATA = REPO.parent / "shared" / "data"
needs_dev_data = pytest.mark.skipif(not DEV_DATA.exists(), reason="../shared/data not present (development data is not shipped)")


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    # A fixed "today" keeps the inferred publication year of undated stories reproducible.
    return Pipeline(today=date(2026, 11, 25))


SEED = REPO / "examples" / "000_68e5d158b3363ef7.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The README's example: a scraped wire story on Russian air strikes on Aleppo."""
    return SEED.read_text(encoding="utf-8")
