"""Counting-rule regimes and their boundaries: the day before, on and after each change (domain.md §2.3)."""

import datetime as dt

import pytest

from fourfold.law import LawConfig, LawConfigError, RegimeDates, regime_by_id, regime_for, regimes

D = dt.date
ONE = dt.timedelta(days=1)
BOUNDARIES = [
    (D(2014, 4, 1), "before_8q", "8q_principal_crime"),
    (D(2018, 4, 1), "8q_principal_crime", "course_of_conduct_in_addition"),
    (D(2020, 4, 1), "course_of_conduct_in_addition", "ex_partner_stalking_default"),
    (D(2023, 5, 31), "ex_partner_stalking_default", "principal_crime_included"),
]


@pytest.mark.parametrize(("boundary", "before", "after"), BOUNDARIES)
def test_regime_boundary_day_before_on_and_after(boundary, before, after):
    assert regime_for(boundary - ONE).id == before
    assert regime_for(boundary).id == after
    assert regime_for(boundary + ONE).id == after


@pytest.mark.parametrize(
    ("regime_id", "stalking_class", "in_addition", "ex_partner", "included"),
    [
        ("before_8q", "8L", False, False, False),
        ("8q_principal_crime", "8Q", False, False, False),
        ("course_of_conduct_in_addition", "8Q", True, False, False),
        ("ex_partner_stalking_default", "8Q", True, True, False),
        ("principal_crime_included", "8Q", False, True, True),
    ],
)
def test_regime_rules(regime_id, stalking_class, in_addition, ex_partner, included):
    r = regime_by_id(regime_id)
    assert r.stalking_class == stalking_class
    assert r.course_of_conduct_in_addition is in_addition
    assert r.ex_partner_stalking_default is ex_partner
    assert r.included_classifications is included
    assert r.source.url.startswith("http")


def test_regimes_tile_time_without_gaps():
    rs = regimes()
    assert rs[0].effective_from is None and rs[-1].effective_to is None
    for a, b in zip(rs, rs[1:], strict=False):
        assert a.effective_to == b.effective_from


def test_far_past_and_future():
    assert regime_for(D(1998, 1, 1)).id == "before_8q"
    assert regime_for(D(2040, 1, 1)).id == "principal_crime_included"


def test_datetime_is_read_as_its_date():
    assert regime_for(dt.datetime(2020, 3, 31, 23, 59)).id == "course_of_conduct_in_addition"


def test_unverified_2023_date_is_configuration():
    cfg = LawConfig(regime_dates=RegimeDates(principal_crime_return=D(2023, 4, 1)))
    assert regime_for(D(2023, 4, 1), cfg).id == "principal_crime_included"
    assert regime_for(D(2023, 3, 31), cfg).id == "ex_partner_stalking_default"
    assert regime_for(D(2023, 4, 1)).id == "ex_partner_stalking_default"  # default unchanged


def test_dates_out_of_order_are_rejected():
    with pytest.raises(LawConfigError, match="strictly increasing"):
        RegimeDates(course_of_conduct_in_addition=D(2013, 1, 1))


def test_unknown_regime_id():
    with pytest.raises(KeyError):
        regime_by_id("no_such_regime")
