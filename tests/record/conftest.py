import datetime as dt

import pytest

from fourfold.record.assess import BehaviourEvidence, CourseEvidence


def build_course(
    *acts: tuple[str, str],
    dates: list[str] | None = None,
    occasions: int | None = None,
    four: dict[str, list[tuple[str, str]]] | None = None,
    fear: int = 0,
    distress: bool = False,
    relationship: str | None = "acquaintance",
    recorded: list[str] | None = None,
    suspect_known: bool = True,
    dispute: list[tuple[str, str]] | None = None,
    not_targeted: list[tuple[str, str]] | None = None,
    wanted: list[tuple[str, str]] | None = None,
    harassment_only: list[tuple[str, str]] | None = None,
    lawful_purpose: list[tuple[str, str]] | None = None,
    distress_evidence: list[tuple[str, str]] | None = None,
) -> CourseEvidence:
    """A course from (behaviour, ISO date) pairs; record dates default to the distinct act dates."""
    days = sorted(
        {dt.date.fromisoformat(d) for _, d in acts} | {dt.date.fromisoformat(d) for d in dates or []}
    )
    behaviours = [
        BehaviourEvidence(b, f"R{i}", f"evidence of {b}", dt.date.fromisoformat(d))
        for i, (b, d) in enumerate(acts)
    ]
    return CourseEvidence(
        record_dates=days,
        occasions=len(days) if occasions is None else occasions,
        behaviours=behaviours,
        four=four or {},
        fear_of_violence_occasions=fear,
        serious_alarm_distress=distress,
        relationship=relationship,
        recorded_classes=recorded if recorded is not None else ["8L"] * len(days),
        suspect_known=suspect_known,
        dispute=dispute or [],
        not_targeted=not_targeted or [],
        wanted=wanted or [],
        harassment_only=harassment_only or [],
        lawful_purpose=lawful_purpose or [],
        distress_evidence=distress_evidence or [],
    )


@pytest.fixture
def course():
    return build_course
