"""Writing to and checking the audit trail. Every feature records what people do through `record_audit`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from fourfold.web.audit.chain import (
    GENESIS_HASH,
    ChainReport,
    EntryFields,
    StoredEntry,
    canonical_extra,
    compute_hash,
    timestamp,
    verify_entries,
)
from fourfold.web.audit.models import AuditChainHead, AuditEntry


class AuditChainError(RuntimeError):
    """The trail cannot be appended to safely (its head record is missing while entries exist)."""


def client_ip(request: HttpRequest | None) -> str:
    """The client's address, resolved the same way as for the sign-in lockout."""
    if request is None:
        return ""
    from fourfold.web.client_ip import client_ip as resolve

    return resolve(request)


def _locked_head() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    if AuditEntry.objects.exists():
        raise AuditChainError(
            "the audit chain head is missing while entries exist; run `fourfold audit verify`"
        )
    try:
        with transaction.atomic():
            AuditChainHead.objects.create(pk=1, seq=0, entry_hash=GENESIS_HASH)
    except IntegrityError:
        pass  # another writer created it first
    return AuditChainHead.objects.select_for_update().get(pk=1)


def record_audit(
    *,
    user: Any,
    action: str,
    object_type: str = "",
    object_id: str | int = "",
    reason: str = "",
    request: HttpRequest | None = None,
    extra: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the audit trail and return it.

    `user` may be None or anonymous (for example a failed sign-in). Writers are serialised by locking the
    chain head row inside a transaction (SELECT ... FOR UPDATE on PostgreSQL; SQLite takes its write lock
    at BEGIN IMMEDIATE), so two entries can never claim the same predecessor.
    """
    if not action:
        raise ValueError("an audit entry needs an action")
    extra_text = canonical_extra(extra)
    actor = user if (user is not None and getattr(user, "is_authenticated", False)) else None
    ip = client_ip(request)
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(
            seq=head.seq + 1,
            created_at=timezone.now(),
            user=actor,
            username=actor.get_username() if actor is not None else "",
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            reason=reason,
            ip=ip,
            extra_json=extra_text,
            prev_hash=head.entry_hash,
        )
        entry.entry_hash = compute_hash(entry.chain_fields())
        entry._appended_by_service = True  # type: ignore[attr-defined]
        entry.save(force_insert=True)
        head.seq = entry.seq
        head.entry_hash = entry.entry_hash
        head.save(update_fields=["seq", "entry_hash"])
    return entry


def _stored_entries(chunk_size: int = 5000) -> Iterator[StoredEntry]:
    rows = AuditEntry.objects.order_by("seq").values_list(
        "id",
        "seq",
        "created_at",
        "user_id",
        "username",
        "action",
        "object_type",
        "object_id",
        "reason",
        "ip",
        "extra_json",
        "prev_hash",
        "entry_hash",
    )
    for row in rows.iterator(chunk_size=chunk_size):
        (pk, seq, created_at, user_id, username, action, otype, oid, reason, ip, extra, prev, ehash) = row
        fields = EntryFields(
            seq=seq,
            created_at=timestamp(created_at),
            user_id=user_id,
            username=username,
            action=action,
            object_type=otype,
            object_id=oid,
            reason=reason,
            ip=ip,
            extra=extra,
            prev_hash=prev,
        )
        yield StoredEntry(id=pk, fields=fields, entry_hash=ehash)


def verify_chain() -> ChainReport:
    """Check every entry and the head; the report names the first broken link, if any."""
    head_row = AuditChainHead.objects.filter(pk=1).values_list("seq", "entry_hash").first()
    head = (head_row[0], head_row[1]) if head_row else None
    return verify_entries(_stored_entries(), head=head)
