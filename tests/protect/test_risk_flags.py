"""risk_flags: each S-DASH-aligned flag raised by its evidence and only by it (domain.md §5.2)."""

import pytest

from fourfold.protect.risk import RISK_FLAG_IDS, RISK_FLAGS, RiskInput, escalation, risk_flags
from fourfold.record.assess import assess_course


def flags_for(ev, other_victims=0, breaches=0):
    return risk_flags(RiskInput(ev, assess_course(ev), other_victims, breaches))


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        ("violence", {"violence"}),
        ("threats", {"threats_of_violence"}),
        ("breach_of_order", {"breach_of_orders"}),
        ("loitering", {"loitering_home_work"}),
        ("turning_up_home", {"loitering_home_work"}),
        ("turning_up_work", {"loitering_home_work"}),
        ("interfering_property", {"property_damage"}),
        ("third_party_contact", {"third_parties_harassed"}),
        ("contacting", set()),
        ("following", set()),
    ],
)
def test_behaviour_flags(course, act, expected):
    # Same behaviour on both dates: no escalation.
    assert set(flags_for(course((act, "2024-01-01"), (act, "2024-01-20")))) == expected


def test_other_victims_ex_partner_fear_and_breach_count(course):
    ev = course(("contacting", "2024-01-01"), ("contacting", "2024-01-20"), relationship="ex_partner", fear=1)
    flags = flags_for(ev, other_victims=2, breaches=1)
    assert set(flags) == {
        "previous_stalking_of_others",
        "ex_partner",
        "victim_very_frightened",
        "breach_of_orders",
    }
    assert flags == [f for f in RISK_FLAG_IDS if f in flags]  # table order


def test_serious_alarm_distress_means_very_frightened(course):
    ev = course(("following", "2024-01-01"), ("following", "2024-01-20"), distress=True)
    assert "victim_very_frightened" in flags_for(ev)


@pytest.mark.parametrize(
    ("acts", "dates", "escalating"),
    [
        ([("contacting", "2024-01-01"), ("following", "2024-02-01")], [], True),  # remote to physical
        ([("contacting", "2024-01-01"), ("violence", "2024-03-01")], [], True),
        ([("following", "2024-01-01"), ("contacting", "2024-02-01")], [], False),  # de-escalating
        ([("contacting", "2024-01-01"), ("publishing_material", "2024-02-01")], [], False),  # still online
        ([("threats", "2024-01-01"), ("following", "2024-02-01")], [], False),  # not above earlier peak
        ([("following", "2024-01-01"), ("threats", "2024-01-01")], [], False),  # same day: no "later"
        # More frequent: gaps 60, 30, 5, 3 days -> earlier mean 45, later mean 4.
        ([("contacting", "2024-01-01")], ["2024-03-01", "2024-03-31", "2024-04-05", "2024-04-08"], True),
        # Steady: gaps 30, 30, 30.
        ([("contacting", "2024-01-01")], ["2024-01-31", "2024-03-01", "2024-03-31"], False),
        # Only three records: too few gaps to judge frequency.
        ([("contacting", "2024-01-01")], ["2024-03-01", "2024-03-03"], False),
        # Exactly half as often later (gaps 20, 10, 10 -> 20 vs 10): counts.
        ([("contacting", "2024-01-01")], ["2024-01-21", "2024-01-31", "2024-02-10"], True),
    ],
)
def test_escalation(course, acts, dates, escalating):
    ev = course(*acts, dates=dates)
    assert (escalation(ev) is not None) is escalating
    assert ("escalation" in flags_for(ev)) is escalating


def test_every_flag_has_a_label_weight_and_source():
    for f in RISK_FLAGS:
        assert f.label and 0 < f.weight < 1 and f.source.url.startswith("http")
    assert {q for f in RISK_FLAGS for q in f.s_dash} == {1, 2, 3, 4, 5, 6, 7, 8}


def test_negative_counts_are_rejected(course):
    ev = course(("following", "2024-01-01"), ("following", "2024-01-20"))
    with pytest.raises(ValueError):
        risk_flags(RiskInput(ev, assess_course(ev), -1, 0))
