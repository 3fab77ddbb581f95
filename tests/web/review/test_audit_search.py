"""Auditors search the trail: who viewed or decided on a finding, and when."""

from __future__ import annotations

from django.urls import reverse

from fourfold.web.audit.models import AuditEntry

URL = reverse("review:audit-search")


def test_an_auditor_finds_every_view_of_a_finding(client, signed_in, loaded_run, make_user) -> None:
    target, other = loaded_run[0]["finding_id"], loaded_run[1]["finding_id"]
    viewer = make_user("viewer", "analyst")
    client.force_login(viewer)
    client.get(reverse("review:finding", kwargs={"finding_id": target}))
    client.get(reverse("review:finding", kwargs={"finding_id": other}))
    client.logout()
    signed_in("checker", "auditor")
    response = client.get(URL, {"object_id": target})
    assert response.status_code == 200
    table = response.content.decode().split('data-testid="audit-results"')[1]
    assert "finding.view" in table and target in table and other not in table and "viewer" in table
    assert AuditEntry.objects.filter(action="audit.search", username="checker").exists()


def test_search_by_user_and_action(client, signed_in, loaded_run, make_user) -> None:
    viewer = make_user("viewer", "analyst")
    client.force_login(viewer)
    client.get(reverse("review:finding", kwargs={"finding_id": loaded_run[0]["finding_id"]}))
    client.logout()
    signed_in("checker", "auditor")
    body = client.get(URL, {"username": "viewer", "action": "finding."}).content.decode()
    assert "1 entry" in body
    assert "0 entries" in client.get(URL, {"username": "nobody-here"}).content.decode()


def test_only_auditors_search_the_trail(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    assert client.get(URL).status_code == 403
