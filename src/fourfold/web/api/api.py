"""The review area as a JSON API (django-ninja, OpenAPI at /api/openapi.json). Same selectors, services and
permissions as the web pages; session sign-in (anonymous calls get 401 from the sign-in middleware,
fourfold.web.front.security); CSRF-checked writes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import SessionAuth
from pydantic import Field

from fourfold.web.api import schemas
from fourfold.web.front.security import API_NAMESPACE
from fourfold.web.review import permissions, selectors, services
from fourfold.web.review.models import Decision, Finding, Person

Classification = Literal["stalking", "harassment", "none"]
Band = Literal["high", "medium", "low"]
Relationship = Literal[
    "current_partner",
    "ex_partner",
    "family",
    "acquaintance",
    "colleague",
    "neighbour",
    "stranger",
    "online_only",
    "unknown",
]
DecisionState = Literal["undecided", "awaiting_sign_off", "decided", "more_information"]
Sort = Literal["priority", "last_date", "first_date", "occasions", "four", "records"]

api = NinjaAPI(
    title="Fourfold review API",
    version="1",
    description="Findings of possible stalking and reviewers' decisions. Sign in through the web app; the "
    "session cookie authenticates; writes need the CSRF token in X-CSRFToken. Without a session every call, "
    "this schema included, answers 401. Every finding read is audited.",
    auth=SessionAuth(),
    urls_namespace=API_NAMESPACE,  # the sign-in middleware answers this namespace with 401, not a redirect
)


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> Any:
    errors = {}
    for item in exc.errors:
        loc = ".".join(
            str(p) for p in item.get("loc", []) if p not in ("body", "query", "path", "payload", "filters")
        )
        errors[loc or "request"] = str(item.get("msg", "invalid"))
    return api.create_response(request, {"detail": "The request is not valid", "errors": errors}, status=422)


class FindingFilters(Schema):
    classification: list[Classification] = Field(default_factory=list)
    misrecorded: bool | None = None
    priority: list[Band] = Field(default_factory=list)
    risk_flag: list[Annotated[schemas.Text, Field(max_length=100)]] = Field(default_factory=list)
    relationship: list[Relationship] = Field(default_factory=list)
    decision_status: list[DecisionState] = Field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    include_retired: bool = False
    suspect_id: Annotated[schemas.Text, Field(max_length=200)] = ""
    victim_id: Annotated[schemas.Text, Field(max_length=200)] = ""
    sort: Sort = "priority"
    order: Literal["asc", "desc"] = "desc"
    page: int = Field(default=1, ge=1, le=100_000)
    page_size: int = Field(default=50, ge=1, le=200)


def _forbidden(message: str = "Your roles do not include access to this") -> Status[dict[str, str]]:
    return Status(403, {"detail": message})


def _usable(identifier: str) -> bool:
    """An id that could exist: PostgreSQL refuses NUL characters, so such an id is simply not found."""
    return "\x00" not in identifier and len(identifier) <= 200


def _summary(f: Finding) -> dict[str, Any]:
    return {
        "finding_id": f.finding_id,
        "victim_id": f.victim.person_id,
        "suspect_id": f.suspect.person_id if f.suspect else None,
        "first_date": f.first_date,
        "last_date": f.last_date,
        "occasions": f.occasions,
        "record_count": f.record_count,
        "relationship": f.relationship,
        "classification": f.classification,
        "offence": f.offence,
        "recorded_classes": list(f.recorded_classes or []),
        "misrecorded": f.misrecorded,
        "priority": f.priority,
        "risk_flags": list(f.risk_flags or []),
        "four_present": f.four_present,
        "decision_status": f.decision_status,
        "decision_outcome": f.decision_outcome,
        "current": f.current,
        "version": f.version,
    }


def _person(p: Person, show_contact: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "person_id": p.person_id,
        "forename": p.forename,
        "surname": p.surname,
        "dob": p.dob,
        "sex": p.sex,
        "online_handle": p.online_handle,
    }
    for name in Person.CONTACT_FIELDS:
        data[name] = getattr(p, name) if show_contact else None
    return data


def _decision(d: Decision) -> dict[str, Any]:
    return {
        "id": d.pk,
        "finding_id": d.finding.finding_id,
        "outcome": d.outcome,
        "rationale": d.rationale,
        "why_not_stalking": d.why_not_stalking,
        "recording_change": d.recording_change,
        "hocr_class": d.hocr_class,
        "offence": d.offence,
        "ho_offence_code": d.ho_offence_code,
        "status": d.status,
        "made_by": d.made_by.get_username(),
        "made_at": d.made_at,
        "finding_version": d.finding_version,
        "signed_off_by": d.signed_off_by.get_username() if d.signed_off_by else None,
        "signed_off_at": d.signed_off_at,
        "sign_off_note": d.sign_off_note,
    }


@api.get(
    "/findings",
    response={
        200: schemas.FindingPage,
        401: schemas.Error,
        403: schemas.Error,
        422: schemas.ValidationErrors,
    },
    summary="The review queue, filtered and sorted",
)
def list_findings(request: HttpRequest, filters: Query[FindingFilters]) -> Any:
    if not permissions.can_view_findings(request.user):
        return _forbidden()
    page, rows = selectors.queue_page(
        user=request.user,
        page_number=filters.page,
        page_size=filters.page_size,
        filters=selectors.QueueFilters(
            classification=list(filters.classification),
            misrecorded=filters.misrecorded,
            priority=list(filters.priority),
            risk_flags=filters.risk_flag,
            relationship=list(filters.relationship),
            decision_status=list(filters.decision_status),
            date_from=filters.date_from,
            date_to=filters.date_to,
            include_retired=filters.include_retired,
            suspect_id=filters.suspect_id,
            victim_id=filters.victim_id,
            sort=filters.sort,
            descending=filters.order == "desc",
        ),
    )
    # Past the last page the list is empty (rather than the last page again, as the web page shows).
    beyond = filters.page > page.paginator.num_pages
    results = [] if beyond else [_summary(f) for f in rows]
    count = page.paginator.count
    return Status(
        200, {"count": count, "page": filters.page, "page_size": filters.page_size, "results": results}
    )


@api.get(
    "/findings/{finding_id}",
    response={200: schemas.FindingDetail, 401: schemas.Error, 403: schemas.Error, 404: schemas.Error},
    summary="One finding with its timeline, evidence and decisions (audited)",
)
def get_finding(request: HttpRequest, finding_id: str) -> Any:
    if not permissions.can_view_findings(request.user):
        return _forbidden()
    finding = selectors.get_finding(user=request.user, finding_id=finding_id) if _usable(finding_id) else None
    if finding is None:
        return Status(404, {"detail": "No finding with that id"})
    services.record_finding_view(finding=finding, user=request.user, request=request, via="api")
    show_contact = permissions.can_see_contact_details(request.user)
    people = [p for p in (finding.victim, finding.suspect) if p is not None]
    timeline = []
    for link in finding.timeline.all():
        r = link.record
        timeline.append(
            {
                "record_id": r.record_id,
                "reported_at": r.reported_at,
                "occurred_at": r.occurred_at,
                "record_type": r.record_type,
                "recorded_class": r.recorded_class,
                "offence_code": r.offence_code,
                "possible": link.possible,
                "possible_reason": link.possible_reason,
                "narrative": r.narrative
                if show_contact
                else selectors.mask_contact_details(r.narrative, people),
            }
        )
    data = _summary(finding)
    data.update(
        victim=_person(finding.victim, show_contact),
        suspect=_person(finding.suspect, show_contact) if finding.suspect else None,
        hocr_class=finding.hocr_class,
        ho_offence_code=finding.ho_offence_code,
        regime=finding.regime,
        rationale=finding.rationale,
        priority_reasons=[str(r) for r in finding.priority_reasons or []],
        behaviours=list(finding.behaviours or []),
        four=dict(finding.four or {}),
        s4a=dict(finding.s4a or {}),
        timeline=timeline,
        decisions=[_decision(d) for d in finding.decisions.all()],
    )
    return Status(200, data)


@api.get(
    "/findings/{finding_id}/decisions",
    response={200: list[schemas.DecisionOut], 401: schemas.Error, 403: schemas.Error, 404: schemas.Error},
    summary="A finding's decisions, newest first",
)
def finding_decisions(request: HttpRequest, finding_id: str) -> Any:
    if not permissions.can_view_findings(request.user):
        return _forbidden()
    finding = Finding.objects.filter(finding_id=finding_id).first() if _usable(finding_id) else None
    if finding is None:
        return Status(404, {"detail": "No finding with that id"})
    decisions = Decision.objects.filter(finding=finding).select_related("finding", "made_by", "signed_off_by")
    return Status(200, [_decision(d) for d in decisions.order_by("-made_at", "-id")])


@api.post(
    "/findings/{finding_id}/decisions",
    response={
        201: schemas.DecisionOut,
        401: schemas.Error,
        403: schemas.Error,
        404: schemas.Error,
        409: schemas.Conflict,
        422: schemas.ValidationErrors,
    },
    summary="Record a decision (recording changes wait for a registrar's sign-off)",
)
def decide(request: HttpRequest, finding_id: str, payload: schemas.DecisionIn) -> Any:
    if not permissions.allowed_outcomes(request.user):
        return _forbidden()
    finding = Finding.objects.filter(finding_id=finding_id).first() if _usable(finding_id) else None
    if finding is None:
        return Status(404, {"detail": "No finding with that id"})
    try:
        decision = services.decide_finding(
            finding=finding,
            user=request.user,
            outcome=payload.outcome,
            rationale=payload.rationale,
            why_not_stalking=payload.why_not_stalking,
            expected_version=payload.version,
            request=request,
        )
    except services.NotAllowed as error:
        return _forbidden(str(error))
    except services.InvalidDecision as error:
        return Status(422, {"detail": "The decision is not valid", "errors": error.errors})
    except services.DecisionConflict as conflict:
        current = Finding.objects.values_list("version", flat=True).get(pk=finding.pk)
        return Status(409, {"detail": str(conflict), "current_version": current})
    decision = Decision.objects.select_related("finding", "made_by", "signed_off_by").get(pk=decision.pk)
    return Status(201, _decision(decision))


@api.post(
    "/decisions/{decision_id}/sign-off",
    response={
        200: schemas.DecisionOut,
        401: schemas.Error,
        403: schemas.Error,
        404: schemas.Error,
        409: schemas.Conflict,
        422: schemas.ValidationErrors,
    },
    summary="A registrar approves or refuses a proposed recording change (never their own)",
)
def sign_off(request: HttpRequest, decision_id: int, payload: schemas.SignOffIn) -> Any:
    if not permissions.can_sign_off(request.user):
        return _forbidden("Only a registrar can sign off a recording change")
    decision = Decision.objects.select_related("finding", "made_by").filter(pk=decision_id).first()
    if decision is None:
        return Status(404, {"detail": "No decision with that id"})
    try:
        services.sign_off_decision(
            decision=decision,
            user=request.user,
            approve=payload.approve,
            note=payload.note,
            expected_version=payload.version,
            request=request,
        )
    except services.NotAllowed as error:
        return _forbidden(str(error))
    except services.InvalidDecision as error:
        return Status(422, {"detail": "The sign-off is not valid", "errors": error.errors})
    except services.DecisionConflict as conflict:
        current = Finding.objects.values_list("version", flat=True).get(pk=decision.finding_id)
        return Status(409, {"detail": str(conflict), "current_version": current})
    decision = Decision.objects.select_related("finding", "made_by", "signed_off_by").get(pk=decision.pk)
    return Status(200, _decision(decision))


class DecisionQuery(Schema):
    include_pending: bool = False
    page: int = Field(default=1, ge=1, le=100_000)
    page_size: int = Field(default=100, ge=1, le=1000)


@api.get(
    "/decisions",
    response={
        200: schemas.DecisionPage,
        401: schemas.Error,
        403: schemas.Error,
        422: schemas.ValidationErrors,
    },
    summary="Decisions to send back to the records system (as the CSV export)",
)
def list_decisions(request: HttpRequest, query: Query[DecisionQuery]) -> Any:
    if not permissions.can_export(request.user):
        return _forbidden()
    qs = selectors.decisions_for_export(user=request.user, include_pending=query.include_pending)
    start = (query.page - 1) * query.page_size
    results = [_decision(d) for d in qs[start : start + query.page_size]]
    services.record_export(user=request.user, count=len(results), request=request, filters={"via": "api"})
    return Status(
        200, {"count": qs.count(), "page": query.page, "page_size": query.page_size, "results": results}
    )
