"""Thin views: read the request, call a selector or service, render. No business rules here."""

from __future__ import annotations

import csv
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from fourfold.web.review import permissions, selectors, services
from fourfold.web.review.forms import AuditSearchForm, DecisionForm, QueueFilterForm, SignOffForm
from fourfold.web.review.models import Decision, Finding
from fourfold.web.review.outcomes import OUTCOMES

PAGE_SIZE = 50
SORT_LABELS = {
    "priority": "Priority",
    "last_date": "Last record",
    "first_date": "First record",
    "occasions": "Occasions",
    "four": "FOUR",
    "records": "Records",
}


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your roles do not include access to this page.")


def _sort_links(request: HttpRequest, current: str, descending: bool) -> dict[str, dict[str, str]]:
    """Each sortable column's link and aria-sort state (MoJ sortable table, rendered on the server)."""
    links = {}
    params = request.GET.copy()
    params.pop("page", None)
    for key, label in SORT_LABELS.items():
        active = key == current
        params["sort"] = key
        params["order"] = "asc" if active and descending else "desc"
        links[key] = {
            "url": "?" + params.urlencode(),
            "label": label,
            "aria_sort": ("descending" if descending else "ascending") if active else "none",
        }
    return links


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_view_findings(request.user))
    form = QueueFilterForm(request.GET or None)
    filters = form.to_filters() if form.is_bound else selectors.QueueFilters()
    page, rows = selectors.queue_page(
        user=request.user, filters=filters, page_number=request.GET.get("page"), page_size=PAGE_SIZE
    )
    params = request.GET.copy()
    params.pop("page", None)
    selected = _selected_filters(form)
    return render(
        request,
        "review/queue.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "paginator": page.paginator,
            "query": params.urlencode(),
            "sort_links": _sort_links(request, filters.sort, filters.descending),
            "selected": selected,
            "filter_groups": _filter_groups(form),
            "can_export": permissions.can_export(request.user),
        },
    )


def _filter_groups(form: QueueFilterForm) -> list[dict[str, Any]]:
    """Checkbox and radio groups for the filter panel, with each option's checked state."""
    groups = []
    for name in (
        "classification",
        "misrecorded",
        "priority",
        "risk_flags",
        "relationship",
        "decision_status",
    ):
        field = form.fields[name]
        raw = form.data.getlist(name) if form.is_bound else []
        kind = "radios" if name == "misrecorded" else "checkboxes"
        options = [
            {
                "value": value,
                "label": label,
                "id": f"filter-{name}-{index}",
                "checked": (value in raw)
                if kind == "checkboxes"
                else (raw[-1:] == [value] or (not raw and value == "")),
            }
            for index, (value, label) in enumerate(field.choices)
        ]
        groups.append(
            {
                "name": name,
                "legend": field.label,
                "kind": kind,
                "options": options,
                "error": form.errors.get(name) if form.is_bound else None,
            }
        )
    return groups


def _selected_filters(form: QueueFilterForm) -> list[dict[str, Any]]:
    """The MoJ filter's "selected filters" panel: each chosen value with a link that removes it."""
    if not form.is_bound or not form.is_valid():
        return []
    groups = []
    for name in ("classification", "priority", "risk_flags", "relationship", "decision_status"):
        values = form.cleaned_data.get(name) or []
        if not values:
            continue
        labels = dict(form.fields[name].choices)
        tags = []
        for value in values:
            params = form.data.copy()
            params.setlist(name, [v for v in params.getlist(name) if v != value])
            params.pop("page", None)
            tags.append({"label": labels.get(value, value), "url": "?" + params.urlencode()})
        groups.append({"heading": form.fields[name].label, "tags": tags})
    for name in ("misrecorded", "date_from", "date_to", "include_retired", "suspect", "victim"):
        value = form.cleaned_data.get(name)
        if value in (None, "", False):
            continue
        params = form.data.copy()
        params.pop(name, None)
        params.pop("page", None)
        label = dict(form.fields[name].choices).get(value, value) if name == "misrecorded" else value
        heading = form.fields[name].label or name.capitalize()
        if name == "include_retired":
            label = "Yes"
        groups.append({"heading": heading, "tags": [{"label": str(label), "url": "?" + params.urlencode()}]})
    return groups


def _finding_context(
    request: HttpRequest,
    finding: Finding,
    *,
    decision_form: DecisionForm | None = None,
    sign_off_form: SignOffForm | None = None,
    conflict: str = "",
) -> dict[str, Any]:
    user = request.user
    show_contact = permissions.can_see_contact_details(user)
    allowed = permissions.allowed_outcomes(user)
    if decision_form is None and allowed:
        decision_form = DecisionForm(allowed=allowed, initial={"version": finding.version})
    pending = selectors.pending_sign_off(finding=finding)
    sign_off_forms = []
    if permissions.can_sign_off(user):
        for decision in pending:
            if decision.made_by_id == user.pk:
                continue
            if sign_off_form is not None and sign_off_form.data.get("decision") == str(decision.pk):
                form = sign_off_form
            else:
                form = SignOffForm(initial={"decision": decision.pk, "version": finding.version})
            sign_off_forms.append((decision, form))
    decisions = list(finding.decisions.all())
    latest = decisions[0] if decisions else None
    return {
        "finding": finding,
        "timeline": selectors.timeline(finding=finding, show_contact_details=show_contact),
        "related": selectors.related_findings(user=user, finding=finding),
        "decisions": decisions,
        "pending": pending,
        "decision_form": decision_form,
        "sign_off_forms": sign_off_forms,
        "show_contact": show_contact,
        "conflict": conflict,
        "outcomes": OUTCOMES,
        "changed_since_decision": bool(latest and finding.updated_at > latest.made_at),
        "four_elements": [
            (name, (finding.four or {}).get(name) or {})
            for name in ("fixated", "obsessive", "unwanted", "repeated")
        ],
    }


def _load(request: HttpRequest, finding_id: str) -> Finding:
    _require(permissions.can_view_findings(request.user))
    finding = selectors.get_finding(user=request.user, finding_id=finding_id)
    if finding is None:
        raise Http404("No finding with that id")
    return finding


@require_GET
def finding_detail(request: HttpRequest, finding_id: str) -> HttpResponse:
    finding = _load(request, finding_id)
    services.record_finding_view(finding=finding, user=request.user, request=request)
    return render(request, "review/finding.html", _finding_context(request, finding))


@require_POST
def decide(request: HttpRequest, finding_id: str) -> HttpResponse:
    finding = _load(request, finding_id)
    allowed = permissions.allowed_outcomes(request.user)
    _require(bool(allowed))
    form = DecisionForm(request.POST, allowed=allowed)
    if not form.is_valid():
        return render(
            request, "review/finding.html", _finding_context(request, finding, decision_form=form), status=400
        )
    try:
        decision = services.decide_finding(
            finding=finding,
            user=request.user,
            outcome=form.cleaned_data["outcome"],
            rationale=form.cleaned_data["rationale"],
            why_not_stalking=form.cleaned_data["why_not_stalking"],
            expected_version=form.cleaned_data["version"],
            request=request,
        )
    except services.DecisionConflict as conflict:
        fresh = _load(request, finding_id)
        # Keep the reviewer's words; the form now carries the new version so they can submit again on purpose.
        data = request.POST.copy()
        data["version"] = str(fresh.version)
        form = DecisionForm(data, allowed=allowed)
        form.is_valid()
        context = _finding_context(request, fresh, decision_form=form, conflict=str(conflict))
        return render(request, "review/finding.html", context, status=409)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from None
    if decision.status == Decision.Status.PROPOSED:
        messages.success(
            request,
            "Decision saved. It changes how the crime is recorded, so it now waits for a "
            "registrar's sign-off.",
        )
    else:
        messages.success(request, f"Decision recorded: {decision.get_outcome_display()}.")
    return redirect("review:finding", finding_id=finding.finding_id)


@require_POST
def sign_off(request: HttpRequest, finding_id: str) -> HttpResponse:
    finding = _load(request, finding_id)
    _require(permissions.can_sign_off(request.user))
    form = SignOffForm(request.POST)
    if not form.is_valid():
        return render(
            request, "review/finding.html", _finding_context(request, finding, sign_off_form=form), status=400
        )
    decision = get_object_or_404(Decision, pk=form.cleaned_data["decision"], finding=finding)
    try:
        services.sign_off_decision(
            decision=decision,
            user=request.user,
            approve=form.cleaned_data["verdict"] == "approve",
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
            request=request,
        )
    except services.DecisionConflict as conflict:
        fresh = _load(request, finding_id)
        return render(
            request,
            "review/finding.html",
            _finding_context(request, fresh, conflict=str(conflict)),
            status=409,
        )
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from None
    messages.success(request, "Sign-off recorded.")
    return redirect("review:finding", finding_id=finding.finding_id)


class _Echo:
    def write(self, value: str) -> str:
        return value


EXPORT_COLUMNS = [
    "finding_id",
    "record_ids",
    "victim_id",
    "suspect_id",
    "decision",
    "hocr_class",
    "offence",
    "ho_offence_code",
    "recording_change",
    "status",
    "rationale",
    "why_not_stalking",
    "decided_by",
    "decided_at",
    "signed_off_by",
    "signed_off_at",
    "sign_off_note",
]


@require_GET
def export_decisions(request: HttpRequest) -> StreamingHttpResponse:
    """Decisions as CSV, for updating the force's records system."""
    _require(permissions.can_export(request.user))
    include_pending = request.GET.get("pending") == "1"
    decisions = selectors.decisions_for_export(user=request.user, include_pending=include_pending)
    services.record_export(
        user=request.user, count=decisions.count(), request=request, filters={"pending": include_pending}
    )
    writer = csv.writer(_Echo())

    def rows() -> Any:
        yield writer.writerow(EXPORT_COLUMNS)
        for d in decisions.iterator(chunk_size=2000):
            f = d.finding
            yield writer.writerow(
                [
                    f.finding_id,
                    " ".join(f.record_ids),
                    f.victim.person_id,
                    f.suspect.person_id if f.suspect else "",
                    d.outcome,
                    d.hocr_class,
                    d.offence,
                    d.ho_offence_code,
                    "yes" if d.recording_change else "no",
                    d.status,
                    d.rationale,
                    d.why_not_stalking,
                    d.made_by.get_username(),
                    d.made_at.isoformat(),
                    d.signed_off_by.get_username() if d.signed_off_by else "",
                    d.signed_off_at.isoformat() if d.signed_off_at else "",
                    d.sign_off_note,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fourfold-decisions.csv"'
    return response


@require_GET
def audit_search(request: HttpRequest) -> HttpResponse:
    _require(permissions.can_search_audit(request.user))
    form = AuditSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = selectors.audit_entries(user=request.user, **{k: v for k, v in criteria.items() if v})
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    if form.is_bound and criteria:
        from fourfold.web.audit.services import record_audit

        record_audit(
            user=request.user,
            action="audit.search",
            reason="auditor searched the trail",
            request=request,
            extra={k: str(v) for k, v in criteria.items() if v},
        )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request, "review/audit_search.html", {"form": form, "page": page, "query": params.urlencode()}
    )


def finding_url(finding_id: str, **params: str) -> str:
    url = reverse("review:finding", kwargs={"finding_id": finding_id})
    return f"{url}?{urlencode(params)}" if params else url
