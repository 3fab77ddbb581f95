"""Values as the pipeline hands them over (pandas/numpy types, blanks) are read, not rejected."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from fourfold.protect.risk import RiskInput, priority, risk_flags
from fourfold.record.assess import BehaviourEvidence, CourseEvidence, assess_course, is_misrecorded


def pipeline_course(relationship, recorded):
    days = [pd.Timestamp("2021-05-01"), pd.Timestamp("2021-06-01 13:45")]
    return CourseEvidence(
        record_dates=days,
        occasions=np.int64(2),
        behaviours=[BehaviourEvidence("following", f"R{i}", "followed her", d) for i, d in enumerate(days)],
        four={"fixated": [], "obsessive": [], "unwanted": [], "repeated": []},
        fear_of_violence_occasions=np.int64(0),
        serious_alarm_distress=np.bool_(False),
        relationship=relationship,
        recorded_classes=recorded,
        suspect_known=True,
    )


@pytest.mark.parametrize("relationship", [None, "", float("nan"), " Ex_Partner "])
def test_timestamps_numpy_counts_and_blank_relationships(relationship):
    ev = pipeline_course(relationship, ["8L", None, math.nan, ""])
    rec = assess_course(ev)
    assert rec.classification == "stalking" and rec.decided_on == dt.date(2021, 6, 1)
    assert is_misrecorded(rec, ev.recorded_classes)
    ri = RiskInput(ev, rec, np.int64(1), np.int64(0))
    flags = risk_flags(ri)
    assert "previous_stalking_of_others" in flags
    assert ("ex_partner" in flags) is (relationship == " Ex_Partner ")
    score, _ = priority(ri, flags)
    assert 0 < score <= 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("occasions", 2.5, "occasions must be a whole number"),
        ("occasions", True, "occasions must be a whole number"),
        ("relationship", 7, "unknown relationship"),
        ("record_dates", [np.datetime64("2021-05-01")], "is not a date"),
    ],
)
def test_values_that_cannot_be_read(field, value, message):
    ev = pipeline_course(None, ["8L"])
    with pytest.raises(ValueError, match=message):
        assess_course(CourseEvidence(**{**ev.__dict__, field: value}))
