"""Each behaviour (design.md §4.3) is found in several phrasings, in plain English and police-log style."""

from __future__ import annotations

import pytest

CASES = [
    ("following", "Her ex-boyfriend followed her home from the station."),
    ("following", "SUSP HAS BEEN FOLOWING IP'S CAR ON HER WAY TO WORK."),
    ("following", "She was followed around the supermarket by the suspect."),
    ("contacting", "He has rung her 30 times since the weekend."),
    ("contacting", "S/ SENT IP ABUSIVE MSGS ON WHATSAPP"),
    ("contacting", "The suspect left several voicemails begging her to call back."),
    ("publishing_material", "He posted her home address on a local Facebook group."),
    ("publishing_material", "SUSP HAS SHARED INTIMATE IMAGES OF IP ONLINE."),
    ("monitoring_online", "He hacked into her email account."),
    ("monitoring_online", "SUSP HAS BEEN READING IP'S MESSAGES AND CHECKING HER FACEBOOK."),
    ("loitering", "He was hanging around the end of her road late at night."),
    ("loitering", "SUSP SAT IN HIS CAR O/S IP ADDRESS FOR 2 HRS."),
    ("interfering_property", "He slashed all four tyres on her car."),
    ("interfering_property", "SUSP HAS BEEN TAKING IP'S POST FROM HER LETTERBOX."),
    ("watching_spying", "He was seen staring through her kitchen window."),
    ("watching_spying", "SUSP TOOK PHOTOS OF IP AND HER CHILDREN AT THE PARK."),
    ("turning_up_home", "He turned up at her flat uninvited at midnight."),
    ("turning_up_home", "SUSP ATTENDED IP'S HOME ADDRESS AND BANGED ON THE DOOR."),
    ("turning_up_work", "He turned up at her workplace and demanded to see her."),
    ("turning_up_work", "SUSP CAME INTO THE SHOP WHERE IP WORKS."),
    ("gifts", "He sent a bouquet of flowers to her office."),
    ("gifts", "SUSP LEFT CHOCOLATES AND A TEDDY ON IPS DOORSTEP."),
    ("threats", "He threatened to burn her house down."),
    ("threats", "SUSP TOLD IP HE WILL KILL HER IF SHE GOES TO POLICE."),
    ("violence", "He punched her in the face."),
    ("violence", "SUSP GRABBED IP BY THE THROAT."),
    ("third_party_contact", "He has been messaging her sister and her friends about her."),
    ("third_party_contact", "SUSP RANG IP'S EMPLOYER CLAIMING SHE STEALS."),
    ("fake_accounts", "He set up a fake Instagram profile to message her."),
    ("fake_accounts", "IP BLOCKED HIM SO SUSP MADE NEW ACCOUNTS."),
    ("tracking_device", "She found a GPS tracker fitted under her car."),
    ("tracking_device", "SUSP PUT AN AIRTAG IN IP'S HANDBAG."),
    ("breach_of_order", "He breached his bail conditions by calling her."),
    ("breach_of_order", "SUSP CONTACTED IP DESPITE A RESTRAINING ORDER."),
]


@pytest.mark.parametrize(("behaviour", "text"), CASES)
def test_behaviour_is_found(read, behaviour: str, text: str) -> None:
    assert behaviour in read(text).behaviour_ids


def test_unrelated_incident_has_no_stalking_behaviour(read) -> None:
    ev = read("Her wallet was stolen from her bag on the bus. Crime reference given for insurance.")
    assert ev.behaviour_ids == set()
    assert ev.occasions == 0


def test_shouting_match_is_not_contact(read) -> None:
    assert read("NEIGHBOUR DISPUTE OVER PARKING. BOTH PARTIES ADVISED.").behaviour_ids == set()
