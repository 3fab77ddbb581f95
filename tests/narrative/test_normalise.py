"""Police-log normalisation: abbreviations, misspellings and stems meet the pattern tables."""

from __future__ import annotations

import pytest

from fourfold.narrative.normalise import stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("IP", "victim"),
        ("VIC", "victim"),
        ("SUSP", "suspect"),
        ("S/", "suspect"),
        ("O/S", stem("outside")),
        ("W/", "with"),
        ("FOLOWED", "follow"),
        ("following", "follow"),
        ("RECIEVED", stem("received")),
        ("came", stem("come")),
        ("messages", stem("message")),
        ("calls", "call"),
        ("called", "call"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_log_abbreviations_tokenised(read) -> None:
    ev = read("SUSP WAITED O/S IP ADDRESS W/ A FRIEND.")
    assert "loitering" in ev.behaviour_ids
