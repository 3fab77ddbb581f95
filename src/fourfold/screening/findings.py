"""Evidence per course of conduct, and the finding (design.md §4.3) built from contract C's assessment.

`course_facts` is pure: it folds the per-record narrative evidence of one course into the facts the law needs
(occasions, behaviours, FOUR, the two s.4A limbs, relationship, recorded classes). `build_finding` then calls
`assess_course`, `is_misrecorded`, `risk_flags` and `priority` and lays the result out as one
findings.jsonl line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fourfold.screening.analysis import FOUR_ELEMENTS


@dataclass(frozen=True)
class RecordFacts:
    """One record of a course, with its compact narrative evidence (see analysis.compact_evidence)."""

    record_id: str
    date: dt.date
    recorded_class: str | None
    relationship: str | None  # the structured field
    evidence: dict[str, Any]
    # (kind, value) identifiers of the suspect: from the record's own suspect fields and from its narrative.
    identifiers: frozenset[tuple[str, str]] = frozenset()
    # The record's own suspect phone, e-mail and handle, normalised only when needed (unknown suspects).
    suspect_fields: tuple[str | None, str | None, str | None] = (None, None, None)

    def linking_identifiers(self) -> frozenset[tuple[str, str]]:
        if self.identifiers:
            return self.identifiers
        return suspect_identifiers(self.evidence.get("identifiers", []), *self.suspect_fields)


@dataclass
class CourseFacts:
    record_dates: list[dt.date]
    occasions: int
    behaviours: list[tuple[str, str, str, dt.date, int, int]]  # behaviour, record_id, text, date, start, end
    four: dict[str, list[tuple[str, str]]]
    fear_of_violence_occasions: int
    fear_evidence: list[tuple[str, str]]
    serious_alarm_distress: bool
    sad_evidence: list[tuple[str, str]]
    relationship: str | None
    recorded_classes: list[str]
    breaches: int
    spans: list[dict[str, Any]] = field(default_factory=list)
    dispute: list[tuple[str, str]] = field(default_factory=list)  # (record_id, text): a dispute context
    not_targeted: list[tuple[str, str]] = field(default_factory=list)  # (record_id, "not directed at IP")
    wanted: list[tuple[str, str]] = field(default_factory=list)  # (record_id, "message each other")
    harassment_only: list[tuple[str, str]] = field(default_factory=list)  # a recorded decision
    lawful_purpose: list[tuple[str, str]] = field(default_factory=list)  # "process server": s.1(3)


def _choose_relationship(records: list[RecordFacts]) -> str | None:
    """The structured relationship field wins; the narrative cue is the fallback (design.md §4.2)."""
    structured = Counter(r.relationship for r in records if r.relationship and r.relationship != "unknown")
    if structured:
        best = max(structured.values())
        # Ties go to the most recent record's value.
        for record in reversed(records):
            if record.relationship and structured.get(record.relationship) == best:
                return record.relationship
    cues = Counter(r.evidence.get("relationship") for r in records if r.evidence.get("relationship"))
    cues.pop("unknown", None)
    if cues:
        return cues.most_common(1)[0][0]
    if any(r.relationship == "unknown" for r in records):
        return "unknown"
    return None


def course_facts(records: list[RecordFacts]) -> CourseFacts:
    """Fold one course's records (chronological) into the evidence the assessment needs."""
    records = sorted(records, key=lambda r: (r.date, r.record_id))
    behaviours: list[tuple[str, str, str, dt.date, int, int]] = []
    seen_hits: set[tuple[str, str, int, int]] = set()
    four: dict[str, list[tuple[str, str]]] = {element: [] for element in FOUR_ELEMENTS}
    fear_evidence: list[tuple[str, str]] = []
    sad_evidence: list[tuple[str, str]] = []
    dispute: list[tuple[str, str]] = []
    not_targeted: list[tuple[str, str]] = []
    wanted: list[tuple[str, str]] = []
    harassment_only: list[tuple[str, str]] = []
    lawful_purpose: list[tuple[str, str]] = []
    spans: list[dict[str, Any]] = []
    occasions = 0
    fear_occasions = 0
    breach_records = 0
    for record in records:
        ev = record.evidence
        # A course of conduct is conduct on at least two occasions (PHA 1997 s.7(3)); each record is at least
        # one occasion, and explicit repetition of conduct stated inside its narrative ("daily for 3 weeks")
        # adds more (screening.occasions decides what is explicit; older evidence has only "occasions").
        occasions += max(1, int(ev.get("stated_occasions", ev.get("occasions")) or 0))
        breached = False
        for behaviour, start, end, text in ev.get("behaviours", []):
            key = (behaviour, record.record_id, start, end)
            if key in seen_hits:
                continue
            seen_hits.add(key)
            behaviours.append((behaviour, record.record_id, text, record.date, start, end))
            spans.append(
                {
                    "record_id": record.record_id,
                    "kind": "behaviour",
                    "label": behaviour,
                    "start": start,
                    "end": end,
                    "text": text,
                }
            )
            breached = breached or behaviour == "breach_of_order"
        breach_records += int(breached)
        for element in FOUR_ELEMENTS:
            for start, end, text in ev.get("four", {}).get(element, []):
                four[element].append((record.record_id, text))
                spans.append(
                    {
                        "record_id": record.record_id,
                        "kind": "four",
                        "label": element,
                        "start": start,
                        "end": end,
                        "text": text,
                    }
                )
        fear = ev.get("fear", [])
        # s.4A(1)(b)(i): fear, on at least two occasions, that violence will be used.
        fear_occasions += max(int(ev.get("fear_occasions") or 0), 1 if fear else 0)
        for start, end, text in fear:
            fear_evidence.append((record.record_id, text))
            spans.append(
                {
                    "record_id": record.record_id,
                    "kind": "s4a",
                    "label": "fear_of_violence",
                    "start": start,
                    "end": end,
                    "text": text,
                }
            )
        for start, end, text in ev.get("sad", []):
            sad_evidence.append((record.record_id, text))
            spans.append(
                {
                    "record_id": record.record_id,
                    "kind": "s4a",
                    "label": "serious_alarm_distress",
                    "start": start,
                    "end": end,
                    "text": text,
                }
            )
        for label, found in (
            ("dispute", dispute),
            ("not_targeted", not_targeted),
            ("wanted", wanted),
            ("harassment_only", harassment_only),
            ("lawful_purpose", lawful_purpose),
        ):
            for start, end, text in ev.get(label, []):
                found.append((record.record_id, text))
                spans.append(
                    {
                        "record_id": record.record_id,
                        "kind": "context",
                        "label": label,
                        "start": start,
                        "end": end,
                        "text": text,
                    }
                )
        for start, end, text in ev.get("repetition", []):
            spans.append(
                {
                    "record_id": record.record_id,
                    "kind": "repetition",
                    "label": "repetition",
                    "start": start,
                    "end": end,
                    "text": text,
                }
            )
    return CourseFacts(
        record_dates=[r.date for r in records],
        occasions=occasions,
        behaviours=behaviours,
        four=four,
        fear_of_violence_occasions=fear_occasions,
        fear_evidence=fear_evidence,
        serious_alarm_distress=bool(sad_evidence),
        sad_evidence=sad_evidence,
        relationship=_choose_relationship(records),
        recorded_classes=[r.recorded_class or "" for r in records],
        breaches=breach_records,
        spans=spans,
        dispute=dispute,
        not_targeted=not_targeted,
        wanted=wanted,
        harassment_only=harassment_only,
        lawful_purpose=lawful_purpose,
    )


# Identifier kinds that point at one person (or their vehicle); names are left out because a narrative also
# names the victim and bystanders.
LINKING_KINDS = frozenset({"phone", "email", "handle", "vrm"})


def suspect_identifiers(
    narrative_identifiers: list[list[str]], phone: str | None, email: str | None, handle: str | None
) -> frozenset[tuple[str, str]]:
    """The linking identifiers of one record, normalised the way course assembly matches them (contract B)."""
    from fourfold.people.conduct import normalise_identifier

    found: set[tuple[str, str]] = set()
    pairs: list[tuple[str, str | None]] = [(str(k), v) for k, v in narrative_identifiers]
    pairs += [("phone", phone), ("email", email), ("handle", handle)]
    for kind, value in pairs:
        if kind in LINKING_KINDS and value:
            norm = normalise_identifier(kind, value)
            if norm:
                found.add((kind, norm))
    return frozenset(found)


def linked_records(records: list[RecordFacts]) -> list[RecordFacts]:
    """The records of an unknown-suspect course that can be shown to be one person's conduct.

    A course of conduct is conduct by the same person on at least two occasions (PHA 1997 s.7(3)). When the
    suspect is unknown, two records are taken to be the same person's conduct only when they share an
    identifier (phone, e-mail, handle or vehicle); the largest group so linked is assessed. Without any link,
    the single record with the most evidence is assessed on its own (its stated repetition still counts).
    """
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, record in enumerate(records):
        for ident in record.linking_identifiers():
            if ident in owner:
                parent[find(i)] = find(owner[ident])
            else:
                owner[ident] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)

    def weight(r: RecordFacts) -> tuple[int, int, int]:
        ev = r.evidence
        stated = ev.get("stated_occasions", ev.get("occasions"))
        return (len(ev.get("behaviours", [])), int(stated or 0), len(ev.get("fear", [])))

    best = max(
        groups.values(),
        key=lambda g: (len(g), sum(sum(weight(records[i])) for i in g), -min(g)),
    )
    if len(best) == 1:
        best = [max(range(len(records)), key=lambda i: (weight(records[i]), -i))]
    return [records[i] for i in sorted(best)]


def finding_id(victim_id: str, suspect_id: str | None, record_ids: list[str]) -> str:
    """Stable across re-runs: the pair when the suspect is known, else the victim and the first record."""
    key = f"{victim_id}|{suspect_id}" if suspect_id else f"{victim_id}|-|{record_ids[0]}"
    return "F-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def course_evidence(facts: CourseFacts, suspect_known: bool) -> Any:
    """Contract C's CourseEvidence for these facts."""
    from fourfold.record.assess import BehaviourEvidence, CourseEvidence

    return CourseEvidence(
        record_dates=facts.record_dates,
        occasions=facts.occasions,
        behaviours=[
            BehaviourEvidence(behaviour=b, record_id=rid, evidence=text, on=on)
            for b, rid, text, on, _s, _e in facts.behaviours
        ],
        four={k: list(v) for k, v in facts.four.items()},
        fear_of_violence_occasions=facts.fear_of_violence_occasions,
        serious_alarm_distress=facts.serious_alarm_distress,
        relationship=facts.relationship,
        recorded_classes=facts.recorded_classes,
        suspect_known=suspect_known,
        dispute=list(facts.dispute),
        not_targeted=list(facts.not_targeted),
        wanted=list(facts.wanted),
        harassment_only=list(facts.harassment_only),
        lawful_purpose=list(facts.lawful_purpose),
        distress_evidence=list(facts.sad_evidence),
    )


def _recommendation_dict(rec: Any) -> dict[str, Any]:
    data = dict(rec.to_dict()) if hasattr(rec, "to_dict") else {}
    for key in ("classification", "offence", "hocr_class", "ho_offence_code", "regime", "rationale"):
        data.setdefault(key, getattr(rec, key, None))
    return data


def build_finding(
    course: Any,
    records: list[RecordFacts],
    suspect_other_victims: int,
) -> dict[str, Any]:
    """One findings.jsonl object (design.md §4.3) for one course of conduct."""
    from fourfold.protect.risk import RiskInput, priority, risk_flags
    from fourfold.record.assess import assess_course, is_misrecorded, substantial_effect

    suspect_id = course.suspect_id
    facts = course_facts(records)
    assessed = records
    if suspect_id is None and len(records) > 1:
        assessed = linked_records(records)
    assessed_facts = facts if assessed is records else course_facts(assessed)
    evidence = course_evidence(assessed_facts, suspect_known=suspect_id is not None)
    rec = assess_course(evidence)
    risk_input = RiskInput(
        evidence=evidence,
        recommendation=rec,
        suspect_other_victims=suspect_other_victims,
        breaches=assessed_facts.breaches,
    )
    flags = list(risk_flags(risk_input))
    score, reasons = priority(risk_input, flags)
    recommendation = _recommendation_dict(rec)
    presumed = [
        x["record_id"] for x in (getattr(course, "linked_via", None) or []) if x.get("kind") == "presumed"
    ]
    if presumed:
        recommendation["rationale"] = (
            f"{len(presumed)} record(s) that name no suspect ({', '.join(presumed)}) are assessed with "
            "this course: they describe acts aimed at the same victim in the same period, when this suspect "
            "was the only one the victim had named, so they are presumed to be this suspect's conduct. "
            "Confirm the link before recording. " + str(recommendation.get("rationale") or "")
        )
    if assessed is not records:
        recommendation["rationale"] = (
            f"The suspect is unknown, so only records shown to be one person's conduct are assessed together "
            f"(PHA 1997 s.7(3)): {len(assessed)} of {len(records)} record(s)"
            + (", linked by a shared phone, e-mail, handle or vehicle. " if len(assessed) > 1 else ". ")
            + str(recommendation.get("rationale") or "")
        )
    ordered = sorted(records, key=lambda r: (r.date, r.record_id))
    record_ids = [r.record_id for r in ordered]
    repeated = facts.four["repeated"]
    four: dict[str, dict[str, Any]] = {
        element: {
            # FOUR "repeated": stated in a narrative, or shown by the records themselves.
            "present": bool(facts.four[element]) or (element == "repeated" and assessed_facts.occasions >= 2),
            "evidence": [{"record_id": rid, "evidence": text} for rid, text in facts.four[element]],
        }
        for element in FOUR_ELEMENTS
    }
    if not repeated and assessed_facts.occasions >= 2:
        four["repeated"]["evidence"].append(
            {
                "record_id": None,
                "evidence": f"{assessed_facts.occasions} occasions across {len(assessed)} record(s)",
            }
        )
    return {
        "finding_id": finding_id(course.victim_id, suspect_id, record_ids),
        "victim_id": course.victim_id,
        "suspect_id": suspect_id,
        "record_ids": record_ids,
        "possible_record_ids": [dict(p) for p in (course.possible_record_ids or [])],
        "first_date": ordered[0].date.isoformat(),
        "last_date": ordered[-1].date.isoformat(),
        "occasions": assessed_facts.occasions,
        "behaviours": [
            {"behaviour": b, "record_id": rid, "evidence": text}
            for b, rid, text, _on, _s, _e in facts.behaviours
        ],
        "four": four,
        "s4a": {
            # PHA 1997 s.4A(1)(b): (i) fear of violence on at least two occasions, or (ii) serious alarm or
            # distress with a substantial adverse effect on usual day-to-day activities.
            "fear_of_violence": assessed_facts.fear_of_violence_occasions >= 2,
            "serious_alarm_distress": assessed_facts.serious_alarm_distress and substantial_effect(evidence),
            "evidence": [
                {"record_id": rid, "evidence": text, "limb": "fear_of_violence"}
                for rid, text in facts.fear_evidence
            ]
            + [
                {"record_id": rid, "evidence": text, "limb": "serious_alarm_distress"}
                for rid, text in facts.sad_evidence
            ],
        },
        "relationship": facts.relationship,
        "recorded_classes": facts.recorded_classes,
        "recommendation": recommendation,
        "misrecorded": bool(is_misrecorded(rec, facts.recorded_classes)),
        "risk_flags": flags,
        "priority": round(float(score), 4),
        "priority_reasons": list(reasons),
        # Extra keys (allowed by design.md §4.3) for the web page and the report.
        "timeline": [
            {"record_id": r.record_id, "date": r.date.isoformat(), "recorded_class": r.recorded_class}
            for r in ordered
        ],
        "evidence_spans": facts.spans,
        "assessed_record_ids": [r.record_id for r in sorted(assessed, key=lambda r: (r.date, r.record_id))],
        "linked_via": [dict(x) for x in (getattr(course, "linked_via", None) or [])],
    }
