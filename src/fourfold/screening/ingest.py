"""Ingest: read a records export (CSV, JSONL or Parquet) in batches, validate every row, quarantine bad rows.

Valid rows are written to a Parquet spill (one string column per known field, plus `reported_date` and
`row_number`); rejected rows go to `quarantine.csv` with the row number, the column and the reason. A file
that is unusable as a whole raises `UnusableInput` with a one-line reason. Nothing is dropped silently:
rows_in == rows_valid + rows_quarantined.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fourfold.screening.schema import (
    DATE_COLUMNS,
    KNOWN_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_NARRATIVE_CHARS,
    RECORD_TYPES,
    RELATIONSHIPS,
    REQUIRED_COLUMNS,
)

SUPPORTED_SUFFIXES = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
QUARANTINE_COLUMNS = ("row_number", "record_id", "column", "reason", "detail")
_SNIFF_BYTES = 64 * 1024
_JSONL_HEADER_SCAN = 1000


class UnusableInput(Exception):
    """The input file cannot be screened at all; the message is one line for the user."""


@dataclass(frozen=True)
class Rejection:
    row_number: int
    record_id: str
    column: str
    reason: str
    detail: str = ""


@dataclass
class IngestResult:
    input_format: str
    rows_in: int = 0
    rows_valid: int = 0
    rows_quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    records_path: Path | None = None
    quarantine_path: Path | None = None
    first_date: dt.date | None = None
    last_date: dt.date | None = None


RECORDS_SCHEMA = pa.schema(
    [pa.field("row_number", pa.int64()), pa.field("reported_date", pa.date32())]
    + [pa.field(name, pa.string()) for name in KNOWN_COLUMNS]
)

# A raw row: (row number, {lower-case column: value}, a problem found while reading it, or None).
RawRow = tuple[int, dict[str, str], Rejection | None]
Rows = Generator[RawRow, None, None]


def _excerpt(value: str, limit: int = 60) -> str:
    value = value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def parse_iso_date(value: str) -> dt.date | None:
    """An ISO 8601 date or date-time (design.md §4.2) as a date, or None when it is not one."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def normalise_relationship(value: str) -> str:
    return value.strip().lower().replace("-", "_").replace(" ", "_")


def _normalise_header(names: list[str]) -> list[str]:
    cleaned = [n.replace("\ufeff", "").strip().lower() for n in names]
    seen: set[str] = set()
    for name in cleaned:
        if name and name in seen:
            raise UnusableInput(f"the column '{name}' appears twice (column names are case-insensitive)")
        seen.add(name)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        raise UnusableInput(f"missing required column(s): {', '.join(missing)}")
    return cleaned


def _check_not_binary(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if not head.strip():
        raise UnusableInput("the file is empty")
    # Text exports have next to no control bytes; a binary file (spreadsheet, archive, image) has many.
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    if control > max(8, len(head) // 100):
        raise UnusableInput(
            "not a table: the file contains binary data (is it really the format its name says?)"
        )


# --- readers: each yields RawRow and reports the header through `on_header` -------------------------------


def _read_csv(path: Path, on_header: Callable[[list[str]], None]) -> Rows:
    _check_not_binary(path)
    csv.field_size_limit(2**31 - 1)
    with path.open("r", encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
        first_line = handle.readline()
        delimiter = max([",", ";", "\t", "|"], key=first_line.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader)
        except (csv.Error, StopIteration) as exc:
            raise UnusableInput(f"not a table: cannot read a CSV header ({exc})") from None
        try:
            "".join(header).encode("utf-8")
        except UnicodeEncodeError:
            raise UnusableInput("not a table: the header is not UTF-8 text") from None
        names = _normalise_header(header)
        on_header(names)
        width = len(names)
        row_number = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row_number += 1
                yield row_number, {}, Rejection(row_number, "", "", "unreadable row", str(exc))
                continue
            if not values or (len(values) == 1 and not values[0].strip()):
                continue  # a blank line is not a row
            row_number += 1
            if len(values) != width:
                row = dict(zip(names, values, strict=False))
                yield (
                    row_number,
                    row,
                    Rejection(
                        row_number,
                        row.get("record_id", ""),
                        "",
                        "wrong number of fields",
                        f"{len(values)} fields, header has {width}",
                    ),
                )
                continue
            yield row_number, dict(zip(names, values, strict=True)), None


def _jsonl_value(value: object) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return None  # nested list or object: not a table cell


def _read_jsonl(path: Path, on_header: Callable[[list[str]], None]) -> Rows:
    _check_not_binary(path)
    keys: set[str] = set()
    objects = 0
    with path.open("rb") as handle:
        for count, raw in enumerate(handle):
            if count >= _JSONL_HEADER_SCAN:
                break
            try:
                obj = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(obj, dict):
                objects += 1
                keys.update(str(k).strip().lower() for k in obj)
    if not objects:
        raise UnusableInput("not a table: no JSON object found in the first lines of the file")
    missing = [c for c in REQUIRED_COLUMNS if c not in keys]
    if missing:
        raise UnusableInput(f"missing required column(s): {', '.join(missing)}")
    on_header(sorted(keys))
    with path.open("rb") as handle:
        row_number = 0
        for raw in handle:
            if not raw.strip():
                continue
            row_number += 1
            try:
                text = raw.decode("utf-8").removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                yield row_number, {}, Rejection(row_number, "", "", "unreadable encoding", str(exc))
                continue
            try:
                obj = json.loads(text)
            except ValueError as exc:
                yield row_number, {}, Rejection(row_number, "", "", "unreadable JSON", str(exc))
                continue
            if not isinstance(obj, dict):
                yield row_number, {}, Rejection(row_number, "", "", "not a JSON object", _excerpt(text))
                continue
            row: dict[str, str] = {}
            problem: Rejection | None = None
            for key, value in obj.items():
                name = str(key).strip().lower()
                cell = _jsonl_value(value)
                if cell is None:
                    if name in KNOWN_COLUMNS and problem is None:
                        problem = Rejection(row_number, "", name, "nested value", _excerpt(json.dumps(value)))
                    continue
                row[name] = cell
            if problem is not None:
                problem = Rejection(
                    row_number, row.get("record_id", ""), problem.column, problem.reason, problem.detail
                )
            yield row_number, row, problem


def _parquet_value(value: object) -> str | None:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return str(value)
    return None


def _read_parquet(path: Path, on_header: Callable[[list[str]], None], batch_size: int) -> Rows:
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt or non-Parquet file
        raise UnusableInput(f"not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    raw_names = parquet.schema_arrow.names
    names = _normalise_header(list(raw_names))
    on_header(names)
    if parquet.metadata.num_rows == 0:
        raise UnusableInput("the file has no records")
    row_number = 0
    try:
        for batch in parquet.iter_batches(batch_size=batch_size):
            columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            for i in range(batch.num_rows):
                row_number += 1
                row: dict[str, str] = {}
                problem: Rejection | None = None
                for name, column in zip(names, columns, strict=True):
                    cell = _parquet_value(column[i])
                    if cell is None:
                        if name in KNOWN_COLUMNS and problem is None:
                            problem = Rejection(row_number, "", name, "unreadable encoding", "not UTF-8 text")
                        continue
                    row[name] = cell
                if problem is not None:
                    problem = Rejection(
                        row_number, row.get("record_id", ""), problem.column, problem.reason, problem.detail
                    )
                yield row_number, row, problem
    except OSError as exc:
        raise UnusableInput(f"the Parquet file is damaged after row {row_number} ({exc})") from None


# --- validation ---------------------------------------------------------------------------------------------


class RowValidator:
    """Checks one row at a time against design.md §4.2; remembers record ids to catch duplicates."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.seen_ids: set[str] = set()
        self.today = today or dt.date.today()

    def __call__(
        self, row_number: int, row: dict[str, str]
    ) -> tuple[dict[str, object] | None, Rejection | None]:
        record_id = (row.get("record_id") or "").strip()
        clean: dict[str, object] = {"row_number": row_number}

        def reject(column: str, reason: str, detail: str = "") -> tuple[None, Rejection]:
            return None, Rejection(row_number, _excerpt(record_id, 100), column, reason, detail)

        for name in KNOWN_COLUMNS:
            value = row.get(name, "")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return reject(name, "unreadable encoding", "not UTF-8 text")
            if "\x00" in value:
                return reject(name, "unreadable encoding", "contains a NUL character")
            limit = MAX_NARRATIVE_CHARS if name == "narrative" else MAX_FIELD_CHARS
            if len(value) > limit:
                return reject(name, "oversized field", f"{len(value)} characters, limit {limit}")
            value = value.strip()
            clean[name] = value or None

        if not record_id:
            return reject("record_id", "empty record id")
        if record_id in self.seen_ids:
            return reject("record_id", "duplicate record id", _excerpt(record_id))
        if not clean["narrative"]:
            return reject("narrative", "empty narrative")
        for name in DATE_COLUMNS:
            date_value = clean[name]
            if date_value is None:
                if name == "reported_at":
                    return reject(name, "bad date", "empty")
                continue
            parsed = parse_iso_date(str(date_value))
            if parsed is None:
                return reject(name, "bad date", f"'{_excerpt(str(date_value))}' is not an ISO 8601 date")
            latest = self.today if name.endswith("_dob") else self.today + dt.timedelta(days=366)
            if parsed.year < 1900 or parsed > latest:
                return reject(name, "bad date", f"'{date_value}' is out of range")
            if name == "reported_at":
                clean["reported_date"] = parsed
        relationship = clean["relationship"]
        if relationship is not None:
            norm = normalise_relationship(str(relationship))
            if norm not in RELATIONSHIPS:
                return reject("relationship", "bad relationship value", _excerpt(str(relationship)))
            clean["relationship"] = norm
        record_type = clean["record_type"]
        if record_type is not None:
            norm = str(record_type).lower()
            if norm not in RECORD_TYPES:
                return reject("record_type", "bad record type", _excerpt(str(record_type)))
            clean["record_type"] = norm
        if clean["recorded_class"] is not None:
            clean["recorded_class"] = str(clean["recorded_class"]).upper()
        clean["record_id"] = record_id
        self.seen_ids.add(record_id)
        return clean, None


# --- the stage ----------------------------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    if not path.exists():
        raise UnusableInput(f"no such file: {path}")
    if not path.is_file():
        raise UnusableInput(f"not a file: {path}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnusableInput(
            f"unsupported file type '{suffix or path.name}': give a .csv, .jsonl or .parquet file"
        )
    return SUPPORTED_SUFFIXES[suffix]


def preflight(path: Path) -> str:
    """Check that the file as a whole is usable (type, not empty, a table with the required columns).

    Raises UnusableInput with a one-line reason; returns the format. Cheap: reads the header only.
    """
    fmt = detect_format(path)
    try:
        rows: Rows
        if fmt == "csv":
            rows = _read_csv(path, lambda _names: None)
        elif fmt == "jsonl":
            rows = _read_jsonl(path, lambda _names: None)
        else:
            rows = _read_parquet(path, lambda _names: None, 16)
        first = next(rows, None)
        rows.close()
        if first is None:
            raise UnusableInput("the file has no records")
    except OSError as exc:
        raise UnusableInput(f"unreadable file: {exc.strerror or exc}") from None
    return fmt


def ingest(
    path: Path,
    records_path: Path,
    quarantine_path: Path,
    *,
    batch_size: int = 20_000,
    on_rows: Callable[[int], None] | None = None,
    today: dt.date | None = None,
) -> IngestResult:
    """Validate every row of `path`; valid rows go to `records_path` (Parquet), rejects to quarantine.csv."""
    fmt = detect_format(path)
    result = IngestResult(input_format=fmt, records_path=records_path, quarantine_path=quarantine_path)

    def on_header(names: list[str]) -> None:
        result.extra_columns = [n for n in names if n and n not in KNOWN_COLUMNS]

    try:
        if fmt == "csv":
            rows = _read_csv(path, on_header)
        elif fmt == "jsonl":
            rows = _read_jsonl(path, on_header)
        else:
            rows = _read_parquet(path, on_header, batch_size)
        validate = RowValidator(today)
        records_path.parent.mkdir(parents=True, exist_ok=True)
        quarantine_path.parent.mkdir(parents=True, exist_ok=True)
        batch: list[dict[str, object]] = []
        with (
            pq.ParquetWriter(records_path, RECORDS_SCHEMA, compression="zstd") as writer,
            quarantine_path.open("w", encoding="utf-8", newline="") as qhandle,
        ):
            quarantine = csv.writer(qhandle)
            quarantine.writerow(QUARANTINE_COLUMNS)
            for row_number, raw, problem in rows:
                result.rows_in += 1
                clean: dict[str, object] | None = None
                if problem is None:
                    clean, problem = validate(row_number, raw)
                if problem is not None:
                    result.rows_quarantined += 1
                    result.reasons[problem.reason] = result.reasons.get(problem.reason, 0) + 1
                    quarantine.writerow(
                        [
                            problem.row_number,
                            problem.record_id,
                            problem.column,
                            problem.reason,
                            problem.detail,
                        ]
                    )
                elif clean is not None:
                    result.rows_valid += 1
                    day = clean["reported_date"]
                    assert isinstance(day, dt.date)
                    if result.first_date is None or day < result.first_date:
                        result.first_date = day
                    if result.last_date is None or day > result.last_date:
                        result.last_date = day
                    batch.append(clean)
                    if len(batch) >= batch_size:
                        writer.write_table(pa.Table.from_pylist(batch, schema=RECORDS_SCHEMA))
                        batch = []
                if on_rows is not None and result.rows_in % 1000 == 0:
                    on_rows(1000)
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=RECORDS_SCHEMA))
            if on_rows is not None:
                on_rows(result.rows_in % 1000)
    except UnicodeDecodeError as exc:
        raise UnusableInput(f"unreadable file: {exc}") from None
    except OSError as exc:
        raise UnusableInput(f"unreadable file: {exc.strerror or exc}") from None
    if result.rows_in == 0:
        raise UnusableInput("the file has no records")
    # Counts conserved: every row read is either kept or quarantined with a reason.
    assert result.rows_in == result.rows_valid + result.rows_quarantined
    return result
