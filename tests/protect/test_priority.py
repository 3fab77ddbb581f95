"""priority: the riskiest unrecognised cases first, with reasons."""

import pytest

from fourfold.protect.risk import RISK_FLAG_IDS, RiskInput, priority, risk_flags
from fourfold.record.assess import assess_course


def score(ev, other_victims=0, breaches=0):
    ri = RiskInput(ev, assess_course(ev), other_victims, breaches)
    return priority(ri, risk_flags(ri))


@pytest.fixture
def cases(course):
    def stalking(recorded, *extra, fear=0):
        return course(
            ("following", "2024-01-01"), ("following", "2024-02-01"), *extra, recorded=recorded, fear=fear
        )

    return {
        "misrecorded_violent": stalking(
            ["8L", "8L", "8L"], ("threats", "2024-03-01"), ("violence", "2024-03-05")
        ),
        "misrecorded_threats": stalking(["8L", "8L", "8L"], ("threats", "2024-03-01"), fear=2),
        "misrecorded_plain": stalking(["8L", "8L"]),
        "harassment_unrecorded": course(
            ("threats", "2024-01-01"), ("threats", "2024-02-01"), recorded=["", ""]
        ),
        "recognised_violent": stalking(
            ["8Q", "8Q", "8Q"], ("threats", "2024-03-01"), ("violence", "2024-03-05")
        ),
        "harassment_recorded": course(("contacting", "2024-01-01"), ("contacting", "2024-02-01")),
        "none": course(("violence", "2024-01-01"), recorded=[""]),
    }


def test_order(cases):
    order = [
        "misrecorded_violent",
        "misrecorded_threats",
        "misrecorded_plain",
        "recognised_violent",
        "harassment_recorded",
        "none",
    ]
    scores = [score(cases[k])[0] for k in order]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


def test_unrecognised_stalking_outranks_recognised_stalking_with_every_flag(course, cases):
    everything = course(
        ("contacting", "2024-01-01"),
        ("turning_up_home", "2024-02-01"),
        ("interfering_property", "2024-02-10"),
        ("third_party_contact", "2024-02-11"),
        ("threats", "2024-02-12"),
        ("violence", "2024-02-13"),
        ("breach_of_order", "2024-02-14"),
        relationship="ex_partner",
        fear=3,
        recorded=["8Q"],
    )
    recognised, _ = score(everything, other_victims=2, breaches=1)
    assert recognised < score(cases["misrecorded_plain"])[0]


def test_bounds_and_reasons(cases):
    for ev in cases.values():
        s, reasons = score(ev)
        assert 0.0 <= s <= 1.0 and reasons
    s, reasons = score(cases["misrecorded_violent"])
    assert reasons[0].startswith("Unrecognised: recommended stalking (8Q) but recorded as 8L")
    assert any("Violence" in r for r in reasons) and any("Threats" in r for r in reasons)
    assert any("Escalation" in r for r in reasons)


def test_none_is_low(cases):
    s, reasons = score(cases["none"])
    assert s < 0.1 and "No course of conduct" in reasons[0]


def test_flag_details_in_reasons(course):
    ev = course(("following", "2024-01-01"), ("following", "2024-02-01"), recorded=[""])
    _, reasons = score(ev, other_victims=3, breaches=2)
    assert "3 other victims" in " ".join(reasons) and "2 records" in " ".join(reasons)


def test_each_flag_raises_priority(course):
    base_ev = course(("following", "2024-01-01"), ("following", "2024-02-01"), recorded=[""])
    ri = RiskInput(base_ev, assess_course(base_ev), 0, 0)
    base, _ = priority(ri, [])

    for f in RISK_FLAG_IDS:
        assert priority(ri, [f])[0] > base


def test_unknown_flag(course):
    ev = course(("following", "2024-01-01"), ("following", "2024-02-01"))
    with pytest.raises(KeyError):
        priority(RiskInput(ev, assess_course(ev), 0, 0), ["moon_phase"])
