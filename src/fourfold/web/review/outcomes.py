"""The decisions a reviewer can make on a finding, and what each one means for the crime record.

Plain Python (no Django) so the rules are testable on their own; the review services call these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str
    hint: str
    # HOCR class the decision asks the record to carry: "8Q", "8L", "" (no course-of-conduct crime) or None
    # (the decision does not touch the crime record).
    implied_class: str | None
    offence: str | None
    requires_why_not_stalking: bool = False


STALKING_S2A = "stalking_s2a"
STALKING_S4A = "stalking_s4a"
HARASSMENT_ONLY = "harassment_only"
NOT_COURSE_OF_CONDUCT = "not_course_of_conduct"
NEEDS_MORE_INFORMATION = "needs_more_information"
REFER_SPO = "refer_spo"

OUTCOMES: dict[str, Outcome] = {
    o.code: o
    for o in (
        # PHA 1997 s.2A; HOCR class 8Q (stalking), Home Office offence code 195/12.
        Outcome(
            STALKING_S2A,
            "Record as stalking (PHA 1997 s.2A)",
            "A course of conduct that is harassment and involves acts associated with stalking (s.2A(3)).",
            "8Q",
            "PHA 1997 s.2A",
        ),
        # PHA 1997 s.4A; HOCR class 8Q, code 8/65 (fear of violence) or 8/66 (serious alarm/distress).
        Outcome(
            STALKING_S4A,
            "Record as stalking involving fear of violence or serious alarm or distress (PHA 1997 s.4A)",
            "Stalking that caused fear of violence on at least two occasions, or serious alarm or distress "
            "with a substantial adverse effect on day-to-day activities.",
            "8Q",
            "PHA 1997 s.4A",
        ),
        # PHA 1997 s.2; HOCR class 8L. The CPS/NPCC protocol (2018) asks for the reason it is not stalking.
        Outcome(
            HARASSMENT_ONLY,
            "Harassment only (PHA 1997 s.2)",
            "You must say why this is not stalking (CPS/NPCC stalking protocol, 2018).",
            "8L",
            "PHA 1997 s.2",
            requires_why_not_stalking=True,
        ),
        # PHA 1997 s.7(3): a course of conduct needs conduct on at least two occasions.
        Outcome(
            NOT_COURSE_OF_CONDUCT,
            "Not a course of conduct",
            "The records do not show conduct on two or more occasions by the same person to this victim.",
            "",
            None,
        ),
        Outcome(
            NEEDS_MORE_INFORMATION,
            "Needs more information",
            "Say what is missing and who should find it out.",
            None,
            None,
        ),
        # Stalking Protection Act 2019 s.1: a chief officer may apply for a Stalking Protection Order.
        Outcome(
            REFER_SPO,
            "Refer for Stalking Protection Order consideration",
            "Sends the finding to public protection to consider an SPO (Stalking Protection Act 2019 s.1).",
            None,
            None,
        ),
    )
}

# HOCR classes that record a course of conduct (harassment, aggravated harassment, stalking).
COURSE_OF_CONDUCT_CLASSES = frozenset({"8L", "8M", "8Q"})


def is_recording_change(outcome: str, recorded_classes: Iterable[str]) -> bool:
    """True when the decision would change how the crime is recorded, so a registrar must sign it off.

    HOCR General Rules section B: re-classification is a decision for the force crime registrar's team; we ask
    for a second person (the registrar) whenever the decided class differs from what the records carry now.
    """
    implied = OUTCOMES[outcome].implied_class
    if implied is None:
        return False
    recorded = {c.strip().upper() for c in recorded_classes if c}
    if implied == "":
        return bool(recorded & COURSE_OF_CONDUCT_CLASSES)
    return implied not in recorded


def offence_code_for(outcome: str, s4a: Mapping[str, Any] | None) -> str | None:
    """Home Office offence code implied by a decision (West Midlands Police FOI: 195/12, 8/65, 8/66)."""
    if outcome == STALKING_S2A:
        return "195/12"
    if outcome == STALKING_S4A:
        s4a = s4a or {}
        if s4a.get("fear_of_violence"):
            return "8/65"
        if s4a.get("serious_alarm_distress"):
            return "8/66"
        return None
    return None


def outcome_choices() -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in OUTCOMES.values()]
