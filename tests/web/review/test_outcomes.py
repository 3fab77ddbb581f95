"""Which decisions change the crime record (and so need a registrar's sign-off), and the codes they imply."""

from __future__ import annotations

import pytest

from fourfold.web.review.outcomes import OUTCOMES, is_recording_change, offence_code_for


@pytest.mark.parametrize(
    ("outcome", "recorded", "change"),
    [
        ("stalking_s2a", ["8L"], True),  # harassment re-classified as stalking
        ("stalking_s2a", ["8Q"], False),  # already stalking: confirmation only
        ("stalking_s2a", [], True),  # not recorded as a crime at all
        ("stalking_s4a", ["8q", ""], False),  # case and blanks from exports are tolerated
        ("harassment_only", ["8Q"], True),
        ("harassment_only", ["8L", "8L"], False),
        ("not_course_of_conduct", ["8L"], True),  # removing a course-of-conduct crime
        ("not_course_of_conduct", ["", ""], False),
        ("not_course_of_conduct", ["58A"], False),
        ("needs_more_information", ["8L"], False),
        ("refer_spo", ["8Q"], False),
    ],
)
def test_recording_change(outcome: str, recorded: list[str], change: bool) -> None:
    assert is_recording_change(outcome, recorded) is change


@pytest.mark.parametrize(
    ("outcome", "s4a", "code"),
    [
        ("stalking_s2a", {}, "195/12"),
        ("stalking_s4a", {"fear_of_violence": True}, "8/65"),
        ("stalking_s4a", {"serious_alarm_distress": True}, "8/66"),
        ("stalking_s4a", {}, None),
        ("harassment_only", {}, None),
    ],
)
def test_offence_codes(outcome: str, s4a: dict, code: str | None) -> None:
    assert offence_code_for(outcome, s4a) == code


def test_only_harassment_needs_a_why_not_stalking_reason() -> None:
    assert [o.code for o in OUTCOMES.values() if o.requires_why_not_stalking] == ["harassment_only"]
