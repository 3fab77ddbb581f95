"""analyse_many keeps order and gives the same evidence with one or two processes."""

from __future__ import annotations

import pytest

from fourfold.narrative import analyse, analyse_many

TEXTS = [
    "He followed her home.",
    "SUSP RANG IP 20 TIMES.",
    "Her wallet was stolen.",
    "He threatened to kill her and she is terrified.",
] * 5


def test_order_and_results_single_process() -> None:
    got = [ev.behaviour_ids for ev in analyse_many(TEXTS, batch_size=3)]
    assert got == [analyse(t).behaviour_ids for t in TEXTS]


@pytest.mark.slow
def test_two_processes_match_one() -> None:
    one = [ev.to_dict() for ev in analyse_many(TEXTS, n_process=1)]
    two = [ev.to_dict() for ev in analyse_many(TEXTS, n_process=2, batch_size=4)]
    assert one == two


def test_non_string_rejected() -> None:
    with pytest.raises(TypeError):
        analyse(None)  # type: ignore[arg-type]
