"""record_audit: entries chained in order, the request's IP, and no changes through the ORM."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from fourfold.web.audit.chain import GENESIS_HASH, AuditDataError
from fourfold.web.audit.models import AuditChainHead, AuditEntry, AuditEntryImmutable
from fourfold.web.audit.services import record_audit, verify_chain

pytestmark = pytest.mark.django_db


def test_entries_are_chained_in_sequence(make_user: Any) -> None:
    user = make_user("registrar1", "registrar")
    first = record_audit(user=user, action="decide", object_type="finding", object_id=12, reason="stalking")
    second = record_audit(user=user, action="decide", object_type="finding", object_id=13)
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH and second.prev_hash == first.entry_hash
    assert first.username == "registrar1" and first.object_id == "12" and first.reason == "stalking"
    head = AuditChainHead.objects.get(pk=1)
    assert (head.seq, head.entry_hash) == (2, second.entry_hash)
    report = verify_chain()
    assert report.ok and report.count == 2


def test_stored_entry_hash_survives_the_database_round_trip(make_user: Any) -> None:
    entry = record_audit(
        user=make_user(), action="x", extra={"nested": {"b": [1, 2.5, None, True]}, "a": "é"}
    )
    reread = AuditEntry.objects.get(pk=entry.pk)
    assert reread.chain_fields() == entry.chain_fields()
    assert reread.extra == {"nested": {"b": [1, 2.5, None, True]}, "a": "é"}


def test_ip_comes_from_the_request() -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.44")
    entry = record_audit(user=None, action="sign_in_failed", request=request)
    assert entry.ip == "192.0.2.44" and entry.user is None and entry.username == ""


def test_forwarded_for_is_ignored_unless_a_proxy_is_trusted(settings: Any) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert record_audit(user=None, action="a", request=request).ip == "10.0.0.9"
    settings.FOURFOLD_PROXY_COUNT = 1
    # The client may send its own X-Forwarded-For; only the entry the trusted proxy appended counts.
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7"
    )
    assert record_audit(user=None, action="a", request=request).ip == "203.0.113.7"
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="not-an-address")
    assert record_audit(user=None, action="a", request=request).ip == "10.0.0.9"


def test_bad_input_is_refused_with_a_clear_error() -> None:
    with pytest.raises(AuditDataError, match="not plain JSON"):
        record_audit(user=None, action="x", extra={"obj": object()})
    with pytest.raises(ValueError, match="needs an action"):
        record_audit(user=None, action="")
    assert AuditEntry.objects.count() == 0


def test_entries_cannot_be_changed_or_deleted_through_the_orm() -> None:
    entry = record_audit(user=None, action="x")
    entry.reason = "rewritten"
    with pytest.raises(AuditEntryImmutable):
        entry.save()
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="rewritten")
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.create(seq=99, action="forged", prev_hash="a" * 64, entry_hash="b" * 64)
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_an_audited_user_cannot_be_deleted(make_user: Any) -> None:
    from django.db.models import ProtectedError

    user = make_user("investigator1", "investigator")
    record_audit(user=user, action="x")
    with pytest.raises(ProtectedError):
        user.delete()
