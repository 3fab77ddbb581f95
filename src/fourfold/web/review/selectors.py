"""Reads in the review area: the queue with its filters, one finding, related findings, exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from fourfold.web.review import permissions
from fourfold.web.review.highlight import Segment, highlight
from fourfold.web.review.models import Decision, Finding, FindingRecord, FindingRiskFlag, Person

RELATIONSHIPS = (
    "current_partner",
    "ex_partner",
    "family",
    "acquaintance",
    "colleague",
    "neighbour",
    "stranger",
    "online_only",
    "unknown",
)
CLASSIFICATIONS = ("stalking", "harassment", "none")
# Priority bands shown in the queue filter (priority is 0..1, design.md §4.3).
PRIORITY_BANDS: dict[str, tuple[float, float]] = {
    "high": (0.7, 1.01),
    "medium": (0.4, 0.7),
    "low": (0.0, 0.4),
}
SORTS: dict[str, str] = {
    "priority": "priority",
    "last_date": "last_date",
    "first_date": "first_date",
    "occasions": "occasions",
    "four": "four_present",
    "records": "record_count",
}


@dataclass
class QueueFilters:
    classification: list[str] = field(default_factory=list)
    misrecorded: bool | None = None
    priority: list[str] = field(default_factory=list)
    risk_flags: list[str] = field(default_factory=list)
    relationship: list[str] = field(default_factory=list)
    decision_status: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    include_retired: bool = False
    suspect_id: str = ""
    victim_id: str = ""
    sort: str = "priority"
    descending: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in self.__dict__.items()
            if v not in (None, [], "")
        }


def findings_for_review(*, user: Any, filters: QueueFilters) -> QuerySet[Finding]:
    """The queue: findings the user may see, filtered and sorted; highest priority first by default."""
    if not permissions.can_view_findings(user):
        return Finding.objects.none()
    qs = Finding.objects.all()
    if not filters.include_retired:
        qs = qs.filter(current=True)
    if filters.classification:
        qs = qs.filter(classification__in=filters.classification)
    if filters.misrecorded is not None:
        qs = qs.filter(misrecorded=filters.misrecorded)
    if filters.priority:
        band = Q()
        for name in filters.priority:
            low, high = PRIORITY_BANDS[name]
            band |= Q(priority__gte=low, priority__lt=high)
        qs = qs.filter(band)
    if filters.risk_flags:
        qs = qs.filter(
            Exists(FindingRiskFlag.objects.filter(finding=OuterRef("pk"), flag__in=filters.risk_flags))
        )
    if filters.relationship:
        qs = qs.filter(relationship__in=filters.relationship)
    if filters.decision_status:
        qs = qs.filter(decision_status__in=filters.decision_status)
    # A course of conduct overlaps the period when it starts before its end and ends after its start.
    if filters.date_from:
        qs = qs.filter(last_date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(first_date__lte=filters.date_to)
    if filters.suspect_id:
        qs = qs.filter(suspect__person_id=filters.suspect_id)
    if filters.victim_id:
        qs = qs.filter(victim__person_id=filters.victim_id)
    column = SORTS.get(filters.sort, "priority")
    order = f"-{column}" if filters.descending else column
    return (
        qs.select_related("victim", "suspect")
        .order_by(order, "-id" if filters.descending else "id")
        .only(
            "id",
            "finding_id",
            "victim__forename",
            "victim__surname",
            "victim__person_id",
            "suspect__forename",
            "suspect__surname",
            "suspect__person_id",
            "first_date",
            "last_date",
            "occasions",
            "record_count",
            "relationship",
            "classification",
            "offence",
            "recorded_classes",
            "misrecorded",
            "priority",
            "risk_flags",
            "four_present",
            "decision_status",
            "decision_outcome",
            "current",
            "version",
        )
    )


def queue_page(
    *, user: Any, filters: QueueFilters, page_number: Any, page_size: int
) -> tuple[Page, list[Finding]]:
    """One page of the queue. The page's ids come first from an index (cheap even deep in 100,000 findings);
    then only those rows are read with their people (a "deferred join")."""
    ordered = findings_for_review(user=user, filters=filters)
    page = Paginator(ordered.values_list("id", flat=True), page_size).get_page(page_number)
    ids = list(page.object_list)
    rows = {f.pk: f for f in ordered.model.objects.filter(pk__in=ids).select_related("victim", "suspect")}
    return page, [rows[i] for i in ids if i in rows]


def risk_flag_choices() -> list[str]:
    """Every risk flag present in the loaded findings (cached briefly: changes only on load)."""
    flags = cache.get("review:risk_flags")
    if flags is None:
        flags = list(FindingRiskFlag.objects.order_by("flag").values_list("flag", flat=True).distinct())
        cache.set("review:risk_flags", flags, 60)
    return flags


def get_finding(*, user: Any, finding_id: str) -> Finding | None:
    if not permissions.can_view_findings(user) or "\x00" in finding_id:
        return None
    return (
        Finding.objects.select_related("victim", "suspect", "run")
        .prefetch_related(
            Prefetch(
                "timeline", queryset=FindingRecord.objects.select_related("record").order_by("position")
            ),
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related("made_by", "signed_off_by").order_by(
                    "-made_at", "-id"
                ),
            ),
        )
        .filter(finding_id=finding_id)
        .first()
    )


@dataclass
class TimelineEntry:
    record_id: str
    reported_at: str
    occurred_at: str
    record_type: str
    recorded_class: str
    offence_code: str
    possible: bool
    possible_reason: str
    link_reason: str
    segments: list[Segment]
    unplaced: list[tuple[str, str]]
    behaviours: list[str]
    has_narrative: bool


def _evidence_by_record(finding: Finding) -> dict[str, list[tuple[str, Any]]]:
    """(label, evidence) pairs per record: behaviours, FOUR elements and s.4A limbs."""
    items: dict[str, list[tuple[str, Any]]] = {}
    if finding.spans:
        for span in finding.spans:
            kind, label = str(span.get("kind", "")), str(span.get("label", ""))
            if kind == "four":
                label = f"FOUR: {label}"
            elif kind == "context":  # "dispute", "not_targeted": why a course is harassment only, or none
                label = f"context: {label.replace('_', ' ')}"
            items.setdefault(str(span["record_id"]), []).append((label, span))
        return items
    for b in finding.behaviours or []:
        if isinstance(b, dict) and b.get("record_id"):
            items.setdefault(str(b["record_id"]), []).append((str(b.get("behaviour", "")), b.get("evidence")))
    for element, value in (finding.four or {}).items():
        if isinstance(value, dict):
            for ev in value.get("evidence") or []:
                if isinstance(ev, dict) and ev.get("record_id"):
                    items.setdefault(str(ev["record_id"]), []).append(
                        (f"FOUR: {element}", ev.get("evidence"))
                    )
    for ev in (finding.s4a or {}).get("evidence") or []:
        if isinstance(ev, dict) and ev.get("record_id"):
            label = str(ev.get("limb") or "s.4A")
            items.setdefault(str(ev["record_id"]), []).append((label, ev.get("evidence")))
    return items


def mask_contact_details(text: str, people: list[Person]) -> str:
    """Hide a person's address, postcode, phone and email where a narrative repeats them word for word."""
    for person in people:
        for name in Person.CONTACT_FIELDS:
            value = getattr(person, name)
            if value and len(value) >= 5 and value.lower() in text.lower():
                at = text.lower().find(value.lower())
                while at >= 0:
                    text = text[:at] + f"[{name} hidden]" + text[at + len(value) :]
                    at = text.lower().find(value.lower(), at + len(name) + 9)
    return text


def timeline(*, finding: Finding, show_contact_details: bool) -> list[TimelineEntry]:
    evidence = _evidence_by_record(finding)
    people = [p for p in (finding.victim, finding.suspect) if p is not None]
    entries = []
    for link in finding.timeline.all():
        record = link.record
        items = evidence.get(record.record_id, [])
        narrative = (
            record.narrative if show_contact_details else mask_contact_details(record.narrative, people)
        )
        segments, unplaced = highlight(narrative, items)
        entries.append(
            TimelineEntry(
                record_id=record.record_id,
                reported_at=record.reported_at,
                occurred_at=record.occurred_at,
                record_type=record.record_type,
                recorded_class=record.recorded_class,
                offence_code=record.offence_code,
                possible=link.possible,
                possible_reason=link.possible_reason,
                link_reason=link.link_reason,
                segments=segments,
                unplaced=unplaced,
                behaviours=sorted({label for label, _ in items if not label.startswith("FOUR")}),
                has_narrative=bool(record.narrative),
            )
        )
    return entries


def related_findings(*, user: Any, finding: Finding, limit: int = 20) -> dict[str, list[Finding]]:
    """Other findings with the same suspect (other victims) and with the same victim (other suspects)."""
    if not permissions.can_view_findings(user):
        return {"same_suspect": [], "same_victim": []}
    base = (
        Finding.objects.select_related("victim", "suspect").exclude(pk=finding.pk).order_by("-priority", "id")
    )
    same_suspect = list(base.filter(suspect_id=finding.suspect_id)[:limit]) if finding.suspect_id else []
    same_victim = list(base.filter(victim_id=finding.victim_id)[:limit])
    return {"same_suspect": same_suspect, "same_victim": same_victim}


def pending_sign_off(*, finding: Finding) -> list[Decision]:
    return [d for d in finding.decisions.all() if d.status == Decision.Status.PROPOSED]


def decisions_for_export(*, user: Any, include_pending: bool = False) -> QuerySet[Decision]:
    """Decisions to send back to the records system: recorded ones and signed-off recording changes."""
    if not permissions.can_export(user):
        return Decision.objects.none()
    statuses = [Decision.Status.FINAL, Decision.Status.APPROVED]
    if include_pending:
        statuses.append(Decision.Status.PROPOSED)
    return (
        Decision.objects.filter(status__in=statuses)
        .select_related("finding", "made_by", "signed_off_by", "finding__victim", "finding__suspect")
        .order_by("made_at", "id")
    )


def audit_entries(
    *,
    user: Any,
    username: str = "",
    action: str = "",
    object_id: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Any]:
    """The audit trail, newest first, for the auditor's search page."""
    from fourfold.web.audit.models import AuditEntry

    if not permissions.can_search_audit(user):
        return AuditEntry.objects.none()
    qs = AuditEntry.objects.all()
    if username:
        qs = qs.filter(username__iexact=username.strip())
    if action:
        qs = qs.filter(action__startswith=action.strip())
    if object_id:
        qs = qs.filter(object_id=object_id.strip())
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    return qs.order_by("-seq")
