"""FOUR elements, the s.4A limbs and relationship cues."""

from __future__ import annotations

import pytest


def test_unwanted_and_obsessive_after_being_told(read) -> None:
    ev = read("She told him to stop contacting her but he still sends messages every day.")
    assert ev.four["unwanted"] and ev.four["obsessive"] and ev.four["repeated"]


def test_fixated_wants_to_know_everything(read) -> None:
    assert read("He wants to know where she is at all times and asks her friends about her.").four["fixated"]


def test_fear_of_violence_on_two_occasions(read) -> None:
    ev = read("He said he would stab her. She was in fear of violence on both occasions.")
    assert ev.fear_of_violence
    assert ev.fear_occasions == 2


def test_general_fear_needs_threats_or_violence(read) -> None:
    assert not read("She is frightened and wants advice about a parking dispute.").fear_of_violence
    assert read("He threatened to kill her. She is terrified.").fear_of_violence


def test_not_scared(read) -> None:
    assert not read("She is not scared of him and does not fear for her safety.").fear_of_violence


@pytest.mark.parametrize(
    "text",
    [
        "She has moved house because of him.",
        "IP HAS CHANGED HER ROUTE TO WORK AND INSTALLED CCTV.",
        "She has been signed off work by her GP.",
        "She has stopped going out on her own.",
    ],
)
def test_serious_alarm_or_distress(read, text: str) -> None:
    assert read(text).serious_alarm_distress


def test_no_adverse_effect_when_negated(read) -> None:
    assert not read("She has not changed her routine.").serious_alarm_distress


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("Her ex-partner keeps calling her.", "ex_partner"),
        ("SUSP IS IPS EX BF.", "ex_partner"),
        ("Her husband checks her phone every night.", "current_partner"),
        ("Her brother keeps turning up at her flat.", "family"),
        ("Her colleague has been emailing her at home.", "colleague"),
        ("The suspect lives next door.", "neighbour"),
        ("She met him online and has never met him in person.", "online_only"),
        ("A man she does not know followed her.", "stranger"),
    ],
)
def test_relationship(read, text: str, relationship: str) -> None:
    assert read(text).relationship == relationship


def test_her_mum_is_not_the_relationship(read) -> None:
    assert read("He sent messages to her mum on Facebook.").relationship is None


def test_fear_on_two_dated_occasions_or_both_occasions_counts_twice():
    from fourfold.narrative import analyse

    assert analyse("Charged s.4 PHA: fear of violence on two occasions (04/05, 18/05).").fear_occasions == 2
    both = analyse("He said he would break her legs. IP believed on BOTH occasions he would be assaulted.")
    assert both.fear_occasions == 2
    meant = analyse("He told her she would end up in hospital. She says she believed he meant it.")
    assert [s.text for s in meant.fear_of_violence] == ["believed he meant"]
    assert analyse("She thinks he will turn up at the party.").fear_of_violence == []


def test_not_coming_back_is_the_end_of_the_conduct_not_obsession():
    from fourfold.narrative import analyse

    assert analyse("He left when asked and did not come back.").four["obsessive"] == []
    assert [s.text for s in analyse("He will not accept it is over.").four["obsessive"]] == ["not accept"]
