"""Negation, denial, hypotheticals and the victim's own actions do not count as the suspect's act."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "SUSP DENIES FOLLOWING IP.",
        "The suspect denied ever contacting her.",
        "There has been no further contact since.",
        "He has not contacted her since the arrest.",
        "He did not follow her; he was already at the cafe.",
    ],
)
def test_negated_or_denied(read, text: str) -> None:
    ev = read(text)
    assert not ev.behaviour_ids & {"following", "contacting"}
    assert not ev.four["repeated"]


@pytest.mark.parametrize(
    "text",
    [
        "If he comes round again she will call 999.",
        "IP ADVISED TO CALL POLICE IF SUSP TURNS UP AT HER WORK.",
        "She is worried he will follow her when she leaves the refuge.",
        "She said that if he ever turned up at her work she would call the police.",
    ],
)
def test_hypothetical(read, text: str) -> None:
    ev = read(text)
    assert not ev.behaviour_ids & {"following", "turning_up_home", "turning_up_work"}


def test_denial_is_recorded_as_set_aside(read) -> None:
    ev = read("SUSP DENIES FOLLOWING IP.")
    kinds = {(x["kind"], x["span"].text) for x in ev.excluded}
    assert ("behaviour:following:negated", "FOLLOWING IP") in kinds


def test_threat_to_act_is_a_threat_not_the_act(read) -> None:
    ev = read("He threatened to punch her and to post naked pictures of her online.")
    assert "threats" in ev.behaviour_ids
    assert not ev.behaviour_ids & {"violence", "publishing_material"}


def test_victim_blocking_is_unwanted_not_contact(read) -> None:
    ev = read("IP blocked his number.")
    assert ev.behaviour_ids == set()
    assert ev.four["unwanted"]


def test_victim_own_call_is_not_contact_by_suspect(read) -> None:
    ev = read("She rang him to ask him to collect his things.")
    assert "contacting" not in ev.behaviour_ids
    assert any("victim_act" in x["kind"] for x in ev.excluded)


def test_victim_receiving_calls_is_contact_by_suspect(read) -> None:
    assert "contacting" in read("IP HAS RECIEVED 15 CALLS FROM A WITHHELD NUMBER.").behaviour_ids


def test_negation_does_not_swallow_persistence(read) -> None:
    ev = read("He would not leave her alone and kept ringing her all night.")
    assert "contacting" in ev.behaviour_ids


def test_contacting_her_mother_is_third_party_not_victim(read) -> None:
    ev = read("He has contacted her mother asking where she is.")
    assert ev.behaviour_ids == {"third_party_contact"}


def test_a_negation_covers_acts_joined_by_or():
    from fourfold.narrative import analyse

    assert analyse("He has never threatened me or come to my house.").behaviour_ids == set()
    assert analyse("He has not called her or turned up at her work.").behaviour_ids == set()
    # "and" still starts a fresh act, and "did not stop" stays the act
    assert analyse("He did not stop calling her or turning up at her work.").behaviour_ids == {
        "contacting",
        "turning_up_work",
    }


def test_no_suggestion_that_denies_the_rest_of_the_sentence():
    from fourfold.narrative import analyse

    text = "There is no suggestion that he has visited her home or followed her. He texts her daily."
    assert analyse(text).behaviour_ids == {"contacting"}
    assert analyse("No evidence of him following her.").behaviour_ids == set()


def test_a_negation_governs_a_comma_separated_list_of_acts():
    from fourfold.narrative import analyse

    assert (
        analyse("NO FOLLOWING, MONITORING, LOITERING OR CONTACT OUTSIDE THE CHANNEL.").behaviour_ids == set()
    )
    # a new clause after the comma is not in the list
    assert analyse("He has not called, he texted her forty times.").behaviour_ids == {"contacting"}
    assert analyse("He followed her, watched her house, and texted her.").behaviour_ids == {
        "contacting",
        "following",
        "watching_spying",
    }


def test_feeling_followed_is_an_impression_not_an_act():
    from fourfold.narrative import analyse

    assert analyse("She felt she was being followed home but no one there on checks.").behaviour_ids == set()
    assert analyse("IP thought she was being watched.").behaviour_ids == set()
    assert analyse("She was being followed by a man in a grey car.").behaviour_ids == {"following"}
    road = analyse("Road rage - a driver followed V for a mile after a near miss.")
    assert [s.text for s in road.not_targeted] == ["Road rage", "near miss"]
