"""Accuracy on the held-out cases (written before tuning, never tuned on) stays above the measured level.

Measured 2026-11-30 on data/dev/heldout.jsonl (85 cases): behaviours P 0.84 R 0.91; FOUR P 0.84 R 0.77;
s.4A limbs P 1.00 R 0.84. The floors are those figures minus a margin of 0.05, so a change that makes the
analysis read real narratives worse fails here even if the dev set still passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fourfold.narrative.evaluate import evaluate_file

HELDOUT = Path(__file__).resolve().parents[2] / "data" / "dev" / "heldout.jsonl"
FLOORS = {
    "behaviours": (0.79, 0.85),
    "four": (0.76, 0.71),
    "s4a": (0.95, 0.79),
}


@pytest.fixture(scope="module")
def report():
    return evaluate_file(HELDOUT)


@pytest.mark.parametrize("table", sorted(FLOORS))
def test_heldout_precision_and_recall_floor(report, table: str) -> None:
    micro = report.micro(getattr(report, table))
    precision_floor, recall_floor = FLOORS[table]
    assert micro["precision"] >= precision_floor, micro
    assert micro["recall"] >= recall_floor, micro


def test_heldout_set_is_big_enough(report) -> None:
    assert report.cases >= 80


def test_dev_set_is_big_enough() -> None:
    lines = (HELDOUT.parent / "dev.jsonl").read_text().splitlines()
    assert len([x for x in lines if x.strip()]) >= 200
