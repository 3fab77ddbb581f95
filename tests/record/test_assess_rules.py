"""assess_course rule by rule: course of conduct, harassment, stalking, s.4/s.4A, regimes (decision list in
docs/law.md)."""

import datetime as dt

import pytest

from fourfold.law import LawConfig
from fourfold.record.assess import Recommendation, assess_course

FIX = {"fixated": [("R0", "wants to know everything about her")]}
OBS = {"obsessive": [("R0", "carried on after being told to stop")]}


@pytest.mark.parametrize(
    ("acts", "occasions", "expected"),
    [
        ([("following", "2024-01-01")], 1, "none"),  # one occasion: no course of conduct (s.7(3))
        ([("following", "2024-01-01")], 2, "stalking"),  # repetition stated inside one record
        ([("following", "2024-01-01"), ("loitering", "2024-01-09")], 1, "stalking"),  # two dated occasions
        ([("contacting", "2024-01-01")], 0, "none"),
    ],
)
def test_two_occasions_make_a_course_of_conduct(course, acts, occasions, expected):
    assert assess_course(course(*acts, occasions=occasions)).classification == expected


def test_course_without_any_conduct_is_none(course):
    rec = assess_course(course(dates=["2024-01-01", "2024-02-01"]))
    assert rec.classification == "none" and "no harassment" in rec.rationale


def test_unwanted_without_any_act_of_the_suspect_is_not_harassment(course):
    # "Unwanted" is the victim's view; harassment needs conduct by the suspect (PHA 1997 s.1, s.7).
    ev = course(
        dates=["2024-01-01", "2024-02-01"], four={"unwanted": [("R0", "she told him to leave her alone")]}
    )
    rec = assess_course(ev)
    assert rec.classification == "none" and rec.offence is None


def test_unwanted_with_an_act_of_the_suspect_is_harassment(course):
    ev = course(
        ("contacting", "2024-01-01"),
        ("contacting", "2024-02-01"),
        four={"unwanted": [("R0", "she told him to leave her alone")]},
    )
    rec = assess_course(ev)
    assert rec.classification == "harassment" and rec.offence == "PHA 1997 s.2"


@pytest.mark.parametrize(
    ("behaviour", "four", "expected"),
    [
        ("following", {}, "stalking"),
        ("publishing_material", {}, "stalking"),
        ("monitoring_online", {}, "stalking"),
        ("loitering", {}, "stalking"),
        ("interfering_property", {}, "stalking"),
        ("watching_spying", {}, "stalking"),
        ("turning_up_home", {}, "stalking"),
        ("turning_up_work", {}, "stalking"),
        ("gifts", {}, "stalking"),
        ("fake_accounts", {}, "stalking"),
        ("tracking_device", {}, "stalking"),
        ("contacting", {}, "harassment"),
        ("contacting", FIX, "stalking"),
        ("contacting", OBS, "stalking"),
        ("third_party_contact", {}, "harassment"),
        ("third_party_contact", OBS, "stalking"),
        ("threats", {}, "harassment"),
        ("violence", {}, "harassment"),
        ("breach_of_order", {}, "harassment"),
        ("threats", FIX, "harassment"),  # fixation without any act associated with stalking
    ],
)
def test_stalking_needs_acts_associated_with_stalking(course, behaviour, four, expected):
    ev = course((behaviour, "2024-03-01"), (behaviour, "2024-03-08"), four=four)
    rec = assess_course(ev)
    assert rec.classification == expected
    if expected == "harassment":
        assert rec.why_not_stalking and "Why not stalking" in rec.rationale
    else:
        assert rec.why_not_stalking is None


@pytest.mark.parametrize(
    ("fear", "distress", "stalking", "offence", "code", "limb"),
    [
        (0, False, True, "PHA 1997 s.2A", "195/12", None),
        (1, False, True, "PHA 1997 s.2A", "195/12", None),  # one occasion of fear is not enough
        (2, False, True, "PHA 1997 s.4A", "8/65", "fear_of_violence"),
        (0, True, True, "PHA 1997 s.4A", "8/66", "serious_alarm_distress"),
        (3, True, True, "PHA 1997 s.4A", "8/65", "fear_of_violence"),
        (0, False, False, "PHA 1997 s.2", None, None),
        (1, False, False, "PHA 1997 s.2", None, None),
        (2, False, False, "PHA 1997 s.4", None, None),
        (0, True, False, "PHA 1997 s.2", None, None),  # serious distress alone does not make s.4
    ],
)
def test_offence_by_fear_and_effect(course, fear, distress, stalking, offence, code, limb):
    act = "following" if stalking else "threats"
    rec = assess_course(course((act, "2024-03-01"), (act, "2024-03-08"), fear=fear, distress=distress))
    assert rec.classification == ("stalking" if stalking else "harassment")
    assert (rec.offence, rec.ho_offence_code, rec.s4a_limb) == (offence, code, limb)
    assert rec.hocr_class == ("8Q" if stalking else "8L")
    if fear == 1:
        assert "one occasion only" in rec.rationale


@pytest.mark.parametrize(
    ("last_day", "regime", "stalking_class"),
    [
        ("2014-03-31", "before_8q", "8L"),
        ("2014-04-01", "8q_principal_crime", "8Q"),
        ("2018-03-31", "8q_principal_crime", "8Q"),
        ("2018-04-01", "course_of_conduct_in_addition", "8Q"),
        ("2020-03-31", "course_of_conduct_in_addition", "8Q"),
        ("2020-04-01", "ex_partner_stalking_default", "8Q"),
        ("2023-05-30", "ex_partner_stalking_default", "8Q"),
        ("2023-05-31", "principal_crime_included", "8Q"),
    ],
)
def test_regime_of_the_latest_record_decides_the_class(course, last_day, regime, stalking_class):
    ev = course(("following", "2013-12-01"), ("following", last_day))
    rec = assess_course(ev)
    assert rec.regime == regime and rec.hocr_class == stalking_class
    assert rec.decided_on == dt.date.fromisoformat(last_day)


def test_stalking_offences_did_not_exist_before_25_november_2012(course):
    before = assess_course(course(("following", "2012-10-01"), ("following", "2012-11-24")))
    on = assess_course(course(("following", "2012-10-01"), ("following", "2012-11-25")))
    assert before.classification == "harassment" and "came into force" in (before.why_not_stalking or "")
    assert on.classification == "stalking" and on.hocr_class == "8L"  # stalking counted within 8L then


@pytest.mark.parametrize(
    ("last_day", "principal", "included", "in_addition"),
    [
        ("2019-06-01", "PHA 1997 s.5(5) (breach of a restraining order)", [], ["PHA 1997 s.2A"]),
        ("2017-06-01", "PHA 1997 s.5(5) (breach of a restraining order)", [], []),
        (
            "2021-06-01",
            "SPA 2019 s.8 or PHA 1997 s.5(5) (breach of the order in force)",
            [],
            ["PHA 1997 s.2A"],
        ),
        (
            "2024-06-01",
            "SPA 2019 s.8 or PHA 1997 s.5(5) (breach of the order in force)",
            ["PHA 1997 s.2A"],
            [],
        ),
    ],
)
def test_principal_crime_and_included_classifications_by_regime(
    course, last_day, principal, included, in_addition
):
    ev = course(("following", "2017-01-01"), ("breach_of_order", last_day))
    rec = assess_course(ev)
    assert rec.offence == "PHA 1997 s.2A"
    assert rec.principal_crime == principal
    assert rec.included_classifications == included
    assert rec.recorded_in_addition == in_addition


def test_s4a_outranks_a_breach_as_principal_crime(course):
    ev = course(("following", "2024-01-01"), ("breach_of_order", "2024-02-01"), fear=2)
    rec = assess_course(ev)
    assert rec.principal_crime == "PHA 1997 s.4A"
    assert rec.included_classifications == ["SPA 2019 s.8 or PHA 1997 s.5(5) (breach of the order in force)"]


def test_without_other_offences_the_course_offence_is_principal(course):
    rec = assess_course(course(("following", "2024-01-01"), ("following", "2024-02-01")))
    assert rec.principal_crime == "PHA 1997 s.2A" and rec.included_classifications == []


def test_configured_code_fills_a_missing_home_office_code(course):
    cfg = LawConfig(ho_offence_codes=(("pha_1997_s2", "TEST/1"),))
    ev = course(("threats", "2024-01-01"), ("threats", "2024-02-01"))
    assert assess_course(ev).ho_offence_code is None
    assert assess_course(ev, config=cfg).ho_offence_code == "TEST/1"


def test_to_dict_has_the_design_keys(course):
    d = assess_course(course(("following", "2024-01-01"), ("following", "2024-02-01"))).to_dict()
    for key in ("classification", "offence", "hocr_class", "ho_offence_code", "regime", "rationale"):
        assert key in d
    assert d["decided_on"] == "2024-02-01"
    assert isinstance(Recommendation, type)


def test_unsorted_dates_are_sorted(course):
    ev = course(("following", "2024-01-01"), ("following", "2024-02-01"))
    ev = type(ev)(**{**ev.__dict__, "record_dates": list(reversed(ev.record_dates))})
    assert assess_course(ev).decided_on == dt.date(2024, 2, 1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"record_dates": []}, "at least one record date"),
        ({"occasions": -1}, "occasions must be"),
        ({"fear_of_violence_occasions": -2}, "fear_of_violence_occasions"),
        ({"four": {"fixed": []}}, "unknown FOUR elements"),
        ({"relationship": "boss"}, "unknown relationship"),
        ({"record_dates": ["2024-01-01"]}, "is not a date"),
    ],
)
def test_bad_evidence_is_a_clear_error(course, change, message):
    ev = course(("following", "2024-01-01"), ("following", "2024-02-01"))
    bad = type(ev)(**{**ev.__dict__, **change})
    with pytest.raises(ValueError, match=message):
        assess_course(bad)


def test_unknown_behaviour_id_is_a_clear_error(course):
    with pytest.raises(ValueError, match="unknown behaviour id 'staring'"):
        assess_course(course(("staring", "2024-01-01"), ("following", "2024-02-01")))
