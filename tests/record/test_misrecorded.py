"""is_misrecorded: the recommendation compared with the classes on the records."""

import pytest

from fourfold.record.assess import assess_course, is_misrecorded


@pytest.mark.parametrize(
    ("act", "day", "recorded", "expected"),
    [
        ("following", "2024-01-01", ["8Q"], False),
        ("following", "2024-01-01", ["8L", "8Q"], False),  # recognised on one record
        ("following", "2024-01-01", ["8L"], True),
        ("following", "2024-01-01", ["8R", ""], True),
        ("following", "2024-01-01", [""], True),  # never crimed
        ("following", "2024-01-01", [" 8q "], False),  # case and spaces do not matter
        ("following", "2013-06-01", ["8L"], False),  # before April 2014 stalking was counted in 8L
        ("threats", "2024-01-01", ["8L"], False),
        ("threats", "2024-01-01", ["8M"], False),
        ("threats", "2024-01-01", ["8Q"], False),  # recorded as stalking: Fourfold saw less, not misrecorded
        ("threats", "2024-01-01", ["8R"], True),
        ("threats", "2024-01-01", [], True),
    ],
)
def test_misrecorded(course, act, day, recorded, expected):
    rec = assess_course(course((act, "2013-01-01"), (act, day)))
    assert is_misrecorded(rec, recorded) is expected


def test_none_is_never_misrecorded(course):
    rec = assess_course(course(("following", "2024-01-01")))
    assert rec.classification == "none"
    assert not is_misrecorded(rec, ["8Q"]) and not is_misrecorded(rec, [])
