"""Writes in the review area: decisions, registrar sign-off, views recorded in the audit trail.

Every write checks the finding's `version` (optimistic concurrency): when two reviewers act on one finding
at once, the second gets `DecisionConflict` and nothing of either is lost.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from fourfold.web.review import permissions
from fourfold.web.review.models import Decision, DecisionStatus, Finding
from fourfold.web.review.outcomes import (
    NEEDS_MORE_INFORMATION,
    OUTCOMES,
    REFER_SPO,
    is_recording_change,
    offence_code_for,
)


class ReviewError(Exception):
    """A review action that cannot go ahead; the message is shown to the user as it is."""


class NotAllowed(ReviewError):
    pass


class InvalidDecision(ReviewError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class DecisionConflict(ReviewError):
    """Someone else changed the finding after this user loaded it."""

    def __init__(self, finding: Finding, latest: Decision | None) -> None:
        self.finding = finding
        self.latest = latest
        if latest is not None:
            who = getattr(latest.made_by, "get_username", lambda: "another reviewer")()
            when = timezone.localtime(latest.made_at).strftime("%d %b %Y %H:%M")
            if latest.signed_off_by_id and latest.signed_off_at:
                who = latest.signed_off_by.get_username()
                when = timezone.localtime(latest.signed_off_at).strftime("%d %b %Y %H:%M")
                what = f"{latest.get_status_display().lower()} '{latest.get_outcome_display()}'"
            else:
                what = f"recorded '{latest.get_outcome_display()}'"
            message = (
                f"{who} {what} on this finding at {when}, after you opened it. Your decision has not been "
                "saved. Your answers are kept below: check the finding's new state, then submit again if you "
                "still agree."
            )
        else:
            message = (
                "This finding changed after you opened it (a newer screening run was loaded). Your decision "
                "has not been saved. Your answers are kept below: check the finding, then submit again."
            )
        super().__init__(message)


def _audit(**kwargs: Any) -> None:
    from fourfold.web.audit.services import record_audit

    record_audit(**kwargs)


def record_finding_view(*, finding: Finding, user: Any, request: Any = None, via: str = "web") -> None:
    """Every view of a finding goes to the audit trail (design.md §5)."""
    _audit(
        user=user,
        action="finding.view",
        object_type="finding",
        object_id=finding.finding_id,
        request=request,
        extra={"via": via, "version": finding.version},
    )


def _latest_decision(finding: Finding) -> Decision | None:
    return (
        Decision.objects.filter(finding=finding)
        .select_related("made_by", "signed_off_by")
        .order_by("-made_at", "-id")
        .first()
    )


def validate_decision(*, outcome: str, rationale: str, why_not_stalking: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = "Select a decision"
        return errors
    if not rationale.strip():
        errors["rationale"] = "Explain your decision: every decision must give its reasons"
    # CPS/NPCC stalking protocol (2018): say why a harassment case is not stalking.
    if OUTCOMES[outcome].requires_why_not_stalking and not why_not_stalking.strip():
        errors["why_not_stalking"] = "Say why this is not stalking (the stalking protocol requires it)"
    return errors


def decide_finding(
    *,
    finding: Finding,
    user: Any,
    outcome: str,
    rationale: str,
    why_not_stalking: str = "",
    expected_version: int,
    request: Any = None,
) -> Decision:
    """Record a reviewer's decision. Recording changes wait for a registrar's sign-off (a second person)."""
    if outcome not in permissions.allowed_outcomes(user):
        raise NotAllowed("Your role cannot record that decision")
    errors = validate_decision(outcome=outcome, rationale=rationale, why_not_stalking=why_not_stalking)
    if errors:
        raise InvalidDecision(errors)
    recording_change = is_recording_change(outcome, finding.recorded_classes)
    status = Decision.Status.PROPOSED if recording_change else Decision.Status.FINAL
    if recording_change:
        finding_status = DecisionStatus.AWAITING_SIGN_OFF
    elif outcome == NEEDS_MORE_INFORMATION:
        finding_status = DecisionStatus.MORE_INFORMATION
    else:
        finding_status = DecisionStatus.DECIDED
    try:
        decision = _record_decision(
            finding=finding,
            user=user,
            outcome=outcome,
            rationale=rationale,
            why_not_stalking=why_not_stalking,
            expected_version=expected_version,
            request=request,
            recording_change=recording_change,
            status=status,
            finding_status=finding_status,
        )
    except _Stale:
        raise DecisionConflict(finding, _latest_decision(finding)) from None
    finding.refresh_from_db()
    return decision


class _Stale(Exception):
    """The finding's version moved on; raised inside the transaction so it rolls back."""


def _record_decision(
    *,
    finding: Finding,
    user: Any,
    outcome: str,
    rationale: str,
    why_not_stalking: str,
    expected_version: int,
    request: Any,
    recording_change: bool,
    status: str,
    finding_status: str,
) -> Decision:
    spec = OUTCOMES[outcome]
    with transaction.atomic():
        # The conditional UPDATE is the concurrency check: no row matches if anyone changed the finding since
        # this user loaded it, on SQLite and PostgreSQL alike.
        claimed = Finding.objects.filter(pk=finding.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if claimed != 1:
            raise _Stale
        current_status = Finding.objects.values_list("decision_status", flat=True).get(pk=finding.pk)
        # An SPO referral sits beside the recording decision: it neither replaces nor supersedes it.
        if outcome != REFER_SPO or current_status in (
            DecisionStatus.UNDECIDED,
            DecisionStatus.MORE_INFORMATION,
        ):
            Finding.objects.filter(pk=finding.pk).update(
                decision_status=finding_status, decision_outcome=outcome
            )
            Decision.objects.filter(finding=finding, status=Decision.Status.PROPOSED).update(
                status=Decision.Status.SUPERSEDED
            )
        decision = Decision.objects.create(
            finding=finding,
            outcome=outcome,
            rationale=rationale.strip(),
            why_not_stalking=why_not_stalking.strip(),
            recording_change=recording_change,
            hocr_class=spec.implied_class or "",
            offence=spec.offence or "",
            ho_offence_code=offence_code_for(outcome, finding.s4a) or "",
            status=status,
            made_by=user,
            finding_version=expected_version,
        )
        _audit(
            user=user,
            action="decision.propose" if recording_change else "decision.record",
            object_type="finding",
            object_id=finding.finding_id,
            reason=rationale.strip(),
            request=request,
            extra={
                "decision_id": decision.pk,
                "outcome": outcome,
                "why_not_stalking": decision.why_not_stalking,
                "recording_change": recording_change,
                "finding_version": expected_version,
            },
        )
    return decision


def sign_off_decision(
    *,
    decision: Decision,
    user: Any,
    approve: bool,
    note: str = "",
    expected_version: int,
    request: Any = None,
) -> Decision:
    """A registrar approves or refuses a proposed recording change; never the person who proposed it."""
    if not permissions.can_sign_off(user):
        raise NotAllowed("Only a registrar can sign off a recording change")
    if decision.made_by_id == user.pk:
        raise NotAllowed("You proposed this decision: a second person (another registrar) must sign it off")
    if not approve and not note.strip():
        raise InvalidDecision({"note": "Say why you are refusing this recording change"})
    finding = decision.finding
    with transaction.atomic():
        claimed = Finding.objects.filter(pk=finding.pk, version=expected_version).update(
            version=F("version") + 1,
            decision_status=DecisionStatus.DECIDED if approve else DecisionStatus.UNDECIDED,
            decision_outcome=decision.outcome if approve else "",
        )
        signed = 0
        if claimed == 1:
            signed = Decision.objects.filter(pk=decision.pk, status=Decision.Status.PROPOSED).update(
                status=Decision.Status.APPROVED if approve else Decision.Status.REJECTED,
                signed_off_by=user,
                signed_off_at=timezone.now(),
                sign_off_note=note.strip(),
            )
        conflict = claimed != 1 or signed != 1
        if conflict:
            transaction.set_rollback(True)
        else:
            _audit(
                user=user,
                action="decision.sign_off" if approve else "decision.refuse",
                object_type="finding",
                object_id=finding.finding_id,
                reason=note.strip(),
                request=request,
                extra={
                    "decision_id": decision.pk,
                    "outcome": decision.outcome,
                    "proposed_by": decision.made_by_id,
                },
            )
    if conflict:
        raise DecisionConflict(finding, _latest_decision(finding))
    decision.refresh_from_db()
    return decision


def record_export(
    *, user: Any, count: int, request: Any = None, filters: dict[str, Any] | None = None
) -> None:
    _audit(
        user=user,
        action="decision.export",
        object_type="decision",
        object_id="",
        reason=f"{count} decisions exported as CSV",
        request=request,
        extra={"filters": filters or {}},
    )
