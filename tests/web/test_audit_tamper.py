"""Editing or deleting audit rows behind the application's back (raw SQL) is found by verify."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from typer.testing import CliRunner

from fourfold.cli import app
from fourfold.web.audit.models import AuditEntry
from fourfold.web.audit.services import record_audit, verify_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(make_user: Any) -> list[AuditEntry]:
    user = make_user("supervisor1", "supervisor")
    return [
        record_audit(user=user, action="decide", object_type="finding", object_id=i, reason=f"reason {i}")
        for i in range(1, 7)
    ]


def raw(sql: str, *params: Any) -> None:
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=connection.ops.quote_name(table)), params)


def test_intact_trail_verifies(trail: list[AuditEntry]) -> None:
    report = verify_chain()
    assert report.ok and report.count == 6


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("reason", "nothing to see"),
        ("action", "view"),
        ("object_id", "999"),
        ("ip", "198.51.100.1"),
        ("username", "someone_else"),
        ("extra_json", '{"added":true}'),
    ],
)
def test_edited_field_breaks_at_that_entry(trail: list[AuditEntry], column: str, value: str) -> None:
    target = trail[3]
    raw(f"UPDATE {{table}} SET {column} = %s WHERE id = %s", value, target.pk)
    report = verify_chain()
    assert not report.ok
    assert report.first_break is not None and report.first_break.entry_id == target.pk
    assert report.count == 3


def test_edited_time_breaks_at_that_entry(trail: list[AuditEntry]) -> None:
    target = trail[1]
    moved = target.created_at.replace(year=target.created_at.year - 1)
    raw(
        "UPDATE {table} SET created_at = %s WHERE id = %s",
        connection.ops.adapt_datetimefield_value(moved),
        target.pk,
    )
    report = verify_chain()
    assert report.first_break is not None and report.first_break.entry_id == target.pk


def test_edit_with_recomputed_hash_breaks_at_the_next_entry(trail: list[AuditEntry]) -> None:
    from fourfold.web.audit.chain import compute_hash

    target = trail[2]
    target.reason = "rewritten"
    forged = compute_hash(target.chain_fields())
    raw("UPDATE {table} SET reason = %s, entry_hash = %s WHERE id = %s", "rewritten", forged, target.pk)
    report = verify_chain()
    assert report.first_break is not None and report.first_break.entry_id == trail[3].pk
    assert "link" in report.first_break.reason


def test_deleted_row_breaks_at_the_entry_after_it(trail: list[AuditEntry]) -> None:
    raw("DELETE FROM {table} WHERE id = %s", trail[2].pk)
    report = verify_chain()
    assert report.first_break is not None and report.first_break.entry_id == trail[3].pk
    assert report.count == 2


def test_deleted_newest_row_is_caught_by_the_head(trail: list[AuditEntry]) -> None:
    raw("DELETE FROM {table} WHERE id = %s", trail[-1].pk)
    report = verify_chain()
    assert report.first_break is not None and report.first_break.entry_id is None
    assert report.count == 5


def test_cli_prints_ok_with_the_count(trail: list[AuditEntry]) -> None:
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: 6 audit entries")


def test_cli_names_the_first_broken_entry_and_exits_1(trail: list[AuditEntry]) -> None:
    raw("UPDATE {table} SET reason = %s WHERE id = %s", "edited", trail[4].pk)
    result = CliRunner().invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert f"BROKEN at entry id {trail[4].pk} (seq 5)" in result.output
    assert "altered" in result.output
