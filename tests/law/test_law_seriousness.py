"""Seriousness ranking for the principal crime (HOCR section F; domain.md §2.4)."""

import pytest

from fourfold.law import OFFENCES, SERIOUSNESS, most_serious, rank


def test_ranking_covers_every_offence_once():
    assert sorted(o.id for o in SERIOUSNESS) == sorted(o.id for o in OFFENCES)


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ("PHA 1997 s.4A", "SCA 2015 s.76"),  # 10 years over 5 (domain.md §2.4)
        ("SCA 2015 s.76", "PHA 1997 s.2A"),  # 5 years over 6 months
        ("CDA 1998 s.32 (PHA 1997 s.4A)", "PHA 1997 s.4A"),  # 14 over 10
        ("PHA 1997 s.4A", "PHA 1997 s.4"),  # tie at 10 years: stalking first
        ("PHA 1997 s.2A", "PHA 1997 s.2"),  # tie at 6 months: stalking first
        ("SPA 2019 s.8", "PHA 1997 s.5(5)"),  # tie at 5 years: SPO breach first
        ("SPA 2019 s.8", "PHA 1997 s.2A"),
        ("MCA 1988 s.1", "PHA 1997 s.2A"),
    ],
)
def test_pairs(higher, lower):
    assert rank(higher) < rank(lower)
    assert most_serious([lower, higher]).label == higher


def test_most_serious_needs_candidates():
    with pytest.raises(ValueError):
        most_serious([])
