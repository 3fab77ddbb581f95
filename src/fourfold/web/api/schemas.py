"""The JSON shapes of the API (pydantic via django-ninja); the OpenAPI schema is generated from these."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, StringConstraints

# Text without NUL characters (PostgreSQL cannot store them; they never occur in real input).
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00]*$")]

OutcomeCode = Literal[
    "stalking_s2a",
    "stalking_s4a",
    "harassment_only",
    "not_course_of_conduct",
    "needs_more_information",
    "refer_spo",
]


class Error(Schema):
    detail: str


class ValidationErrors(Schema):
    detail: str
    errors: dict[str, str] = Field(default_factory=dict)


class Conflict(Schema):
    detail: str
    current_version: int


class PersonOut(Schema):
    person_id: str
    forename: str
    surname: str
    dob: str
    sex: str
    online_handle: str
    # Null unless the caller's role needs the person's location and contact details.
    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None


class FindingSummary(Schema):
    finding_id: str
    victim_id: str
    suspect_id: str | None
    first_date: date | None
    last_date: date | None
    occasions: int
    record_count: int
    relationship: str
    classification: str
    offence: str
    recorded_classes: list[str]
    misrecorded: bool
    priority: float
    risk_flags: list[str]
    four_present: int
    decision_status: str
    decision_outcome: str
    current: bool
    version: int


class FindingPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[FindingSummary]


class TimelineRecord(Schema):
    record_id: str
    reported_at: str
    occurred_at: str
    record_type: str
    recorded_class: str
    offence_code: str
    possible: bool
    possible_reason: str
    narrative: str


class DecisionOut(Schema):
    id: int
    finding_id: str
    outcome: str
    rationale: str
    why_not_stalking: str
    recording_change: bool
    hocr_class: str
    offence: str
    ho_offence_code: str
    status: str
    made_by: str
    made_at: datetime
    finding_version: int
    signed_off_by: str | None
    signed_off_at: datetime | None
    sign_off_note: str


class FindingDetail(FindingSummary):
    victim: PersonOut
    suspect: PersonOut | None
    hocr_class: str
    ho_offence_code: str
    regime: str
    rationale: str
    priority_reasons: list[str]
    behaviours: list[dict[str, object]]
    four: dict[str, object]
    s4a: dict[str, object]
    timeline: list[TimelineRecord]
    decisions: list[DecisionOut]


class DecisionIn(Schema):
    outcome: OutcomeCode
    rationale: Text = Field(max_length=5000)
    why_not_stalking: Text = Field(default="", max_length=5000)
    version: int = Field(ge=1, description="The finding's version you read; a stale version returns 409.")


class SignOffIn(Schema):
    approve: bool
    note: Text = Field(default="", max_length=5000)
    version: int = Field(ge=1)


class DecisionPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[DecisionOut]
