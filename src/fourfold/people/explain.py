"""explain_pair: why the model thinks two person mentions are (or are not) the same person.

Each comparison contributes the match weight log2(m/u) of the level the pair falls into; the prior weight
plus the sum is the pair's match weight, and probability = 2^w / (1 + 2^w). Term-frequency adjustments (a
common surname counting for less) are left out here so that every row is a plain property of the model.
"""

from __future__ import annotations

import copy
import math
from typing import Any

import pandas as pd

from fourfold.people import normalise
from fourfold.people.model import MODEL_COLUMNS, PersonModel, duckdb_api


def explain_pair(model: PersonModel, first: dict[str, Any], second: dict[str, Any]) -> pd.DataFrame:
    """One row per comparison (comparison, level, value_l, value_r, match_weight), then a row for the prior
    and one for the total with its match_probability. `first` and `second` hold raw person fields."""
    from splink import Linker

    settings = copy.deepcopy(model.settings)
    settings["retain_intermediate_calculation_columns"] = True
    settings["retain_matching_columns"] = True
    for comp in settings["comparisons"]:
        for level in comp["comparison_levels"]:
            level.pop("tf_adjustment_column", None)
            level.pop("tf_adjustment_weight", None)
    std = normalise.standardise(pd.DataFrame([first, second]))
    std.insert(0, "uid", [0, 1])
    std["is_new"] = 1
    rows = std[list(MODEL_COLUMNS)].to_dict("records")
    linker = Linker(
        std[list(MODEL_COLUMNS)].iloc[:0], settings, db_api=duckdb_api(), set_up_basic_logging=False
    )
    scored = linker.inference.compare_two_records(rows[0], rows[1]).as_pandas_dataframe().iloc[0]
    out = []
    for comp in settings["comparisons"]:
        name = comp["output_column_name"]
        gamma = int(scored[f"gamma_{name}"])
        label = _level_label(comp, gamma)
        bf = float(scored[f"bf_{name}"])
        out.append(
            {
                "comparison": name,
                "level": label,
                "value_l": rows[0].get(name),
                "value_r": rows[1].get(name),
                "match_weight": math.log2(bf) if bf > 0 else float("-inf"),
            }
        )
    prior = model.prior_weight()
    total = prior + sum(r["match_weight"] for r in out)
    out.append(
        {
            "comparison": "(prior)",
            "level": "two random mentions are the same person",
            "value_l": None,
            "value_r": None,
            "match_weight": prior,
        }
    )
    out.append(
        {
            "comparison": "(total)",
            "level": f"match probability {2**total / (1 + 2**total):.6f}",
            "value_l": None,
            "value_r": None,
            "match_weight": total,
        }
    )
    frame = pd.DataFrame(out)
    frame.attrs["match_probability"] = 2**total / (1 + 2**total)
    return frame


def _level_label(comp: dict[str, Any], gamma: int) -> str:
    levels = comp["comparison_levels"]
    non_null = [lv for lv in levels if not lv.get("is_null_level")]
    if gamma == -1:
        return "missing on one side (no evidence either way)"
    return str(non_null[len(non_null) - 1 - gamma]["label_for_charts"])
