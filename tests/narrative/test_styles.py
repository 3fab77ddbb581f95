"""Case-summary, court, first-person and news-style prose (issue 4, third pass): agent roles, durations,
FOUR language and the s.4A limbs as formal writing states them."""

from __future__ import annotations

import pytest

from fourfold.narrative import analyse


@pytest.mark.parametrize(
    ("text", "behaviour"),
    [
        ("The defendant bombarded the complainant with messages after she ended it.", "contacting"),
        ("Over the summer the accused harassed the victim by text and email.", "contacting"),
        ("The respondent wrote to the applicant almost every week.", "contacting"),
        ("She said the offender created fake social-media profiles to reach her.", "fake_accounts"),
        ("He kept a diary of her movements and her routine.", "watching_spying"),
        ("The defendant left a knife on her car bonnet.", "threats"),
        ("The complainant said the defendant was now outside her house.", "loitering"),
        ("Her former partner kept turning up at places she had only just arrived at.", "following"),
        ("The accused accessed her email account and read her messages.", "monitoring_online"),
        ("The victim explained that he would walk past her house several times a day.", "loitering"),
        ("My sister and my friends have had messages from him.", "third_party_contact"),
    ],
)
def test_formal_and_first_person_acts(text: str, behaviour: str) -> None:
    assert behaviour in analyse(text).behaviour_ids


@pytest.mark.parametrize(
    ("text", "behaviour"),
    [
        (
            "The complainant said she had checked his Instagram page once to see if he had moved.",
            "monitoring_online",
        ),
        ("Spoke to client, who disclosed that the matter had been resolved.", "contacting"),
        (
            "Her mum said that if the ex-partner turned up at the house again she would ring 999.",
            "turning_up_home",
        ),
        ("She waited outside her daughter's school for the bell.", "turning_up_work"),
        ("He set up a profile and sent explicit messages to her followers from it.", "contacting"),
        ("Her friend has had no contact from him since the warning.", "third_party_contact"),
    ],
)
def test_victims_own_acts_hypotheticals_and_others_are_not_the_suspects(text: str, behaviour: str) -> None:
    assert behaviour not in analyse(text).behaviour_ids


def test_breach_patterns_keep_their_own_not() -> None:
    ev = analyse("He is on bail not to contact her but has been calling her.")
    assert {"breach_of_order", "contacting"} <= ev.behaviour_ids


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("My ex could not accept that it was over and messaged me daily.", "fixated"),
        ("The offender became infatuated with her and followed her home.", "fixated"),
        ("He will not take no for an answer and keeps ringing me.", "obsessive"),
        ("The defendant bombarded her with voicemails.", "obsessive"),
        ("He continued to ring her despite two harassment warnings.", "unwanted"),
        ("He was warned by police and still sent letters to her.", "unwanted"),
        ("Over an eighteen-month period the defendant sent her letters and followed her.", "repeated"),
    ],
)
def test_four_language(text: str, element: str) -> None:
    assert analyse(text).four[element], text


def test_separate_occasions_are_not_a_separation() -> None:
    ev = analyse("His car was damaged on three separate occasions.")
    assert not ev.four["unwanted"]


@pytest.mark.parametrize(
    ("text", "limb"),
    [
        (
            "The defendant's conduct caused her to fear that violence would be used against her.",
            "fear_of_violence",
        ),
        ("She was terrified the defendant would hurt her.", "fear_of_violence"),
        (
            "She suffered serious alarm or distress which had a substantial adverse effect on her usual "
            "day-to-day activities.",
            "serious_alarm_distress",
        ),
        ("Because of him she gave up her job.", "serious_alarm_distress"),
        ("She had to change her phone number.", "serious_alarm_distress"),
        ("She suffered anxiety and needed counselling.", "serious_alarm_distress"),
        ("She withdrew her son from his nursery.", "serious_alarm_distress"),
    ],
)
def test_s4a_limbs_in_formal_prose(text: str, limb: str) -> None:
    assert getattr(analyse(text), limb), text


def test_leaving_work_is_not_giving_up_work() -> None:
    assert not analyse("Every time I leave work he is there watching me.").serious_alarm_distress


def test_period_makes_a_course_of_conduct() -> None:
    ev = analyse("Over a six-week period the offender sent her letters.")
    assert ev.span_days == 42 and ev.occasions >= 2


@pytest.mark.parametrize(
    "text",
    [
        "SUSP SAID I WILL KILL YOU.",
        'He said if she goes to the police "i\'ll make you pay".',
        "He told her she will be sorry.",
    ],
)
def test_first_person_in_his_words_is_his_threat(text: str) -> None:
    assert "threats" in analyse(text).behaviour_ids
