"""The vectorised smallest-mention-per-group used to name people agrees with pandas' groupby min."""

from __future__ import annotations

import numpy as np
import pandas as pd

from fourfold.people.resolve import _group_min


def test_group_min_matches_groupby_min() -> None:
    rng = np.random.default_rng(3)
    values = np.array(
        [
            f"R{int(i):05d}:{role}"
            for i, role in zip(rng.integers(0, 900, 2000), ["victim", "suspect"] * 1000, strict=True)
        ],
        dtype=object,
    )
    keys = rng.integers(0, 300, len(values))
    expected = pd.Series(values).groupby(keys).min()
    got = _group_min(values, keys)
    assert got.index.tolist() == expected.index.tolist()
    assert got.tolist() == expected.tolist()


def test_group_min_of_nothing_is_empty() -> None:
    assert _group_min(np.array([], dtype=object), np.array([], dtype=np.int64)).empty
