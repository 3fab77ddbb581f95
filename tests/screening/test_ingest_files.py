"""A file unusable as a whole: one-line error, non-zero exit, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from fourfold.cli import app
from fourfold.screening.ingest import UnusableInput, ingest

from .helpers import record, write_csv, write_jsonl, write_parquet


def _ingest(path: Path, tmp_path: Path):
    return ingest(path, tmp_path / "work" / "records.parquet", tmp_path / "quarantine.csv")


def test_missing_required_column_is_unusable(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [{"record_id": "R1", "reported_at": "2024-01-01"}])
    with pytest.raises(UnusableInput, match="missing required column.*narrative"):
        _ingest(path, tmp_path)


def test_empty_file_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("")
    with pytest.raises(UnusableInput, match="empty"):
        _ingest(path, tmp_path)


def test_header_only_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("record_id,reported_at,narrative\n")
    with pytest.raises(UnusableInput, match="no records"):
        _ingest(path, tmp_path)


def test_binary_garbage_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnusableInput, match="not a table"):
        _ingest(path, tmp_path)


def test_wrong_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    with pytest.raises(UnusableInput, match="unsupported file type"):
        _ingest(path, tmp_path)


def test_csv_named_parquet_is_unreadable(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.parquet", [record("R1", "2024-01-01", "He followed me.")])
    with pytest.raises(UnusableInput, match="Parquet"):
        _ingest(path, tmp_path)


def test_jsonl_without_objects_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text("this is prose\nnot json lines\n")
    with pytest.raises(UnusableInput, match="not a table"):
        _ingest(path, tmp_path)


def test_jsonl_missing_required_key(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"record_id": "R1", "narrative": "He called."}])
    with pytest.raises(UnusableInput, match="reported_at"):
        _ingest(path, tmp_path)


def test_parquet_missing_required_column(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "r.parquet", [{"record_id": "R1", "narrative": "He called."}])
    with pytest.raises(UnusableInput, match="reported_at"):
        _ingest(path, tmp_path)


def test_duplicate_column_names_differing_in_case(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("record_id,Record_ID,reported_at,narrative\nR1,R1,2024-01-01,He called.\n")
    with pytest.raises(UnusableInput, match="appears twice"):
        _ingest(path, tmp_path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.csv", None),
        ("empty.csv", b""),
        ("garbage.jsonl", bytes(range(256)) * 10),
        ("nocol.csv", b"id,date,text\n1,2024-01-01,hello\n"),
        ("sheet.xlsx", b"PK\x03\x04"),
    ],
)
def test_cli_exits_non_zero_with_one_line(tmp_path: Path, name: str, content: bytes | None) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(app, ["screen", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    output = result.output.strip()
    assert output.startswith("fourfold screen: ")
    assert len(output.splitlines()) == 1
    assert "Traceback" not in output
