"""Home Office outcome types 1-22: groups and policy flags (domain.md §7)."""

import pytest

from fourfold.law import OUTCOME_TYPES, OutcomeGroup, StalkingUse, outcome_type
from fourfold.law.outcomes import PROHIBITED_FOR_STALKING, stalking_outcome_warning

G = OutcomeGroup


def test_every_code_1_to_22_is_present():
    assert {str(n) for n in range(1, 23)} <= {o.code for o in OUTCOME_TYPES}


@pytest.mark.parametrize(
    ("code", "group"),
    [
        (1, G.CHARGED),
        ("1A", G.CHARGED),
        (2, G.OUT_OF_COURT_FORMAL),
        (3, G.OUT_OF_COURT_FORMAL),
        (4, G.TIC),
        (8, G.OUT_OF_COURT_INFORMAL),
        (9, G.PREVENTED),
        (14, G.EVIDENTIAL_VICTIM_NOT_SUPPORT),
        (15, G.EVIDENTIAL_VICTIM_SUPPORTS),
        (16, G.EVIDENTIAL_VICTIM_NOT_SUPPORT),
        (18, G.NO_SUSPECT),
        (20, G.TRANSFERRED),
        (21, G.NOT_IN_PUBLIC_INTEREST_POLICE),
        (22, G.DIVERSIONARY),
    ],
)
def test_groups(code, group):
    assert outcome_type(code).group is group


@pytest.mark.parametrize(
    ("code", "use"),
    [
        (1, StalkingUse.ALLOWED),
        (7, StalkingUse.NOT_APPLICABLE),
        (8, StalkingUse.DISCOURAGED),
        (16, StalkingUse.ALLOWED),
        (19, StalkingUse.NOT_APPLICABLE),
        (21, StalkingUse.DISCOURAGED),
        (22, StalkingUse.DISCOURAGED),
    ],
)
def test_stalking_policy_flags(code, use):
    assert outcome_type(code).stalking_use is use
    warning = stalking_outcome_warning(code)
    assert (warning is None) is (use is StalkingUse.ALLOWED)


def test_only_21_and_22_are_verified_and_21_needs_a_named_suspect():
    assert {o.code for o in OUTCOME_TYPES if o.verified} == {"21", "22"}
    assert outcome_type(21).named_suspect is True
    assert outcome_type(18).named_suspect is False


def test_every_outcome_needs_the_victim_informed():
    assert all(o.requires_victim_informed for o in OUTCOME_TYPES)


def test_pins_are_prohibited_for_stalking():
    assert any("Police Information Notice" in p for p in PROHIBITED_FOR_STALKING)


@pytest.mark.parametrize("bad", [0, 23, "X"])
def test_unknown_outcome(bad):
    with pytest.raises(KeyError, match="unknown Home Office outcome type"):
        outcome_type(bad)
