"""`fourfold load DIR`: put a screening run's findings (design.md §4.3) into the review database.

- Idempotent: the same run (same findings.jsonl and records file) loaded twice changes nothing.
- A newer run updates findings in place (matched on `finding_id`, else on the victim-suspect pair),
  bumps their version so a reviewer looking at the old content gets a conflict instead of deciding on
  stale evidence, and keeps every decision already made. Findings missing from the newer run are kept
  (with their decisions) but marked as no longer current.
- Bulk inserts in chunks, inside one transaction: a bad line stops the load with its line number and
  leaves the database as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from fourfold.web.review.models import (
    DecisionStatus,
    Finding,
    FindingRecord,
    FindingRiskFlag,
    Person,
    Record,
    ScreeningRun,
)

CHUNK = 2000
RECORD_FILE_NAMES = ("records.parquet", "records.jsonl", "records.csv")
RECORD_FIELDS = ("reported_at", "occurred_at", "record_type", "recorded_class", "offence_code", "narrative")
PERSON_FIELDS = (
    "forename",
    "surname",
    "dob",
    "sex",
    "address",
    "postcode",
    "phone",
    "email",
    "online_handle",
)
FOUR_ELEMENTS = ("fixated", "obsessive", "unwanted", "repeated")
CLASSIFICATIONS = ("stalking", "harassment", "none")
FINDING_CONTENT_FIELDS = (
    "content_sha256",
    "victim",
    "suspect",
    "first_date",
    "last_date",
    "occasions",
    "record_count",
    "relationship",
    "classification",
    "offence",
    "hocr_class",
    "ho_offence_code",
    "regime",
    "rationale",
    "recommendation",
    "recorded_classes",
    "misrecorded",
    "priority",
    "priority_reasons",
    "risk_flags",
    "four_present",
    "behaviours",
    "four",
    "s4a",
    "possible_records",
    "record_ids",
    "spans",
)


class LoadError(Exception):
    """The screening output cannot be loaded; the message says where and why, in one line."""


@dataclass
class LoadResult:
    run_id: int
    already_loaded: bool = False
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    records: int = 0
    records_source: str = ""
    warnings: list[str] = field(default_factory=list)


def _findings_path(directory: Path) -> Path:
    if directory.is_file() and directory.name.endswith(".jsonl"):
        return directory
    path = directory / "findings.jsonl"
    if not path.is_file():
        raise LoadError(f"{path} not found: point `fourfold load` at a `fourfold screen` output folder")
    return path


def find_records_file(directory: Path) -> Path | None:
    """The records the screening read, if the output folder holds them (for the timeline's narratives)."""
    if directory.is_file():
        directory = directory.parent
    for name in RECORD_FILE_NAMES:
        if (directory / name).is_file():
            return directory / name
    return None


def _sha256(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def _iter_findings(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LoadError(f"{path.name} line {number}: not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise LoadError(f"{path.name} line {number}: expected a JSON object")
            yield number, obj


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    # PostgreSQL cannot store NUL: a corrupt export's NUL shows as the replacement character, not dropped.
    return str(value).replace("\x00", "\ufffd").strip()


def _date(value: Any, where: str, name: str) -> date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise LoadError(f"{where}: {name} {text!r} is not an ISO 8601 date") from None


def _finding_ids(obj: dict[str, Any]) -> list[str]:
    ids = [_text(r) for r in obj.get("record_ids") or []]
    for item in obj.get("possible_record_ids") or []:
        rid = item.get("record_id") if isinstance(item, dict) else item
        ids.append(_text(rid))
    return [i for i in ids if i]


@dataclass
class _Parsed:
    line: int
    finding_id: str
    victim_id: str
    suspect_id: str
    sha: str
    fields: dict[str, Any]
    timeline: list[tuple[str, bool, str]]  # (record_id, possible, why possible or how it was linked)
    flags: list[str]
    hints: dict[str, dict[str, str]]  # what the finding itself says about its records (date, recorded class)


def _parse(line: int, obj: dict[str, Any], source: str) -> _Parsed:
    where = f"{source} line {line}"
    finding_id = _text(obj.get("finding_id"))
    victim_id = _text(obj.get("victim_id"))
    if not finding_id:
        raise LoadError(f"{where}: missing finding_id")
    if not victim_id:
        raise LoadError(f"{where}: finding {finding_id} has no victim_id")
    rec = obj.get("recommendation")
    if not isinstance(rec, dict):
        raise LoadError(f"{where}: finding {finding_id} has no recommendation object")
    classification = _text(rec.get("classification"))
    if classification not in CLASSIFICATIONS:
        raise LoadError(
            f"{where}: recommendation.classification {classification!r} is not one of {CLASSIFICATIONS}"
        )
    try:
        priority = float(obj.get("priority") or 0.0)
    except (TypeError, ValueError):
        raise LoadError(f"{where}: priority {obj.get('priority')!r} is not a number") from None
    if not 0.0 <= priority <= 1.0:
        raise LoadError(f"{where}: priority {priority} is outside 0..1")
    try:
        occasions = int(obj.get("occasions") or 0)
    except (TypeError, ValueError):
        raise LoadError(f"{where}: occasions {obj.get('occasions')!r} is not a whole number") from None
    record_ids = [_text(r) for r in obj.get("record_ids") or [] if _text(r)]
    possible = []
    for item in obj.get("possible_record_ids") or []:
        if isinstance(item, dict):
            possible.append((_text(item.get("record_id")), _text(item.get("reason"))))
        else:
            possible.append((_text(item), ""))
    linked = {
        _text(item.get("record_id")): _text(item.get("reason"))
        for item in obj.get("linked_via") or []
        if isinstance(item, dict) and _text(item.get("record_id"))
    }
    timeline: list[tuple[str, bool, str]] = []
    seen: set[str] = set()
    for rid in record_ids:
        if rid not in seen:
            seen.add(rid)
            timeline.append((rid, False, linked.get(rid, "")))
    for rid, reason in possible:
        if rid and rid not in seen:
            seen.add(rid)
            timeline.append((rid, True, reason))
    four = obj.get("four") if isinstance(obj.get("four"), dict) else {}
    four_present = sum(1 for e in FOUR_ELEMENTS if isinstance(four.get(e), dict) and four[e].get("present"))
    flags = sorted({_text(f) for f in obj.get("risk_flags") or [] if _text(f)})
    fields = {
        "first_date": _date(obj.get("first_date"), where, "first_date"),
        "last_date": _date(obj.get("last_date"), where, "last_date"),
        "occasions": occasions,
        "record_count": len(record_ids),
        "relationship": _text(obj.get("relationship")),
        "classification": classification,
        "offence": _text(rec.get("offence")),
        "hocr_class": _text(rec.get("hocr_class")),
        "ho_offence_code": _text(rec.get("ho_offence_code")),
        "regime": _text(rec.get("regime")),
        "rationale": _text(rec.get("rationale")),
        "recommendation": rec,
        "recorded_classes": [_text(c) for c in obj.get("recorded_classes") or [] if _text(c)],
        "misrecorded": bool(obj.get("misrecorded")),
        "priority": priority,
        "priority_reasons": list(obj.get("priority_reasons") or []),
        "risk_flags": flags,
        "four_present": four_present,
        "behaviours": list(obj.get("behaviours") or []),
        "four": four,
        "s4a": obj.get("s4a") if isinstance(obj.get("s4a"), dict) else {},
        "possible_records": [{"record_id": r, "reason": why} for r, why in possible if r],
        "record_ids": record_ids,
    }
    # Optional keys the screening adds beside design.md §4.3: a per-record timeline and evidence offsets.
    hints: dict[str, dict[str, str]] = {}
    for item in obj.get("timeline") or []:
        if isinstance(item, dict) and _text(item.get("record_id")):
            hints[_text(item["record_id"])] = {
                "reported_at": _text(item.get("date")),
                "recorded_class": _text(item.get("recorded_class")),
            }
    spans = [s for s in obj.get("evidence_spans") or [] if isinstance(s, dict) and s.get("record_id")]
    fields["spans"] = spans
    sha = hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()
    return _Parsed(
        line, finding_id, victim_id, _text(obj.get("suspect_id")), sha, fields, timeline, flags, hints
    )


def _read_records(path: Path, wanted: set[str]) -> dict[str, dict[str, str]]:
    """The rows of the records file whose record_id a finding mentions, with lower-cased column names."""
    import pandas as pd

    def keep(frame: pd.DataFrame) -> pd.DataFrame:
        frame.columns = [str(c).strip().lower() for c in frame.columns]
        if "record_id" not in frame.columns:
            raise LoadError(f"{path.name}: no record_id column")
        frame["record_id"] = frame["record_id"].astype(str).str.strip()
        return frame[frame["record_id"].isin(wanted)]

    try:
        if path.suffix == ".parquet":
            frames = [keep(pd.read_parquet(path).astype(str))]
        elif path.suffix == ".jsonl":
            frames = [
                keep(c.astype(str)) for c in pd.read_json(path, lines=True, dtype=False, chunksize=50_000)
            ]
        else:
            frames = [
                keep(c)
                for c in pd.read_csv(
                    path, dtype=str, keep_default_na=False, chunksize=50_000, encoding="utf-8"
                )
            ]
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure becomes a one-line message
        raise LoadError(f"{path.name}: cannot read records ({type(exc).__name__}: {exc})") from None
    rows: dict[str, dict[str, str]] = {}
    for frame in frames:
        for row in frame.to_dict(orient="records"):
            rows[row["record_id"]] = {
                k: ("" if v in ("nan", "None", "NaT") else _text(v)) for k, v in row.items()
            }
    return rows


def _person_details(parsed: _Parsed, role: str, records: dict[str, dict[str, str]]) -> dict[str, str]:
    """A person's details from the latest of the finding's records naming them (chronological)."""
    details: dict[str, str] = {}
    for rid in reversed(parsed.fields["record_ids"]):
        row = records.get(rid)
        if not row:
            continue
        for name in PERSON_FIELDS:
            value = row.get(f"{role}_{name}", "")
            if value and name not in details:
                details[name] = value
    return details


def load_run(
    directory: Path,
    *,
    records_file: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Load DIR/findings.jsonl (and DIR/records.* when present) into the review tables."""
    directory = Path(directory)
    if not directory.exists():
        raise LoadError(f"{directory} does not exist")
    findings_path = _findings_path(directory)
    records_path = records_file or find_records_file(directory)
    if records_path is not None and not records_path.is_file():
        raise LoadError(f"records file {records_path} not found")
    sha = _sha256([findings_path] + ([records_path] if records_path else []))
    existing_run = ScreeningRun.objects.filter(content_sha256=sha).first()
    if existing_run is not None:
        return LoadResult(run_id=existing_run.pk, already_loaded=True, total=existing_run.findings_total)

    # Pass 1: validate every line and collect the record ids the findings mention.
    wanted: set[str] = set()
    finding_ids: set[str] = set()
    for number, obj in _iter_findings(findings_path):
        parsed = _parse(number, obj, findings_path.name)
        if parsed.finding_id in finding_ids:
            raise LoadError(
                f"{findings_path.name} line {number}: finding_id {parsed.finding_id} appears twice"
            )
        finding_ids.add(parsed.finding_id)
        wanted.update(_finding_ids(obj))
    records = _read_records(records_path, wanted) if records_path else {}
    result = LoadResult(run_id=0, records_source=str(records_path or ""))
    missing = len(wanted - records.keys())
    if records_path and missing:
        result.warnings.append(f"{missing} record ids in the findings are not in {records_path.name}")
    if not records_path:
        result.warnings.append(
            "no records file beside findings.jsonl: timelines show the evidence quotes only"
        )

    with transaction.atomic():
        run = ScreeningRun.objects.create(content_sha256=sha, source=str(findings_path))
        result.run_id = run.pk
        chunk: list[_Parsed] = []
        for number, obj in _iter_findings(findings_path):
            chunk.append(_parse(number, obj, findings_path.name))
            if len(chunk) >= CHUNK:
                _load_chunk(chunk, run, records, result)
                if progress:
                    progress(len(chunk))
                chunk = []
        if chunk:
            _load_chunk(chunk, run, records, result)
            if progress:
                progress(len(chunk))
        result.retired = Finding.objects.filter(current=True).exclude(last_seen_run=run).update(current=False)
        run.findings_total = result.total
        run.findings_created = result.created
        run.findings_updated = result.updated
        run.findings_unchanged = result.unchanged
        run.findings_retired = result.retired
        run.records_loaded = result.records
        run.save()
    _refresh_statistics()
    return result


def _refresh_statistics() -> None:
    """After a bulk load, give PostgreSQL fresh statistics (so the queue's indexes get used) and, outside a
    transaction, a visibility map (so counts come from the indexes alone)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    tables = ", ".join(
        connection.ops.quote_name(m._meta.db_table)
        for m in (Finding, FindingRecord, FindingRiskFlag, Person, Record)
    )
    with connection.cursor() as cursor:
        cursor.execute(("ANALYZE " if connection.in_atomic_block else "VACUUM (ANALYZE) ") + tables)


def _upsert_people(chunk: list[_Parsed], records: dict[str, dict[str, str]]) -> dict[str, int]:
    details: dict[str, dict[str, str]] = {}
    for parsed in chunk:
        details.setdefault(parsed.victim_id, {}).update(_person_details(parsed, "victim", records))
        if parsed.suspect_id:
            details.setdefault(parsed.suspect_id, {}).update(_person_details(parsed, "suspect", records))
    existing = {p.person_id: p for p in Person.objects.filter(person_id__in=list(details))}
    new = [Person(person_id=pid, **d) for pid, d in details.items() if pid not in existing]
    Person.objects.bulk_create(new, batch_size=CHUNK)
    changed = []
    for pid, d in details.items():
        person = existing.get(pid)
        if person is not None and any(getattr(person, k) != v for k, v in d.items()):
            for k, v in d.items():
                setattr(person, k, v)
            changed.append(person)
    if changed:
        Person.objects.bulk_update(changed, list(PERSON_FIELDS), batch_size=CHUNK)
    return dict(Person.objects.filter(person_id__in=list(details)).values_list("person_id", "id"))


def _upsert_records(chunk: list[_Parsed], records: dict[str, dict[str, str]]) -> tuple[dict[str, int], int]:
    ids = {rid for parsed in chunk for rid, _, _ in parsed.timeline}
    hints = {rid: hint for parsed in chunk for rid, hint in parsed.hints.items()}
    existing = {r.record_id: r for r in Record.objects.filter(record_id__in=list(ids))}
    new, changed = [], []
    for rid in ids:
        row = records.get(rid)
        values = {name: (row or hints.get(rid) or {}).get(name, "") for name in RECORD_FIELDS}
        record = existing.get(rid)
        if record is None:
            new.append(Record(record_id=rid, **values))
        elif row is not None and any(getattr(record, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(record, k, v)
            changed.append(record)
    Record.objects.bulk_create(new, batch_size=CHUNK)
    if changed:
        Record.objects.bulk_update(changed, list(RECORD_FIELDS), batch_size=CHUNK)
    return dict(Record.objects.filter(record_id__in=list(ids)).values_list("record_id", "id")), len(
        new
    ) + len(changed)


def _load_chunk(
    chunk: list[_Parsed], run: ScreeningRun, records: dict[str, dict[str, str]], result: LoadResult
) -> None:
    people = _upsert_people(chunk, records)
    record_pks, records_written = _upsert_records(chunk, records)
    result.records += records_written
    by_id = {
        f.finding_id: f
        for f in Finding.objects.filter(finding_id__in=[p.finding_id for p in chunk]).only(
            "id", "finding_id", "content_sha256", "current", "version"
        )
    }
    # A finding whose id changed between runs is still the same victim–suspect pair: keep its review history.
    unmatched = [p for p in chunk if p.finding_id not in by_id]
    if unmatched:
        pairs = {
            (people[p.victim_id], people.get(p.suspect_id) if p.suspect_id else None): p for p in unmatched
        }
        candidates = (
            Finding.objects.filter(victim_id__in={v for v, _ in pairs})
            .exclude(finding_id__in=[p.finding_id for p in chunk])
            .exclude(last_seen_run=run)
            .only("id", "finding_id", "content_sha256", "current", "version", "victim_id", "suspect_id")
        )
        for candidate in candidates:
            parsed = pairs.pop((candidate.victim_id, candidate.suspect_id), None)
            if parsed is not None:
                candidate.finding_id = parsed.finding_id
                by_id[parsed.finding_id] = candidate
    now = timezone.now()
    new: list[Finding] = []
    changed: list[Finding] = []
    seen_unchanged: list[int] = []
    rebuild: list[tuple[Finding, _Parsed]] = []
    for parsed in chunk:
        values = dict(parsed.fields)
        values["victim_id"] = people[parsed.victim_id]
        values["suspect_id"] = people[parsed.suspect_id] if parsed.suspect_id else None
        finding = by_id.get(parsed.finding_id)
        if finding is None:
            finding = Finding(
                finding_id=parsed.finding_id, run=run, last_seen_run=run, content_sha256=parsed.sha, **values
            )
            new.append(finding)
            rebuild.append((finding, parsed))
        elif finding.content_sha256 != parsed.sha or not finding.current:
            for k, v in values.items():
                setattr(finding, k, v)
            finding.content_sha256 = parsed.sha
            finding.run = run
            finding.last_seen_run = run
            finding.current = True
            finding.updated_at = now
            finding.version = finding.version + 1
            changed.append(finding)
            rebuild.append((finding, parsed))
        else:
            seen_unchanged.append(finding.pk)
    Finding.objects.bulk_create(new, batch_size=CHUNK)
    if changed:
        Finding.objects.bulk_update(
            changed,
            [
                *FINDING_CONTENT_FIELDS,
                "finding_id",
                "run",
                "last_seen_run",
                "current",
                "updated_at",
                "version",
            ],
            batch_size=500,
        )
    if seen_unchanged:
        Finding.objects.filter(pk__in=seen_unchanged).update(last_seen_run=run)
    if new and new[0].pk is None:  # databases that do not return ids from bulk inserts
        ids = dict(
            Finding.objects.filter(finding_id__in=[f.finding_id for f in new]).values_list("finding_id", "id")
        )
        for f in new:
            f.pk = f.id = ids[f.finding_id]
    rebuilt_ids = [f.pk for f, _ in rebuild if f.pk is not None and f in changed]
    if rebuilt_ids:
        FindingRecord.objects.filter(finding_id__in=rebuilt_ids).delete()
        FindingRiskFlag.objects.filter(finding_id__in=rebuilt_ids).delete()
    links: list[FindingRecord] = []
    flags: list[FindingRiskFlag] = []
    for finding, parsed in rebuild:
        for position, (rid, possible, reason) in enumerate(parsed.timeline):
            links.append(
                FindingRecord(
                    finding_id=finding.pk,
                    record_id=record_pks[rid],
                    position=position,
                    possible=possible,
                    possible_reason=reason[:1000] if possible else "",
                    link_reason="" if possible else reason[:1000],
                )
            )
        flags.extend(FindingRiskFlag(finding_id=finding.pk, flag=flag[:100]) for flag in parsed.flags)
    FindingRecord.objects.bulk_create(links, batch_size=CHUNK)
    FindingRiskFlag.objects.bulk_create(flags, batch_size=CHUNK)
    result.total += len(chunk)
    result.created += len(new)
    result.updated += len(changed)
    result.unchanged += len(seen_unchanged)


def decision_status_counts() -> dict[str, int]:
    """How many findings are in each review state (for the load summary)."""
    from django.db.models import Count

    counts = {s.value: 0 for s in DecisionStatus}
    for row in Finding.objects.values("decision_status").annotate(n=Count("id")):
        counts[row["decision_status"]] = row["n"]
    return counts
