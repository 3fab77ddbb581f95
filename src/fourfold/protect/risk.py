"""Risk flags and review priority for a course of conduct (contract C in helpers/contracts.md).

Flags follow the S-DASH (2009) screening questions (domain.md §5.2) that the evidence can answer, plus
breaches of orders (HMICFRS, §2.4), escalation over time, and a former partner (§5.3). They are prompts for
a person's judgement, never a risk grade (§5: "never compute a grade purely from counts").

priority() ranks the riskiest UNRECOGNISED cases first:
    score = classification weight x recognition weight x (BASE + (1 - BASE) x risk)
    risk  = 1 - product(1 - weight) over the flags raised (each flag closes part of the remaining gap)
Weights and why are in docs/law.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fourfold.law import sources as src
from fourfold.law.behaviours import BEHAVIOUR_IDS
from fourfold.law.sources import Source, Status
from fourfold.record.assess import (
    CourseEvidence,
    Recommendation,
    as_count,
    as_date,
    is_misrecorded,
    recorded_set,
    relationship_of,
)

ESCALATION_SOURCE = Source(
    "DASH (2009) risk model: escalation (abuse happening more often or getting worse); risk is dynamic",
    "domain.md §§5.3, 5.4",
    "https://studylib.net/doc/18565544/-dash--2009--risk-identification-and-assessment-and-manag...",
    Status.UNVERIFIED,
)


@dataclass(frozen=True)
class RiskFlag:
    id: str
    label: str
    s_dash: tuple[int, ...]  # S-DASH question numbers the flag answers (domain.md §5.2)
    weight: float  # share of the remaining risk gap this flag closes in priority()
    why_weight: str
    source: Source


RISK_FLAGS: tuple[RiskFlag, ...] = (
    RiskFlag(
        "violence",
        "Violence towards people in the current incidents",
        (8,),
        0.45,
        "Violence already used is the strongest sign of serious harm.",
        src.SDASH,
    ),
    RiskFlag(
        "threats_of_violence",
        "Threats of physical or sexual violence",
        (6,),
        0.35,
        "Threats often precede violence in stalking.",
        src.SDASH,
    ),
    RiskFlag(
        "breach_of_orders",
        "Breach of a court order",
        (),
        0.35,
        "A breach shows that a legal restraint did not stop the suspect.",
        src.BREACHES_HMICFRS,
    ),
    RiskFlag(
        "escalation",
        "Escalation: more serious or more frequent over time",
        (),
        0.30,
        "Risk is dynamic; a worsening pattern calls for a quicker review.",
        ESCALATION_SOURCE,
    ),
    RiskFlag(
        "loitering_home_work",
        "Loitering or turning up at the victim's home or work",
        (4, 5),
        0.25,
        "Physical proximity at places the victim cannot avoid.",
        src.SDASH,
    ),
    RiskFlag(
        "previous_stalking_of_others",
        "Suspect has stalked or harassed others",
        (2,),
        0.25,
        "A repeat stalker; other victims may also need protecting.",
        src.SDASH,
    ),
    RiskFlag(
        "victim_very_frightened",
        "Victim very frightened (fear of violence or serious alarm or distress)",
        (1,),
        0.20,
        "The victim's own fear is the first S-DASH question.",
        src.SDASH,
    ),
    RiskFlag(
        "property_damage",
        "Property damaged or interfered with",
        (3,),
        0.20,
        "Damage to property is an S-DASH risk question.",
        src.SDASH,
    ),
    RiskFlag(
        "ex_partner",
        "Suspect is a former partner",
        (),
        0.20,
        "Post-separation stalking is often graded too low.",
        src.POST_SEPARATION,
    ),
    RiskFlag(
        "third_parties_harassed",
        "Third parties harassed (family, friends, colleagues)",
        (7,),
        0.15,
        "The harm reaches beyond the victim.",
        src.SDASH,
    ),
)
RISK_FLAG_IDS: tuple[str, ...] = tuple(f.id for f in RISK_FLAGS)
_BY_ID = {f.id: f for f in RISK_FLAGS}

# Severity tier of each behaviour, for escalation only (Fourfold's ordering, docs/law.md): remote contact,
# online intrusion, physical presence or surveillance, threats or breach, violence.
SEVERITY_TIER: dict[str, int] = {
    "contacting": 1,
    "gifts": 1,
    "third_party_contact": 1,
    "publishing_material": 2,
    "monitoring_online": 2,
    "fake_accounts": 2,
    "following": 3,
    "loitering": 3,
    "watching_spying": 3,
    "turning_up_home": 3,
    "turning_up_work": 3,
    "tracking_device": 3,
    "interfering_property": 3,
    "threats": 4,
    "breach_of_order": 4,
    "violence": 5,
}
assert set(SEVERITY_TIER) == set(BEHAVIOUR_IDS), "every behaviour id needs a severity tier"
PHYSICAL_TIER = 3  # escalation by severity counts only when the course reaches physical presence or worse
FREQUENCY_RATIO = 0.5  # later gaps at most half the earlier gaps = more frequent
MIN_DATES_FOR_FREQUENCY = 4  # at least three gaps between records

# priority() weights (docs/law.md).
CLASSIFICATION_WEIGHT: dict[str, float] = {"stalking": 1.0, "harassment": 0.6, "none": 0.15}
MISRECORDED_WEIGHT = 1.0
RECOGNISED_WEIGHT = 0.35
BASE = 0.4


@dataclass(frozen=True)
class RiskInput:
    evidence: CourseEvidence
    recommendation: Recommendation
    suspect_other_victims: int  # other courses with the same suspect
    breaches: int  # records with breach_of_order


def flag(flag_id: str) -> RiskFlag:
    found = _BY_ID.get(flag_id)
    if found is None:
        raise KeyError(f"unknown risk flag {flag_id!r}")
    return found


def escalation(ev: CourseEvidence) -> str | None:
    """Why the course is escalating, or None: a more severe kind of behaviour appears later (reaching
    physical presence or worse), or records come at least twice as often later as earlier."""
    tiers: dict[dt.date, int] = {}
    for b in ev.behaviours:
        on = as_date(b.on)
        tiers[on] = max(tiers.get(on, 0), SEVERITY_TIER.get(b.behaviour, 0))
    highest = 0
    for day in sorted(tiers):
        if highest and tiers[day] > highest and tiers[day] >= PHYSICAL_TIER:
            worst = [
                b.behaviour for b in ev.behaviours if b.on == day and SEVERITY_TIER[b.behaviour] == tiers[day]
            ]
            return f"more serious behaviour from {day.isoformat()} ({worst[0].replace('_', ' ')})"
        highest = max(highest, tiers[day])
    days = sorted({as_date(d) for d in ev.record_dates})
    if len(days) >= MIN_DATES_FOR_FREQUENCY:
        gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
        half = len(gaps) // 2
        earlier = sum(gaps[:half]) / half
        later = sum(gaps[half:]) / (len(gaps) - half)
        if earlier > 0 and later <= FREQUENCY_RATIO * earlier:
            return f"reports more frequent (every {later:.0f} days on average, earlier every {earlier:.0f})"
    return None


def risk_flags(ri: RiskInput) -> list[str]:
    """S-DASH-aligned flag ids raised by the evidence, in RISK_FLAGS order."""
    ev = ri.evidence
    breaches = as_count("breaches", ri.breaches)
    other_victims = as_count("suspect_other_victims", ri.suspect_other_victims)
    seen = {b.behaviour for b in ev.behaviours}
    raised = {
        "violence": "violence" in seen,  # S-DASH Q8
        "threats_of_violence": "threats" in seen,  # S-DASH Q6
        "breach_of_orders": breaches > 0 or "breach_of_order" in seen,  # HMICFRS 2019
        "escalation": escalation(ev) is not None,
        "loitering_home_work": bool(seen & {"loitering", "turning_up_home", "turning_up_work"}),  # Q4, Q5
        "previous_stalking_of_others": other_victims > 0,  # S-DASH Q2
        "victim_very_frightened": as_count("fear_of_violence_occasions", ev.fear_of_violence_occasions) > 0
        or ev.serious_alarm_distress,  # Q1
        "property_damage": "interfering_property" in seen,  # S-DASH Q3
        "ex_partner": relationship_of(ev.relationship) == "ex_partner",  # DARA pilot evaluation
        "third_parties_harassed": "third_party_contact" in seen,  # S-DASH Q7
    }
    return [f for f in RISK_FLAG_IDS if raised[f]]


def priority(ri: RiskInput, flags: list[str]) -> tuple[float, list[str]]:
    """Review priority in [0, 1] and its reasons: unrecognised (misrecorded) stalking with serious risk
    flags first; correctly recorded courses and "none" last."""
    rec = ri.recommendation
    if rec.classification not in CLASSIFICATION_WEIGHT:
        raise ValueError(f"unknown classification {rec.classification!r}")
    reasons: list[str] = []
    misrecorded = is_misrecorded(rec, ri.evidence.recorded_classes)
    recorded = ", ".join(sorted(recorded_set(ri.evidence.recorded_classes))) or "no crime class"
    if misrecorded:
        recognition = MISRECORDED_WEIGHT
        reasons.append(
            f"Unrecognised: recommended {rec.classification} ({rec.hocr_class}) but recorded as {recorded}."
        )
    else:
        recognition = RECOGNISED_WEIGHT
        if rec.classification == "none":
            reasons.append("No course of conduct found: low priority.")
        else:
            reasons.append(f"Already recorded as {recorded}: lower priority than unrecognised cases.")
    class_weight = CLASSIFICATION_WEIGHT[rec.classification]
    if rec.classification != "none":
        reasons.append(f"Recommended {rec.classification} ({rec.offence}).")
    risk = 0.0
    for f in flags:
        rf = flag(f)
        risk = 1 - (1 - risk) * (1 - rf.weight)
        detail = ""
        if f == "escalation":
            detail = f": {escalation(ri.evidence)}"
        elif f == "previous_stalking_of_others":
            detail = (
                f": {ri.suspect_other_victims} other victim{'s' if ri.suspect_other_victims != 1 else ''}"
            )
        elif f == "breach_of_orders" and ri.breaches:
            detail = f": {ri.breaches} record{'s' if ri.breaches != 1 else ''}"
        reasons.append(f"{rf.label}{detail}.")
    score = class_weight * recognition * (BASE + (1 - BASE) * risk)
    return round(min(1.0, max(0.0, score)), 4), reasons
