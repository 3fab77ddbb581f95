"""Course-level matching of findings to true courses."""

from __future__ import annotations

from fourfold.screening.evaluate import score, to_markdown


def _f(rids: list[str], cls: str, misrecorded: bool = False) -> dict:
    return {"record_ids": rids, "recommendation": {"classification": cls}, "misrecorded": misrecorded}


def _c(cid: str, rids: list[str], label: str, cross: bool = False, correct: bool = True) -> dict:
    return {
        "type": "course",
        "course_id": cid,
        "record_ids": rids,
        "label": label,
        "cross_record": cross,
        "recorded_class_correct": correct,
        "scenario": "s",
    }


def test_recall_precision_and_misrecorded() -> None:
    truth = [
        {"type": "mention", "record_id": "a1"},
        _c("C1", ["a1", "a2", "a3"], "stalking", cross=True, correct=False),
        _c("C2", ["b1", "b2"], "stalking"),
        _c("C3", ["c1", "c2"], "harassment"),
        _c("C4", ["d1"], "none"),
    ]
    findings = [
        _f(["a1", "a2"], "stalking", misrecorded=True),  # matches C1
        _f(["a3"], "none"),
        _f(["b1", "b2"], "harassment"),  # C2 missed as stalking
        _f(["c1", "c2"], "harassment"),
        _f(["d1"], "stalking"),  # false positive
        _f(["z9"], "stalking"),  # unmatched false positive
    ]
    result = score(findings, truth)
    assert (result[("stalking", "all")]["recall"].hits, result[("stalking", "all")]["recall"].total) == (1, 2)
    assert (
        result[("stalking", "all")]["precision"].hits,
        result[("stalking", "all")]["precision"].total,
    ) == (1, 3)
    assert result[("stalking", "cross_record")]["recall"].value == 1.0
    assert result[("stalking", "cross_record")]["precision"].total == 1
    assert result[("harassment", "all")]["recall"].value == 1.0
    assert result[("harassment", "all")]["precision"].value == 0.5
    assert result["misrecorded_stalking"].value == 1.0
    assert result["confusion"][("stalking", "harassment")] == 1
    markdown = to_markdown(result, records=10, seed=1, backend="duckdb", summary="x")
    assert "| stalking | all | 0.500" in markdown
