"""Shared synthetic forces for the synth tests: generated once per session, small enough to stay fast."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from fourfold.synth.config import SynthConfig
from fourfold.synth.generator import generate


@dataclass
class Force:
    config: SynthConfig
    out: Path
    rows: list[dict[str, str]]
    mentions: list[dict]
    courses: list[dict]


def load(config: SynthConfig, out: Path) -> Force:
    generate(config, out)
    with open(out / "records.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    mentions, courses = [], []
    with open(out / "truth.jsonl", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            (mentions if obj["type"] == "mention" else courses).append(obj)
    return Force(config, out, rows, mentions, courses)


@pytest.fixture(scope="session")
def force(tmp_path_factory: pytest.TempPathFactory) -> Force:
    """A default force: 12,000 records, medium noise."""
    return load(SynthConfig(records=12_000, seed=11), tmp_path_factory.mktemp("force"))


@pytest.fixture(scope="session")
def rich_force(tmp_path_factory: pytest.TempPathFactory) -> Force:
    """Many courses and high noise, so every scenario and noise kind shows up often enough to measure."""
    config = SynthConfig(records=12_000, seed=5, stalking_rate=0.25, other_course_rate=0.05).with_noise(
        "high"
    )
    return load(config, tmp_path_factory.mktemp("rich"))


@pytest.fixture
def make_force():
    return load
