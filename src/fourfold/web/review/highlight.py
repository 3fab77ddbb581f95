"""Cut a narrative into plain and highlighted segments from a finding's evidence spans (pure Python)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    labels: list[str] = field(default_factory=list)

    @property
    def highlighted(self) -> bool:
        return bool(self.labels)

    @property
    def title(self) -> str:
        return ", ".join(self.labels)


def evidence_text(evidence: Any) -> str:
    """The quoted words of one evidence item: a string, or a dict with `text`/`evidence`."""
    if isinstance(evidence, str):
        return evidence
    if isinstance(evidence, dict):
        for key in ("text", "evidence", "span"):
            value = evidence.get(key)
            if isinstance(value, str):
                return value
    return ""


def _offsets(narrative: str, evidence: Any) -> tuple[int, int] | None:
    """Where one evidence item sits in the narrative: its own offsets if they agree, else the first match."""
    text = evidence_text(evidence)
    if isinstance(evidence, dict):
        start, end = evidence.get("start"), evidence.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(narrative):
            if not text or narrative[start:end].lower() == text.lower():
                return start, end
    if not text.strip():
        return None
    at = narrative.lower().find(text.lower())
    if at < 0:
        return None
    return at, at + len(text)


def highlight(
    narrative: str, items: Iterable[tuple[str, Any]]
) -> tuple[list[Segment], list[tuple[str, str]]]:
    """Segments of the narrative with evidence marked, and the evidence that could not be placed in it.

    `items` are (label, evidence) pairs, e.g. ("following", "followed her to the bus stop").
    """
    spans: list[tuple[int, int, str]] = []
    unplaced: list[tuple[str, str]] = []
    for label, evidence in items:
        where = _offsets(narrative, evidence)
        if where is None:
            text = evidence_text(evidence)
            if text:
                unplaced.append((label, text))
            continue
        spans.append((where[0], where[1], label))
    if not spans:
        return ([Segment(narrative)] if narrative else []), unplaced
    # Sweep over every boundary so overlapping spans give segments carrying all their labels.
    bounds = sorted({0, len(narrative), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        labels = sorted({label for s, e, label in spans if s <= left and right <= e})
        piece = narrative[left:right]
        if segments and segments[-1].labels == labels:
            segments[-1].text += piece
        else:
            segments.append(Segment(piece, labels))
    return segments, unplaced
