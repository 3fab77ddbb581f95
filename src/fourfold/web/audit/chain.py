"""The audit trail's hash chain as pure logic (no Django).

Each entry's hash is SHA-256 over a canonical JSON of its fields, and those fields include the previous
entry's hash, so altering, removing or reordering any stored entry breaks every link from there on. The
chain head (the last sequence number and hash, kept apart from the entries) makes removal of the newest
entries visible too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

# The hash that the first entry's `prev_hash` points at.
GENESIS_HASH = "0" * 64
# Bump if the hashed fields or their encoding ever change; it is part of every hashed document.
CHAIN_VERSION = 1


class AuditDataError(ValueError):
    """A value given for an audit entry cannot be stored faithfully (for example, not JSON)."""


@dataclass(frozen=True)
class EntryFields:
    """Everything the entry hash covers."""

    seq: int
    created_at: str  # ISO 8601, UTC, microseconds
    user_id: int | None
    username: str
    action: str
    object_type: str
    object_id: str
    reason: str
    ip: str
    extra: str  # canonical JSON text (see canonical_extra)
    prev_hash: str


@dataclass(frozen=True)
class StoredEntry:
    """An entry as read back from storage: its row id, its fields and the hash stored with it."""

    id: int
    fields: EntryFields
    entry_hash: str


@dataclass(frozen=True)
class ChainBreak:
    """The first place where the stored chain does not hold."""

    entry_id: int | None  # None when the break is at the head (newest entries missing)
    seq: int | None
    reason: str


@dataclass(frozen=True)
class ChainReport:
    count: int
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def timestamp(moment: datetime) -> str:
    """The canonical text of an entry's time: UTC with microseconds."""
    if moment.tzinfo is None:
        raise AuditDataError("audit timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical_extra(extra: Mapping[str, Any] | None) -> str:
    """The canonical JSON text of an entry's `extra` mapping; refuses values JSON cannot hold exactly."""
    if extra is None:
        return "{}"
    if not isinstance(extra, Mapping):
        raise AuditDataError(f"audit extra must be a mapping, not {type(extra).__name__}")
    try:
        text = _dumps(dict(extra))
    except (TypeError, ValueError) as error:
        raise AuditDataError(f"audit extra is not plain JSON: {error}") from error
    if json.loads(text) != dict(extra):
        raise AuditDataError("audit extra does not survive a JSON round trip (use str keys and plain values)")
    return text


def canonical_bytes(fields: EntryFields) -> bytes:
    document = asdict(fields)
    document["v"] = CHAIN_VERSION
    return _dumps(document).encode("utf-8")


def compute_hash(fields: EntryFields) -> str:
    return hashlib.sha256(canonical_bytes(fields)).hexdigest()


def verify_entries(entries: Iterable[StoredEntry], *, head: tuple[int, str] | None) -> ChainReport:
    """Walk entries in sequence order and report the first broken link.

    `head` is the (seq, hash) the store says the chain ends at; None means the store has no head record.
    """
    count = 0
    expected_seq = 1
    prev_hash = GENESIS_HASH
    for entry in entries:
        fields = entry.fields
        if fields.seq != expected_seq:
            if fields.seq > expected_seq:
                reason = (
                    f"sequence jumps from {expected_seq - 1} to {fields.seq}: entries before it were removed"
                )
            else:
                reason = f"sequence {fields.seq} repeated or out of order (expected {expected_seq})"
            return ChainReport(count, ChainBreak(entry.id, fields.seq, reason))
        if compute_hash(fields) != entry.entry_hash:
            return ChainReport(
                count,
                ChainBreak(entry.id, fields.seq, "contents do not match the stored hash: entry altered"),
            )
        if fields.prev_hash != prev_hash:
            return ChainReport(
                count,
                ChainBreak(
                    entry.id, fields.seq, "link to the previous entry is broken: an earlier entry changed"
                ),
            )
        count += 1
        expected_seq += 1
        prev_hash = entry.entry_hash
    last_seq = expected_seq - 1
    if head is None:
        if count:
            return ChainReport(count, ChainBreak(None, None, "the chain head record is missing"))
        return ChainReport(count, None)
    head_seq, head_hash = head
    if (head_seq, head_hash) != (last_seq, prev_hash if count else GENESIS_HASH):
        if head_seq > last_seq:
            reason = (
                f"the head records entry {head_seq} but the trail ends at {last_seq}: newest entries removed"
            )
        else:
            reason = f"the head (entry {head_seq}) does not match the last entry ({last_seq})"
        return ChainReport(count, ChainBreak(None, head_seq, reason))
    return ChainReport(count, None)
