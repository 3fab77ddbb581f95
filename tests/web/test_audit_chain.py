"""The hash chain's pure logic (no database)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from fourfold.web.audit.chain import (
    GENESIS_HASH,
    AuditDataError,
    EntryFields,
    StoredEntry,
    canonical_bytes,
    canonical_extra,
    compute_hash,
    timestamp,
    verify_entries,
)


def build_chain(n: int) -> list[StoredEntry]:
    entries = []
    prev = GENESIS_HASH
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(1, n + 1):
        fields = EntryFields(
            seq=i,
            created_at=timestamp(start + timedelta(seconds=i)),
            user_id=7,
            username="analyst1",
            action="view_finding",
            object_type="finding",
            object_id=str(100 + i),
            reason="",
            ip="10.0.0.1",
            extra=canonical_extra({"n": i}),
            prev_hash=prev,
        )
        entry = StoredEntry(id=1000 + i, fields=fields, entry_hash=compute_hash(fields))
        entries.append(entry)
        prev = entry.entry_hash
    return entries


def head_of(entries: list[StoredEntry]) -> tuple[int, str]:
    return (entries[-1].fields.seq, entries[-1].entry_hash) if entries else (0, GENESIS_HASH)


def test_intact_chain_verifies_with_its_count() -> None:
    entries = build_chain(5)
    report = verify_entries(entries, head=head_of(entries))
    assert report.ok and report.count == 5


def test_empty_chain_is_ok_with_or_without_head() -> None:
    assert verify_entries([], head=(0, GENESIS_HASH)).ok
    assert verify_entries([], head=None).ok


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(EntryFields)])
def test_every_field_is_covered_by_the_hash(field: str) -> None:
    fields = build_chain(1)[0].fields
    value = getattr(fields, field)
    changed = 99 if isinstance(value, int) else (value + "x" if isinstance(value, str) else 1)
    assert compute_hash(dataclasses.replace(fields, **{field: changed})) != compute_hash(fields)


def test_altered_entry_is_reported_at_that_entry() -> None:
    entries = build_chain(5)
    tampered = dataclasses.replace(entries[2].fields, reason="edited")
    entries[2] = dataclasses.replace(entries[2], fields=tampered)
    report = verify_entries(entries, head=head_of(entries))
    assert report.first_break is not None
    assert report.first_break.entry_id == 1003 and "altered" in report.first_break.reason
    assert report.count == 2


def test_altered_entry_with_recomputed_hash_breaks_the_next_link() -> None:
    entries = build_chain(5)
    tampered = dataclasses.replace(entries[2].fields, reason="edited")
    entries[2] = StoredEntry(id=entries[2].id, fields=tampered, entry_hash=compute_hash(tampered))
    report = verify_entries(entries, head=head_of(build_chain(5)))
    assert report.first_break is not None and report.first_break.entry_id == 1004
    assert "link" in report.first_break.reason


def test_removed_entry_is_reported_at_the_entry_after_it() -> None:
    entries = build_chain(5)
    del entries[1]
    report = verify_entries(entries, head=head_of(entries))
    assert report.first_break is not None and report.first_break.entry_id == 1003
    assert "removed" in report.first_break.reason


def test_removed_newest_entries_are_caught_by_the_head() -> None:
    entries = build_chain(5)
    head = head_of(entries)
    report = verify_entries(entries[:3], head=head)
    assert report.first_break is not None
    assert report.first_break.entry_id is None and report.first_break.seq == 5
    assert report.count == 3


def test_missing_head_with_entries_is_a_break() -> None:
    report = verify_entries(build_chain(2), head=None)
    assert not report.ok and "head" in report.first_break.reason  # type: ignore[union-attr]


def test_reordered_entries_are_caught() -> None:
    entries = build_chain(4)
    entries[1], entries[2] = entries[2], entries[1]
    report = verify_entries(entries, head=head_of(build_chain(4)))
    assert report.first_break is not None and report.first_break.entry_id == 1003


def test_canonical_form_is_stable_and_key_order_free() -> None:
    assert canonical_extra({"b": 1, "a": [1, "é"]}) == canonical_extra({"a": [1, "é"], "b": 1})
    assert canonical_extra({"a": "é"}) == '{"a":"é"}'
    assert canonical_extra(None) == "{}"
    fields = build_chain(1)[0].fields
    assert canonical_bytes(fields) == canonical_bytes(dataclasses.replace(fields))
    assert b'"v":1' in canonical_bytes(fields)


@pytest.mark.parametrize(
    "extra",
    [
        {"when": datetime(2026, 1, 1)},
        {"x": float("nan")},
        {1: "int key"},
        ["not", "a", "mapping"],
        {"s": {1, 2}},
    ],
)
def test_extra_that_json_cannot_hold_exactly_is_refused(extra: object) -> None:
    with pytest.raises(AuditDataError):
        canonical_extra(extra)  # type: ignore[arg-type]


def test_timestamps_are_utc_with_microseconds_and_must_be_aware() -> None:
    moment = datetime(2026, 6, 1, 13, 0, 0, 5, tzinfo=timezone(timedelta(hours=1)))
    assert timestamp(moment) == "2026-06-01T12:00:00.000005+00:00"
    with pytest.raises(AuditDataError):
        timestamp(datetime(2026, 6, 1))
