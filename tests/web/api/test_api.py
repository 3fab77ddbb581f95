"""The JSON API: same data, same permissions, same concurrency rules as the pages."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review.models import Decision, Finding


def _post(client, url: str, data: dict):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_the_openapi_schema_describes_findings_and_decisions(client, signed_in) -> None:
    signed_in("adviser", "analyst")
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/findings",
        "/api/findings/{finding_id}",
        "/api/findings/{finding_id}/decisions",
        "/api/decisions/{decision_id}/sign-off",
        "/api/decisions",
    } <= set(schema["paths"])


def test_list_filters_and_paginates(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    body = client.get("/api/findings", {"classification": ["stalking", "none"], "page_size": 5}).json()
    expected = Finding.objects.filter(classification__in=["stalking", "none"]).count()
    assert body["count"] == expected and len(body["results"]) == min(5, expected)
    assert all(r["classification"] in ("stalking", "none") for r in body["results"])
    priorities = [r["priority"] for r in body["results"]]
    assert priorities == sorted(priorities, reverse=True)
    flagged = client.get("/api/findings", {"risk_flag": "escalation", "page_size": 200}).json()
    assert all("escalation" in r["risk_flags"] for r in flagged["results"]) and flagged["count"] > 0


def test_invalid_filters_are_422_with_reasons(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    response = client.get("/api/findings", {"classification": "burglary", "page_size": 0})
    assert response.status_code == 422
    assert set(response.json()["errors"]) >= {"classification.0", "page_size"}


def test_detail_is_audited_and_hides_contact_details_by_role(client, signed_in, loaded_run) -> None:
    finding_id = loaded_run[0]["finding_id"]
    analyst = signed_in("adviser", "analyst")
    body = client.get(f"/api/findings/{finding_id}").json()
    assert body["victim"]["address"] is None and body["victim"]["phone"] is None
    assert "[address hidden]" in body["timeline"][0]["narrative"]
    assert [t["record_id"] for t in body["timeline"]] == loaded_run[0]["record_ids"]
    entry = AuditEntry.objects.get(action="finding.view", object_id=finding_id, user=analyst)
    assert json.loads(entry.extra_json)["via"] == "api"
    client.logout()
    signed_in("oic", "investigator")
    shown = client.get(f"/api/findings/{finding_id}").json()
    assert shown["victim"]["address"] and "Imaginary Lane" in shown["timeline"][0]["narrative"]


def test_decide_conflict_and_sign_off_through_the_api(client, signed_in, loaded_run, make_user) -> None:
    finding = next(f for f in Finding.objects.all() if "8L" in f.recorded_classes)
    url = f"/api/findings/{finding.finding_id}/decisions"
    signed_in("adviser", "analyst")
    created = _post(
        client,
        url,
        {"outcome": "stalking_s4a", "rationale": "Fear of violence twice.", "version": finding.version},
    )
    assert created.status_code == 201, created.content
    decision = created.json()
    assert decision["status"] == "proposed" and decision["hocr_class"] == "8Q"
    stale = _post(client, url, {"outcome": "refer_spo", "rationale": "SPO.", "version": finding.version})
    assert stale.status_code == 409 and stale.json()["current_version"] == finding.version + 1
    missing_reason = _post(
        client, url, {"outcome": "harassment_only", "rationale": "x", "version": finding.version + 1}
    )
    assert missing_reason.status_code == 422 and "why_not_stalking" in missing_reason.json()["errors"]
    # Sign-off by the proposer is refused; by a registrar it goes through.
    sign_off = f"/api/decisions/{decision['id']}/sign-off"
    assert _post(client, sign_off, {"approve": True, "version": finding.version + 1}).status_code == 403
    client.logout()
    signed_in("reg", "registrar")
    approved = _post(client, sign_off, {"approve": True, "note": "Agreed.", "version": finding.version + 1})
    assert approved.status_code == 200 and approved.json()["signed_off_by"] == "reg"
    assert Decision.objects.get(pk=decision["id"]).status == "approved"
    listed = client.get("/api/decisions").json()
    assert [d["id"] for d in listed["results"]] == [decision["id"]]


def test_writes_need_the_csrf_token(loaded_run, make_user) -> None:
    finding = Finding.objects.first()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user("adviser", "analyst"))
    response = strict.post(
        f"/api/findings/{finding.finding_id}/decisions",
        json.dumps({"outcome": "refer_spo", "rationale": "x", "version": 1}),
        content_type="application/json",
    )
    assert response.status_code == 403 and not Decision.objects.exists()


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        ("auditor", "/api/findings", 403),
        ("victim_care", "/api/decisions", 403),
        ("analyst", "/api/decisions", 403),
        ("supervisor", "/api/decisions", 200),
    ],
)
def test_permissions_match_the_pages(client, signed_in, loaded_run, role, path, status) -> None:
    signed_in("someone", role)
    assert client.get(path).status_code == status


def test_victim_care_cannot_decide_through_the_api(client, signed_in, loaded_run) -> None:
    signed_in("carer", "victim_care")
    finding = Finding.objects.first()
    response = _post(
        client,
        f"/api/findings/{finding.finding_id}/decisions",
        {"outcome": "refer_spo", "rationale": "x", "version": finding.version},
    )
    assert response.status_code == 403


def test_anonymous_callers_are_refused(client, loaded_run) -> None:
    response = client.get("/api/findings")
    assert response.status_code == 401 and response.json() == {"detail": "Authentication required"}
