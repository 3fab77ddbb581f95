"""The review area's tables: screening runs, findings with their records, people, and reviewers' decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from fourfold.web.review.outcomes import HARASSMENT_ONLY, outcome_choices


class ScreeningRun(models.Model):
    """One `findings.jsonl` loaded by `fourfold load`; the same file loaded again is the same run."""

    content_sha256 = models.CharField(max_length=64, unique=True)
    source = models.CharField(max_length=1000)
    loaded_at = models.DateTimeField(auto_now_add=True)
    findings_total = models.PositiveIntegerField(default=0)
    findings_created = models.PositiveIntegerField(default=0)
    findings_updated = models.PositiveIntegerField(default=0)
    findings_unchanged = models.PositiveIntegerField(default=0)
    findings_retired = models.PositiveIntegerField(default=0)
    records_loaded = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"Screening run {self.pk} ({self.findings_total} findings)"


class Person(models.Model):
    """A resolved person (victim or suspect). Contact fields are shown only to roles needing them."""

    person_id = models.CharField(max_length=200, unique=True)
    forename = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200, blank=True)
    dob = models.CharField(max_length=32, blank=True)
    sex = models.CharField(max_length=32, blank=True)
    # Need to know: locations and contact details (design.md §5 "victim locations are protected").
    address = models.CharField(max_length=1000, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    phone = models.CharField(max_length=100, blank=True)
    email = models.CharField(max_length=300, blank=True)
    online_handle = models.CharField(max_length=300, blank=True)

    CONTACT_FIELDS = ("address", "postcode", "phone", "email")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        name = f"{self.forename} {self.surname}".strip()
        return name or self.person_id


class Record(models.Model):
    """One incident or crime record as the force's export gave it (only the fields the review needs)."""

    record_id = models.CharField(max_length=200, unique=True)
    reported_at = models.CharField(max_length=40, blank=True)
    occurred_at = models.CharField(max_length=40, blank=True)
    record_type = models.CharField(max_length=20, blank=True)
    recorded_class = models.CharField(max_length=20, blank=True)
    offence_code = models.CharField(max_length=40, blank=True)
    narrative = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.record_id


class DecisionStatus(models.TextChoices):
    UNDECIDED = "undecided", "Not yet decided"
    AWAITING_SIGN_OFF = "awaiting_sign_off", "Awaiting registrar sign-off"
    DECIDED = "decided", "Decided"
    MORE_INFORMATION = "more_information", "Needs more information"


class Finding(models.Model):
    """One victim–suspect pair from findings.jsonl (design.md §4.3), plus the review state."""

    finding_id = models.CharField(max_length=200, unique=True)
    run = models.ForeignKey(ScreeningRun, on_delete=models.PROTECT, related_name="findings")
    content_sha256 = models.CharField(max_length=64)
    current = models.BooleanField(default=True, help_text="In the latest screening run loaded.")
    last_seen_run = models.ForeignKey(ScreeningRun, on_delete=models.PROTECT, related_name="+")
    victim = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="findings_as_victim")
    suspect = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="findings_as_suspect", null=True, blank=True
    )
    first_date = models.DateField(null=True, blank=True)
    last_date = models.DateField(null=True, blank=True)
    occasions = models.PositiveIntegerField(default=0)
    record_count = models.PositiveIntegerField(default=0)
    relationship = models.CharField(max_length=40, blank=True)
    classification = models.CharField(max_length=20)
    offence = models.CharField(max_length=40, blank=True)
    hocr_class = models.CharField(max_length=10, blank=True)
    ho_offence_code = models.CharField(max_length=20, blank=True)
    regime = models.CharField(max_length=200, blank=True)
    rationale = models.TextField(blank=True)
    # The screening's whole recommendation (considerations, principal crime, included classifications).
    recommendation = models.JSONField(default=dict)
    recorded_classes = models.JSONField(default=list)
    misrecorded = models.BooleanField(default=False)
    priority = models.FloatField(default=0.0)
    priority_reasons = models.JSONField(default=list)
    risk_flags = models.JSONField(default=list)
    four_present = models.PositiveSmallIntegerField(default=0)
    behaviours = models.JSONField(default=list)
    four = models.JSONField(default=dict)
    s4a = models.JSONField(default=dict)
    possible_records = models.JSONField(default=list)
    record_ids = models.JSONField(default=list)
    # Evidence with character offsets per record (the screening's `evidence_spans`), for highlighting.
    spans = models.JSONField(default=list)
    # Review state, kept on the finding so the queue can filter and sort without joins.
    decision_status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.UNDECIDED
    )
    decision_outcome = models.CharField(max_length=40, blank=True)
    # Optimistic concurrency: every change to the finding (decision, sign-off, newer screening) bumps it.
    version = models.PositiveIntegerField(default=1)
    loaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The queue reads current findings in one sort order at a time: (current, column, id) lets PostgreSQL
        # walk an index for the page and count from the index alone; filters on one column have their own.
        indexes = [
            models.Index(fields=["current", "priority", "id"], name="finding_cur_priority"),
            models.Index(fields=["current", "last_date", "id"], name="finding_cur_last"),
            models.Index(fields=["current", "first_date", "id"], name="finding_cur_first"),
            models.Index(fields=["current", "occasions", "id"], name="finding_cur_occasions"),
            models.Index(fields=["current", "four_present", "id"], name="finding_cur_four"),
            models.Index(fields=["current", "record_count", "id"], name="finding_cur_records"),
            models.Index(fields=["current", "decision_status", "-priority"], name="finding_status_prio"),
            models.Index(fields=["classification", "-priority"], name="finding_class_prio"),
            models.Index(fields=["misrecorded", "-priority"], name="finding_misrec_prio"),
            models.Index(fields=["relationship", "-priority"], name="finding_rel_prio"),
            # Narrow and covering: any count of the queue's filters (but risk flags) reads this index alone.
            models.Index(
                fields=[
                    "current",
                    "classification",
                    "misrecorded",
                    "relationship",
                    "decision_status",
                    "priority",
                    "first_date",
                    "last_date",
                    "id",
                ],
                name="finding_queue_cover",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(priority__gte=0) & Q(priority__lte=1), name="finding_priority_0_1"
            ),
        ]

    def __str__(self) -> str:
        return self.finding_id


class FindingRecord(models.Model):
    """A record in a finding's timeline: part of the course of conduct, or offered as possibly part of it."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="timeline")
    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="findings")
    position = models.PositiveIntegerField()
    possible = models.BooleanField(default=False)
    possible_reason = models.CharField(max_length=1000, blank=True)
    # Why a record that did not name the suspect belongs here (a shared phone, the suspect's surname).
    link_reason = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["finding", "record"], name="finding_record_unique"),
        ]


class FindingRiskFlag(models.Model):
    """One risk flag of a finding, as a row so the queue can filter on it with an index on any database."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="flag_rows")
    flag = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["flag", "finding"], name="finding_flag_unique"),
        ]


class Decision(models.Model):
    """A reviewer's decision on a finding. Append-only: a later decision supersedes, it never overwrites."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Awaiting registrar sign-off"
        APPROVED = "approved", "Signed off"
        REJECTED = "rejected", "Sign-off refused"
        FINAL = "final", "Recorded"
        SUPERSEDED = "superseded", "Superseded"

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=40, choices=outcome_choices())
    rationale = models.TextField()
    why_not_stalking = models.TextField(blank=True)
    recording_change = models.BooleanField(default=False)
    hocr_class = models.CharField(max_length=10, blank=True)
    offence = models.CharField(max_length=40, blank=True)
    ho_offence_code = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)
    finding_version = models.PositiveIntegerField()
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    sign_off_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-made_at", "-id"]
        indexes = [models.Index(fields=["finding", "-made_at"], name="decision_finding_made")]
        constraints = [
            # The CPS/NPCC protocol (2018): a harassment-only decision must say why it is not stalking.
            models.CheckConstraint(
                condition=~Q(outcome=HARASSMENT_ONLY) | ~Q(why_not_stalking=""),
                name="decision_harassment_needs_why_not_stalking",
            ),
            # Two people: whoever proposes a recording change cannot sign it off.
            models.CheckConstraint(
                condition=Q(signed_off_by__isnull=True) | ~Q(signed_off_by=models.F("made_by")),
                name="decision_sign_off_by_other_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on {self.finding_id}"
