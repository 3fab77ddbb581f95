"""Small synthetic records files for the screening tests (synthetic names only)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

BASE_COLUMNS = [
    "record_id",
    "reported_at",
    "narrative",
    "record_type",
    "recorded_class",
    "relationship",
    "victim_ref",
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_phone",
    "suspect_ref",
    "suspect_forename",
    "suspect_surname",
    "suspect_dob",
    "suspect_phone",
]


def record(record_id: str, reported_at: str, narrative: str, **extra: str) -> dict[str, str]:
    row = {c: "" for c in BASE_COLUMNS}
    row.update(record_id=record_id, reported_at=reported_at, narrative=narrative)
    row.update(extra)
    return row


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    columns = columns or list(rows[0].keys())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns])
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    return path


def write_parquet(path: Path, rows: list[dict[str, Any]]) -> Path:
    columns = list(rows[0].keys())
    table = pa.table({c: pa.array([r.get(c) for r in rows], pa.string()) for c in columns})
    pq.write_table(table, path)
    return path


def read_quarantine(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
