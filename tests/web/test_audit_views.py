"""The audit trail page: auditors and administrators only; viewing and checking are audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from fourfold.web.audit.models import AuditEntry
from fourfold.web.audit.services import record_audit

pytestmark = pytest.mark.django_db


def test_auditor_sees_the_newest_entries_and_the_view_is_audited(client: Any, make_user: Any) -> None:
    auditor = make_user("audrey", "auditor")
    record_audit(user=auditor, action="decide", object_type="finding", object_id="F-17", reason="checked")
    client.force_login(auditor)
    html = client.get("/audit/").content.decode()
    assert "F-17" in html and "checked" in html
    assert AuditEntry.objects.filter(action="view_audit_trail", user=auditor).count() == 1


@pytest.mark.parametrize(
    "role", ["analyst", "registrar", "investigator", "supervisor", "public_protection", "victim_care"]
)
def test_other_roles_are_refused(client: Any, make_user: Any, role: str) -> None:
    client.force_login(make_user("someone", role))
    assert client.get("/audit/").status_code == 403
    assert client.post("/audit/verify/").status_code == 403


def test_check_now_reports_intact_then_broken(client: Any, make_user: Any) -> None:
    auditor = make_user("audrey", "auditor")
    client.force_login(auditor)
    entry = record_audit(user=auditor, action="decide", reason="original")
    assert "The audit chain is intact" in client.post("/audit/verify/").content.decode()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditEntry._meta.db_table} SET reason = %s WHERE id = %s", ["changed", entry.pk]
        )
    html = client.post("/audit/verify/").content.decode()
    assert "The audit chain is broken" in html and f"id {entry.pk}" in html
    assert client.get("/audit/verify/").status_code == 405
