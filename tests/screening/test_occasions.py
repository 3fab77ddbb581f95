"""How many occasions one narrative states: explicit repetition of the suspect's conduct only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

import fourfold.screening.analysis as analysis
from fourfold.screening.analysis import analyse_records
from fourfold.screening.occasions import counted_repetition, sentence_bounds, stated_occasions

from .fakes import fake_analyse_many
from .helpers import record, write_parquet


def _ev(
    text: str, behaviours: list[tuple[str, str]], repetition: list[str], occasions: int
) -> dict[str, Any]:
    def at(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    return {
        "behaviours": [[b, *at(words), words] for b, words in behaviours],
        "repetition": [[*at(words), words] for words in repetition],
        "occasions": occasions,
    }


def test_count_attached_to_conduct_counts() -> None:
    text = "SUSP texted the victim 40 times over the weekend. IP scared."
    ev = _ev(text, [("contacting", "texted the victim 40 times")], ["40 times"], 40)
    assert stated_occasions(text, ev) == 40


def test_loose_words_in_another_sentence_do_not_count() -> None:
    text = "IP assaulted by suspect in the park on Wednesday. Enquiries ongoing."
    ev = _ev(text, [("violence", "assaulted")], ["ongoing"], 2)
    assert stated_occasions(text, ev) == 1


def test_another_is_not_repetition_even_beside_conduct() -> None:
    text = "IP felt she was being followed home but the male went into another house. No offences."
    ev = _ev(text, [("following", "followed")], ["another"], 2)
    assert counted_repetition(text, ev) == []
    assert stated_occasions(text, ev) == 1


def test_ongoing_with_a_stated_period_counts() -> None:
    text = "S/ called V 50 times yesterday. This has been ongoing since 19th October."
    ev = _ev(text, [("contacting", "called V 50 times")], ["ongoing"], 50)
    assert stated_occasions(text, ev) == 50


def test_earlier_occasions_stated_on_their_own_count() -> None:
    text = "Suspect has turned up at the house. 8 previous calls re same."
    ev = _ev(text, [("turning_up_home", "turned up at the house")], ["8 previous calls"], 8)
    assert stated_occasions(text, ev) == 8


def test_repetition_confined_to_one_episode_is_one_occasion() -> None:
    text = "S/ texted IP 150 times on one night after a night out apologising. No further contact. NFA."
    ev = _ev(text, [("contacting", "texted IP 150 times")], ["150 times"], 150)
    assert stated_occasions(text, ev) == 1


def test_repetition_not_about_conduct_does_not_count() -> None:
    text = "Suspect sent a card to the victim. Police have attended the street several times."
    ev = _ev(text, [("gifts", "sent a card")], ["several times"], 3)
    assert stated_occasions(text, ev) == 1


def test_no_conduct_and_single_estimates_pass_through() -> None:
    assert stated_occasions("Nothing happened.", {"occasions": 0}) == 0
    assert stated_occasions("He called once.", {"occasions": 1, "repetition": []}) == 1


def test_sentence_bounds_keep_abbreviations_together() -> None:
    text = "Mrs. Ash was followed by Mr. Birch. He did it again!\nNFA"
    sentences = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert sentences == ["Mrs. Ash was followed by Mr. Birch.", "He did it again!", "NFA"]


def test_two_worker_processes_give_the_same_rows_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis, "TASK_ROWS", 4)  # many small tasks, several in flight at once
    rows = [
        record(f"R{i:03d}", "2024-01-02", f"Narrative number {i}. He called her {i} times.")
        for i in range(45)
    ]
    records = write_parquet(tmp_path / "records.parquet", rows)
    outputs = []
    for n_process in (1, 2):
        ev_path, id_path = tmp_path / f"ev{n_process}.parquet", tmp_path / f"id{n_process}.parquet"
        done = analyse_records(
            records, ev_path, id_path, rows=len(rows), analyse_many=fake_analyse_many, n_process=n_process
        )
        assert done == len(rows)
        outputs.append(pq.read_table(ev_path).to_pylist())
    assert outputs[0] == outputs[1]
    assert [r["record_id"] for r in outputs[0]] == [r["record_id"] for r in rows]
    assert all("stated_occasions" in r["evidence"] for r in outputs[0])
