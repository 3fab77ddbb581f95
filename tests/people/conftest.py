"""Shared fixtures: a small noisy population with known truth, resolved once per test session."""

from __future__ import annotations

import pandas as pd
import pytest

from fourfold.people.fake import make_mentions
from fourfold.people.resolve import Resolution, resolve_mentions


@pytest.fixture(scope="session")
def population() -> pd.DataFrame:
    return make_mentions(900, seed=21)


@pytest.fixture(scope="session")
def mentions(population: pd.DataFrame) -> pd.DataFrame:
    return population.drop(columns=["true_id", "noise"])


@pytest.fixture(scope="session")
def resolution(mentions: pd.DataFrame) -> Resolution:
    return resolve_mentions(mentions)
