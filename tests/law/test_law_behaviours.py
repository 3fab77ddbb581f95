"""Behaviour ids of design.md §4.3 and the PHA 1997 s.2A(3) examples."""

import pytest

from fourfold.law import BEHAVIOUR_IDS, associated_with_stalking, behaviour
from fourfold.law.behaviours import S2A3_EXAMPLES

DESIGN_IDS = (
    "following contacting publishing_material monitoring_online loitering "
    "interfering_property watching_spying "
    "turning_up_home turning_up_work gifts threats violence third_party_contact "
    "fake_accounts tracking_device "
    "breach_of_order"
).split()


def test_ids_are_exactly_the_design_list_in_order():
    assert list(BEHAVIOUR_IDS) == DESIGN_IDS


@pytest.mark.parametrize(("bid", "letter"), list(zip(DESIGN_IDS[:7], "abcdefg", strict=True)))
def test_first_seven_mirror_s2a3_a_to_g(bid, letter):
    assert behaviour(bid).s2a3_example == letter
    assert letter in S2A3_EXAMPLES


@pytest.mark.parametrize(
    ("bid", "associated", "distinguishes"),
    [
        ("following", True, True),
        ("contacting", True, False),
        ("third_party_contact", True, False),
        ("gifts", True, True),
        ("turning_up_home", True, True),
        ("fake_accounts", True, True),
        ("tracking_device", True, True),
        ("threats", False, False),
        ("violence", False, False),
        ("breach_of_order", False, False),
    ],
)
def test_association_with_stalking(bid, associated, distinguishes):
    assert associated_with_stalking(bid) is associated
    assert behaviour(bid).distinguishes_stalking is distinguishes


def test_non_statutory_associated_acts_name_the_example_they_resemble():
    for bid in DESIGN_IDS[7:]:
        b = behaviour(bid)
        assert b.s2a3_example is None
        if b.associated_with_stalking:
            assert b.analogous_to and set(b.analogous_to) <= set(S2A3_EXAMPLES)


def test_unknown_behaviour():
    with pytest.raises(KeyError, match="unknown behaviour id"):
        behaviour("staring")
