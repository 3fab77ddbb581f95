"""The evidence one narrative yields (contract A in helpers/contracts.md); every item carries its span."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

FOUR_ELEMENTS = ("fixated", "obsessive", "unwanted", "repeated")


@dataclass(frozen=True)
class Span:
    """Character offsets into the original narrative, and the text between them."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class BehaviourHit:
    behaviour: str  # design.md §4.3 behaviour id
    span: Span


@dataclass(frozen=True)
class Identifier:
    kind: str  # "phone" | "email" | "handle" | "vrm" | "name"
    value: str  # normalised: phone E.164, email lower-case, handle without @, VRM upper, "Forename Surname"
    span: Span


@dataclass
class NarrativeEvidence:
    behaviours: list[BehaviourHit] = field(default_factory=list)
    four: dict[str, list[Span]] = field(default_factory=lambda: {k: [] for k in FOUR_ELEMENTS})
    fear_of_violence: list[Span] = field(default_factory=list)
    fear_occasions: int = 0
    serious_alarm_distress: list[Span] = field(default_factory=list)
    occasions: int = 0
    span_days: int | None = None
    repetition: list[Span] = field(default_factory=list)
    relationship: str | None = None
    relationship_spans: list[Span] = field(default_factory=list)
    # The conduct arises from a dispute or grievance ("dispute over the hedge", "demanding a refund").
    dispute: list[Span] = field(default_factory=list)
    # The record says the conduct is not aimed at the victim ("not directed at IP", "no targeting").
    not_targeted: list[Span] = field(default_factory=list)
    # The record says the contact is wanted ("they message each other every day", "does not feel harassed").
    wanted: list[Span] = field(default_factory=list)
    # The record states a decision that the course is harassment only ("satisfied this is harassment only").
    harassment_only: list[Span] = field(default_factory=list)
    # The suspect's role suggests a lawful purpose ("a process server", "a reporter"): PHA 1997 s.1(3).
    lawful_purpose: list[Span] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    # What was read but set aside (negated, hypothetical, the victim's own act): for --explain and review.
    excluded: list[dict[str, Any]] = field(default_factory=list)

    @property
    def behaviour_ids(self) -> set[str]:
        return {b.behaviour for b in self.behaviours}

    @property
    def four_present(self) -> set[str]:
        return {k for k, v in self.four.items() if v}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (spans as {start, end, text})."""
        return asdict(self)
