"""Context cues: a dispute or grievance behind the conduct, and conduct the record says is not aimed at the
victim. They feed the stalking-or-harassment step of the recording recommendation (fourfold.record.assess)."""

import pytest

from fourfold.narrative import analyse


@pytest.mark.parametrize(
    "text, cue",
    [
        ("SUSP lives opposite - long running dispute over the hedge.", "dispute"),
        ("He is a former customer of the salon - grievance over a refund.", "grievance"),
        ("They fell out over money last spring and she keeps posting about him.", "fell out"),
        ("S/ came into the surgery again demanding money.", "demanding money"),
        ("Row over parking escalated; his car was scratched.", "Row over"),
    ],
)
def test_dispute_cues(text, cue):
    assert cue in [s.text for s in analyse(text).dispute]


@pytest.mark.parametrize(
    "text",
    [
        "There is no dispute between them. He followed her home from the station.",
        "IP made a complaint to police about the messages.",
        "He sends flowers to her workplace every week.",
    ],
)
def test_no_dispute_cue(text):
    assert analyse(text).dispute == []


def test_not_targeted_cues_and_their_spans():
    ev = analyse("LOUD MUSIC AGAIN FROM THE FLAT ABOVE. NOT DIRECTED AT IP. ADVICE.")
    (span,) = ev.not_targeted
    assert span.text == "NOT DIRECTED"
    assert "no targeting" in [
        s.text.lower() for s in analyse("Dog barking again. No targeting.").not_targeted
    ]
    assert analyse("The messages were aimed at her and her family.").not_targeted == []


def test_wanted_contact_and_a_recorded_harassment_only_decision():
    ev = analyse(
        "She says they message each other every day and are working things out. She does not feel harassed."
    )
    assert {"message each other", "not feel harassed"} <= {s.text for s in ev.wanted}
    assert analyse("He wants to get back together and keeps texting her.").wanted == []
    assert analyse("He keeps texting her although she has told him to stop.").wanted == []
    decided = analyse("DS decision: satisfied this is harassment only. Recorded 8L.")
    assert [s.text for s in decided.harassment_only] == ["satisfied this is harassment only"]


def test_a_period_before_after_or_ago_is_a_point_in_time_not_occasions():
    assert analyse("He came to her address on 18/09, two weeks after they split.").occasions == 1
    assert analyse("He has turned up at her house on three nights this week.").occasions == 3


@pytest.mark.parametrize(
    "text",
    [
        "Former friend sending abusive messages re 350 quid RP borrowed; RP admits she owes it.",
        "Every message is about the estate and their mother's will.",
        "Cousin wants repayment of a loan and rings him 40 times a day.",
    ],
)
def test_money_and_inheritance_disputes(text):
    assert analyse(text).dispute


def test_a_lawful_purpose_role_of_the_suspect_but_not_of_the_victim():
    served = analyse("The car was traced to a process server instructed to serve a divorce application.")
    assert "process server" in [s.text for s in served.lawful_purpose]
    assert analyse("IP is a journalist and has been followed home three times.").lawful_purpose == []
