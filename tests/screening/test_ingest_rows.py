"""Bad rows are quarantined with row number, column and reason; counts in = counts out + quarantined."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from fourfold.screening.ingest import ingest
from fourfold.screening.schema import MAX_FIELD_CHARS, MAX_NARRATIVE_CHARS

from .helpers import read_quarantine, record, write_csv, write_jsonl, write_parquet

TODAY = dt.date(2026, 11, 30)


def _run(path: Path, tmp_path: Path):
    result = ingest(path, tmp_path / "records.parquet", tmp_path / "quarantine.csv", today=TODAY)
    kept = pd.read_parquet(tmp_path / "records.parquet")
    return result, kept, read_quarantine(tmp_path / "quarantine.csv")


BAD_ROWS = [
    (record("B1", "2024-02-30", "He followed me."), "reported_at", "bad date"),
    (record("B2", "", "He followed me."), "reported_at", "bad date"),
    (record("B3", "2024-01-01", "   "), "narrative", "empty narrative"),
    (record("", "2024-01-01", "He followed me."), "record_id", "empty record id"),
    (record("G1", "2024-01-03", "A duplicate of a good record id."), "record_id", "duplicate record id"),
    (record("B5", "2024-01-01", "x" * (MAX_NARRATIVE_CHARS + 1)), "narrative", "oversized field"),
    (
        record("B6", "2024-01-01", "He called.", victim_surname="y" * (MAX_FIELD_CHARS + 1)),
        "victim_surname",
        "oversized field",
    ),
    (record("B7", "2024-01-01", "He called.", relationship="boss"), "relationship", "bad relationship value"),
    (record("B8", "2024-01-01", "He called.", record_type="rumour"), "record_type", "bad record type"),
    (record("B9", "2024-01-01", "He called.", victim_dob="31/12/1990"), "victim_dob", "bad date"),
    (record("B10", "2099-01-01", "He called."), "reported_at", "bad date"),
]
GOOD_ROWS = [
    record("G1", "2024-01-02", "He followed me to work.", relationship="Ex-Partner"),
    record("G2", "2024-01-05T10:15:00", "He sent me 20 messages.", record_type="CRIME", recorded_class="8l"),
    record("G3", "2024-01-09T10:15:00Z", "Line one\nline two, with a comma.", relationship="stranger"),
]


def _rows() -> list[dict[str, str]]:
    return [GOOD_ROWS[0], *(row for row, _c, _r in BAD_ROWS), GOOD_ROWS[1], GOOD_ROWS[2]]


@pytest.mark.parametrize("writer", [write_csv, write_jsonl, write_parquet], ids=["csv", "jsonl", "parquet"])
def test_each_bad_row_is_quarantined_with_reason(tmp_path: Path, writer) -> None:
    suffix = {"write_csv": ".csv", "write_jsonl": ".jsonl", "write_parquet": ".parquet"}[writer.__name__]
    path = writer(tmp_path / f"input{suffix}", _rows())
    result, kept, quarantine = _run(path, tmp_path)
    assert result.rows_in == len(_rows())
    assert result.rows_in == result.rows_valid + result.rows_quarantined
    assert sorted(kept["record_id"]) == ["G1", "G2", "G3"]
    assert [(q["row_number"], q["column"], q["reason"]) for q in quarantine] == [
        (str(i + 2), column, reason) for i, (_row, column, reason) in enumerate(BAD_ROWS)
    ]


def test_values_are_normalised(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", GOOD_ROWS)
    _result, kept, _q = _run(path, tmp_path)
    by_id = kept.set_index("record_id")
    assert by_id.loc["G1", "relationship"] == "ex_partner"
    assert by_id.loc["G2", "record_type"] == "crime"
    assert by_id.loc["G2", "recorded_class"] == "8L"
    assert by_id.loc["G3", "reported_date"] == dt.date(2024, 1, 9)
    assert by_id.loc["G3", "narrative"] == "Line one\nline two, with a comma."


def test_column_names_are_case_insensitive_and_extras_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("RECORD_ID,Reported_At,NARRATIVE,Officer_Notes\nR1,2024-03-01,He waited outside.,n/a\n")
    result, kept, _q = _run(path, tmp_path)
    assert result.rows_valid == 1 and kept.loc[0, "narrative"] == "He waited outside."
    assert result.extra_columns == ["officer_notes"]


def test_unreadable_encoding_in_one_row(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(
        b"record_id,reported_at,narrative\nR1,2024-01-01,He called.\nR2,2024-01-02,caf\xe9 latin-1\n"
        b"R3,2024-01-03,He called again.\n"
    )
    result, kept, quarantine = _run(path, tmp_path)
    assert list(kept["record_id"]) == ["R1", "R3"]
    assert quarantine == [
        {
            "row_number": "2",
            "record_id": "R2",
            "column": "narrative",
            "reason": "unreadable encoding",
            "detail": "not UTF-8 text",
        }
    ]


def test_wrong_field_count_and_nul(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(
        b"record_id,reported_at,narrative\nR1,2024-01-01\nR2,2024-01-02,ok\x00ok\nR3,2024-01-03,fine\n"
    )
    result, kept, quarantine = _run(path, tmp_path)
    assert list(kept["record_id"]) == ["R3"]
    assert [q["reason"] for q in quarantine] == ["wrong number of fields", "unreadable encoding"]
    assert result.rows_in == 3


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(
        b'{"record_id": "R1", "reported_at": "2024-01-01", "narrative": "He called."}\n'
        b'{"record_id": "R2", "reported_at": \n'
        b'["not", "an", "object"]\n'
        b'{"record_id": "R4", "reported_at": "2024-01-01", "narrative": {"nested": true}}\n'
        b'{"record_id": "R5", "reported_at": "2024-01-01", "narrative": "caf\xe9"}\n'
        b"\n"
        b'{"record_id": 6, "reported_at": "2024-01-02", "narrative": "He called again.", "extra": [1]}\n'
    )
    result, kept, quarantine = _run(path, tmp_path)
    assert list(kept["record_id"]) == ["R1", "6"]
    assert [(q["row_number"], q["reason"]) for q in quarantine] == [
        ("2", "unreadable JSON"),
        ("3", "not a JSON object"),
        ("4", "nested value"),
        ("5", "unreadable encoding"),
    ]
    assert result.rows_in == result.rows_valid + result.rows_quarantined == 6


def test_byte_order_marks_are_ignored(tmp_path: Path) -> None:
    csv_path = tmp_path / "bom.csv"
    csv_path.write_bytes(b"\xef\xbb\xbfRecord_ID,reported_at,narrative\nR1,2024-01-01,He called.\n")
    jsonl_path = tmp_path / "bom.jsonl"
    jsonl_path.write_bytes(
        b'\xef\xbb\xbf{"record_id": "R1", "reported_at": "2024-01-01", "narrative": "He called."}\n'
    )
    for path in (csv_path, jsonl_path):
        result, kept, _q = _run(path, tmp_path)
        assert result.rows_valid == 1 and list(kept["record_id"]) == ["R1"]
