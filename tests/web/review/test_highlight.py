"""Evidence spans cut a narrative into plain and highlighted segments."""

from __future__ import annotations

from fourfold.web.review.highlight import highlight

TEXT = "Suspect followed her home and sent 40 messages."


def _marked(segments) -> list[tuple[str, list[str]]]:
    return [(s.text, s.labels) for s in segments if s.labels]


def test_offsets_are_used_when_they_match_the_text() -> None:
    segments, unplaced = highlight(
        TEXT, [("following", {"start": 8, "end": 25, "text": "followed her home"})]
    )
    assert _marked(segments) == [("followed her home", ["following"])]
    assert "".join(s.text for s in segments) == TEXT and unplaced == []


def test_a_plain_quote_is_found_case_insensitively() -> None:
    segments, _ = highlight(TEXT, [("contacting", "SENT 40 MESSAGES")])
    assert _marked(segments) == [("sent 40 messages", ["contacting"])]


def test_overlapping_spans_carry_both_labels() -> None:
    segments, _ = highlight(
        TEXT, [("following", "followed her home"), ("FOUR: fixated", "her home and sent")]
    )
    assert ("her home", ["FOUR: fixated", "following"]) in _marked(segments)
    assert "".join(s.text for s in segments) == TEXT


def test_evidence_not_in_the_narrative_is_returned_not_dropped() -> None:
    segments, unplaced = highlight(TEXT, [("threats", "said he would hurt her")])
    assert _marked(segments) == [] and unplaced == [("threats", "said he would hurt her")]


def test_wrong_offsets_fall_back_to_searching_for_the_text() -> None:
    segments, _ = highlight(TEXT, [("contacting", {"start": 0, "end": 5, "text": "sent 40"})])
    assert _marked(segments) == [("sent 40", ["contacting"])]
