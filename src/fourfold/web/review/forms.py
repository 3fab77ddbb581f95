"""Forms at the edge: they turn request data into the selectors' filters and the services' arguments."""

from __future__ import annotations

from typing import Any

from django import forms

from fourfold.web.review.models import DecisionStatus
from fourfold.web.review.outcomes import OUTCOMES
from fourfold.web.review.selectors import (
    CLASSIFICATIONS,
    PRIORITY_BANDS,
    RELATIONSHIPS,
    SORTS,
    QueueFilters,
    risk_flag_choices,
)
from fourfold.web.review.services import validate_decision


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


class QueueFilterForm(forms.Form):
    classification = forms.MultipleChoiceField(
        label="Recommended classification",
        required=False,
        choices=[(c, _label(c)) for c in CLASSIFICATIONS],
        widget=forms.CheckboxSelectMultiple,
    )
    misrecorded = forms.ChoiceField(
        label="Recorded differently from the recommendation",
        required=False,
        choices=[("", "Either"), ("yes", "Misrecorded"), ("no", "Recorded as recommended")],
        widget=forms.RadioSelect,
    )
    priority = forms.MultipleChoiceField(
        label="Priority",
        required=False,
        choices=[(b, _label(b)) for b in PRIORITY_BANDS],
        widget=forms.CheckboxSelectMultiple,
    )
    risk_flags = forms.MultipleChoiceField(
        label="Risk flags", required=False, choices=[], widget=forms.CheckboxSelectMultiple
    )
    relationship = forms.MultipleChoiceField(
        label="Relationship",
        required=False,
        choices=[(r, _label(r)) for r in RELATIONSHIPS],
        widget=forms.CheckboxSelectMultiple,
    )
    decision_status = forms.MultipleChoiceField(
        label="Decision status",
        required=False,
        choices=DecisionStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    date_from = forms.DateField(
        label="Active on or after", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="Active on or before", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    include_retired = forms.BooleanField(label="Include findings no longer in the latest run", required=False)
    suspect = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    victim = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    sort = forms.ChoiceField(required=False, choices=[(k, k) for k in SORTS], widget=forms.HiddenInput)
    order = forms.ChoiceField(
        required=False, choices=[("desc", "desc"), ("asc", "asc")], widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk_flags"].choices = [(f, _label(f)) for f in risk_flag_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return data

    def to_filters(self) -> QueueFilters:
        self.is_valid()  # fields that did validate still filter; the invalid ones are shown with their error
        data = self.cleaned_data
        misrecorded = {"yes": True, "no": False}.get(data.get("misrecorded") or "")
        return QueueFilters(
            classification=data.get("classification") or [],
            misrecorded=misrecorded,
            priority=data.get("priority") or [],
            risk_flags=data.get("risk_flags") or [],
            relationship=data.get("relationship") or [],
            decision_status=data.get("decision_status") or [],
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            include_retired=bool(data.get("include_retired")),
            suspect_id=data.get("suspect") or "",
            victim_id=data.get("victim") or "",
            sort=data.get("sort") or "priority",
            descending=(data.get("order") or "desc") == "desc",
        )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="Your decision", choices=[], widget=forms.RadioSelect)
    rationale = forms.CharField(
        label="Your reasons",
        help_text="What in the records led you to this decision. It goes to the audit trail and the export.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    why_not_stalking = forms.CharField(
        label="Why is this not stalking?",
        help_text="Required for harassment only (CPS/NPCC stalking protocol).",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [(code, OUTCOMES[code].label) for code in allowed]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors.get("outcome"):
            return data
        errors = validate_decision(
            outcome=data.get("outcome") or "",
            rationale=data.get("rationale") or "",
            why_not_stalking=data.get("why_not_stalking") or "",
        )
        for name, message in errors.items():
            self.add_error(name, message)
        return data


class SignOffForm(forms.Form):
    decision = forms.IntegerField(widget=forms.HiddenInput)
    verdict = forms.ChoiceField(
        label="Sign off this recording change?",
        choices=[("approve", "Approve: record it this way"), ("refuse", "Refuse: send it back")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        help_text="Required when you refuse.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("verdict") == "refuse" and not (data.get("note") or "").strip():
            self.add_error("note", "Say why you are refusing this recording change")
        return data


class AuditSearchForm(forms.Form):
    username = forms.CharField(label="User", required=False, max_length=150)
    action = forms.CharField(
        label="Action", required=False, max_length=64, help_text="For example finding.view"
    )
    object_id = forms.CharField(label="Object (for example a finding id)", required=False, max_length=200)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
