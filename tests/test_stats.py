from fourfold.stats import precision_recall, wilson_interval


def test_wilson_interval_contains_the_proportion_and_narrows_with_data():
    low, high = wilson_interval(45, 50)
    assert low < 0.9 < high
    low2, high2 = wilson_interval(450, 500)
    assert high2 - low2 < high - low


def test_wilson_interval_of_all_successes_stays_below_one():
    low, high = wilson_interval(20, 20)
    assert 0.8 < low < 1.0 and high == 1.0


def test_precision_recall_counts():
    result = precision_recall(tp=8, fp=2, fn=8)
    assert result["precision"] == 0.8
    assert result["recall"] == 0.5
    assert abs(result["f1"] - 2 * 0.8 * 0.5 / 1.3) < 1e-9
