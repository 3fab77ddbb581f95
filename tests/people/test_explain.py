import pytest

from fourfold.people import explain_pair


def test_match_weights_of_a_pair_add_up_and_name_the_levels(resolution):
    a = {"forename": "Robert", "surname": "Hale", "dob": "1980-03-07", "phone": "07700 900001"}
    b = {"forename": "Bob", "surname": "Hale", "dob": "07/03/1980", "phone": "+447700900001"}
    table = explain_pair(resolution.model, a, b)
    rows = table.set_index("comparison")
    assert rows.loc["forename", "level"] == "Nickname or variant of the same name"
    assert rows.loc["phone", "match_weight"] > 5
    parts = table[~table["comparison"].isin(["(total)"])]["match_weight"].sum()
    assert rows.loc["(total)", "match_weight"] == pytest.approx(parts)
    assert table.attrs["match_probability"] > 0.99


def test_a_different_person_scores_low(resolution):
    a = {"forename": "Robert", "surname": "Hale", "dob": "1980-03-07"}
    b = {"forename": "Susan", "surname": "Okafor", "dob": "1962-11-30"}
    assert explain_pair(resolution.model, a, b).attrs["match_probability"] < 0.01
