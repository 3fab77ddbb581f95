"""Offence table: each row's trial mode, maximum, class, code and source (domain.md §§2.2, 3.1, 3.2)."""

import datetime as dt

import pytest

from fourfold.law import OFFENCES, ModeOfTrial, Status, offence
from fourfold.law.offences import in_force

S = ModeOfTrial.SUMMARY
EW = ModeOfTrial.EITHER_WAY


@pytest.mark.parametrize(
    ("key", "mode", "months", "hocr_class", "codes"),
    [
        ("PHA 1997 s.2", S, 6, "8L", ()),
        ("PHA 1997 s.2A", S, 6, "8Q", ("195/12",)),
        ("PHA 1997 s.4", EW, 120, "8L", ()),
        ("PHA 1997 s.4A", EW, 120, "8Q", ("8/65", "8/66")),
        ("CDA 1998 s.32 (PHA 1997 s.2)", EW, 24, "8M", ()),
        ("CDA 1998 s.32 (PHA 1997 s.2A)", EW, 24, None, ()),
        ("CDA 1998 s.32 (PHA 1997 s.4)", EW, 168, "8M", ()),
        ("CDA 1998 s.32 (PHA 1997 s.4A)", EW, 168, None, ()),
        ("SPA 2019 s.8", EW, 60, None, ()),
        ("PHA 1997 s.5(5)", EW, 60, None, ()),
        ("SCA 2015 s.76", EW, 60, "8U", ()),
        ("MCA 1988 s.1", EW, 24, "8R", ()),
    ],
)
def test_offence_row(key, mode, months, hocr_class, codes):
    o = offence(key)
    assert o.mode_of_trial is mode
    assert o.max_custody_months == months
    assert o.hocr_class == hocr_class
    assert tuple(c.code for c in o.ho_offence_codes) == codes


def test_every_offence_cites_a_source_and_explains_missing_codes():
    for o in OFFENCES:
        assert o.source.url.startswith("http") and "domain.md" in o.source.reference
        if not o.ho_offence_codes:
            assert "not given in the reference" in o.code_note


def test_unverified_facts_are_marked():
    assert not offence("PHA 1997 s.5(5)").penalty_verified  # domain.md: 5 years [UNVERIFIED]
    assert not offence("SCA 2015 s.76").class_verified  # 8U from memory
    assert not offence("MCA 1988 s.1").class_verified  # 8R from memory
    assert offence("PHA 1997 s.5(5)").source.status is Status.UNVERIFIED
    assert offence("PHA 1997 s.4A").source.status is Status.VERIFIED


def test_s4a_codes_by_limb():
    s4a = offence("pha_1997_s4a")
    assert s4a.code_for("fear_of_violence") == "8/65"
    assert s4a.code_for("serious_alarm_distress") == "8/66"


def test_aggravated_forms_point_at_their_base_offence():
    assert offence("cda_1998_s32_s2a").aggravated_form_of == "pha_1997_s2a"
    assert offence("cda_1998_s32_s4").stalking is False
    assert offence("cda_1998_s32_s4a").stalking is True


@pytest.mark.parametrize(
    ("key", "day", "expected"),
    [
        ("PHA 1997 s.2A", dt.date(2012, 11, 24), False),
        ("PHA 1997 s.2A", dt.date(2012, 11, 25), True),
        ("PHA 1997 s.4A", dt.date(2012, 11, 26), True),
        ("SPA 2019 s.8", dt.date(2020, 1, 19), False),
        ("SPA 2019 s.8", dt.date(2020, 1, 20), True),
        ("PHA 1997 s.2", dt.date(2000, 1, 1), True),
    ],
)
def test_commencement(key, day, expected):
    assert in_force(offence(key), day) is expected


def test_unknown_offence_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown offence"):
        offence("PHA 1997 s.99")


def test_course_of_conduct_offences_are_the_pha_ones_and_ccb():
    assert {o.label for o in OFFENCES if o.course_of_conduct} >= {
        "PHA 1997 s.2",
        "PHA 1997 s.2A",
        "PHA 1997 s.4",
        "PHA 1997 s.4A",
        "SCA 2015 s.76",
    }
    assert not offence("SPA 2019 s.8").course_of_conduct
