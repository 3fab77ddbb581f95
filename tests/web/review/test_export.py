"""Decisions export as CSV for the records system; exporting is audited and limited to some roles."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review import services
from fourfold.web.review.models import Finding

URL = reverse("review:export")


def test_export_lists_final_and_signed_off_decisions(client, signed_in, loaded_run, make_user) -> None:
    findings = list(Finding.objects.order_by("id")[:3])
    adviser, registrar = make_user("adviser", "analyst"), make_user("reg", "registrar")
    final = services.decide_finding(
        finding=findings[0],
        user=adviser,
        outcome="needs_more_information",
        rationale="Ask, the OIC.",
        expected_version=findings[0].version,
    )
    pending = services.decide_finding(
        finding=findings[1],
        user=adviser,
        outcome="harassment_only",
        rationale='Two "emails".',
        why_not_stalking="No fixation.",
        expected_version=findings[1].version,
    )
    user = signed_in("exporter", "supervisor")
    response = client.get(URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    ids = {r["finding_id"]: r for r in rows}
    assert findings[0].finding_id in ids
    assert ids[findings[0].finding_id]["rationale"] == "Ask, the OIC."  # commas survive CSV quoting
    if pending.status == "proposed":
        assert findings[1].finding_id not in ids
        services.sign_off_decision(
            decision=pending,
            user=registrar,
            approve=True,
            expected_version=Finding.objects.get(pk=findings[1].pk).version,
        )
        rows = list(csv.DictReader(io.StringIO(b"".join(client.get(URL).streaming_content).decode())))
        signed = next(r for r in rows if r["finding_id"] == findings[1].finding_id)
        assert signed["signed_off_by"] == "reg" and signed["hocr_class"] == "8L"
        assert signed["why_not_stalking"] == "No fixation."
    assert final.pk and AuditEntry.objects.filter(action="decision.export", user=user).exists()


def test_analysts_cannot_export(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    assert client.get(URL).status_code == 403
