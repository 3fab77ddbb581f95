"""End to end with the real narrative analysis, person resolution and assessment, on a small force."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from fourfold.cli import app
from fourfold.law.behaviours import BEHAVIOUR_IDS
from fourfold.screening.evaluate import run_synth
from fourfold.screening.ingest import ingest

from .helpers import read_quarantine

pytestmark = pytest.mark.slow

# The design.md §4.3 behaviour ids have one home, the law tables (checked against design.md in tests/law).
BEHAVIOURS = set(BEHAVIOUR_IDS)
FINDING_KEYS = {
    "finding_id",
    "victim_id",
    "suspect_id",
    "record_ids",
    "possible_record_ids",
    "first_date",
    "last_date",
    "occasions",
    "behaviours",
    "four",
    "s4a",
    "relationship",
    "recorded_classes",
    "recommendation",
    "misrecorded",
    "risk_flags",
    "priority",
    "priority_reasons",
}
EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I
)
BAD_ROWS = [
    ["BAD-1", "2024-02-31", "He followed me home."],
    ["BAD-2", "2024-03-01", ""],
    ["BAD-3", "2024-03-01", "Unknown relationship value."],
]


def _screen(path: Path, out: Path, backend: str = "duckdb") -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["screen", str(path), "--out", str(out), "--backend", backend])
    assert result.exit_code == 0, result.output
    assert "screened" in result.output.splitlines()[-1]
    with (out / "findings.jsonl").open() as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def force(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic force with three bad rows appended."""
    base = tmp_path_factory.mktemp("force")
    records_csv, _truth = run_synth(400, 11, base / "synth")
    frame = pd.read_csv(records_csv, dtype=str, keep_default_na=False)
    for rid, day, text in BAD_ROWS:
        bad = {c: "" for c in frame.columns} | {"record_id": rid, "reported_at": day, "narrative": text}
        if rid == "BAD-3":
            bad["relationship"] = "landlord"
        frame.loc[len(frame)] = bad
    path = base / "records.csv"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    return path


@pytest.fixture(scope="module")
def screened(force: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("out-csv")
    return out, _screen(force, out)


def test_counts_are_conserved(force: Path, screened: tuple[Path, list[dict[str, Any]]]) -> None:
    out, findings = screened
    rows_in = len(pd.read_csv(force, dtype=str, keep_default_na=False))
    with (out / "quarantine.csv").open() as handle:
        quarantined = list(csv.DictReader(handle))
    assert {(q["record_id"], q["reason"]) for q in quarantined} == {
        ("BAD-1", "bad date"),
        ("BAD-2", "empty narrative"),
        ("BAD-3", "bad relationship value"),
    }
    kept = rows_in - len(quarantined)
    covered = {rid for f in findings for rid in f["record_ids"]}
    possible = {p["record_id"] for f in findings for p in f["possible_record_ids"]}
    assert len(covered | possible) == kept
    assert not covered & {rid for rid, _d, _t in BAD_ROWS}


def test_findings_follow_the_schema(screened: tuple[Path, list[dict[str, Any]]]) -> None:
    _out, findings = screened
    assert findings
    assert len({f["finding_id"] for f in findings}) == len(findings)
    for f in findings:
        assert FINDING_KEYS <= set(f)
        assert f["record_ids"] and f["first_date"] <= f["last_date"]
        assert isinstance(f["occasions"], int) and f["occasions"] >= 1
        assert {b["behaviour"] for b in f["behaviours"]} <= BEHAVIOURS
        assert set(f["four"]) == {"fixated", "obsessive", "unwanted", "repeated"}
        assert all(isinstance(v["present"], bool) for v in f["four"].values())
        assert {"fear_of_violence", "serious_alarm_distress", "evidence"} <= set(f["s4a"])
        rec = f["recommendation"]
        assert {"classification", "offence", "hocr_class", "ho_offence_code", "regime", "rationale"} <= set(
            rec
        )
        assert rec["classification"] in {"stalking", "harassment", "none"}
        assert rec["offence"] in {"PHA 1997 s.4A", "PHA 1997 s.2A", "PHA 1997 s.4", "PHA 1997 s.2", None}
        assert rec["hocr_class"] in {"8Q", "8L", None}
        assert isinstance(f["misrecorded"], bool)
        assert 0.0 <= f["priority"] <= 1.0
        assert len(f["recorded_classes"]) == len(f["record_ids"])
        for span in f["evidence_spans"]:
            assert span["record_id"] in f["record_ids"] and 0 <= span["start"] < span["end"]
    assert any(f["recommendation"]["classification"] == "stalking" for f in findings)


def test_report_is_self_contained(screened: tuple[Path, list[dict[str, Any]]]) -> None:
    out, _findings = screened
    html = (out / "report.html").read_text()
    assert not EXTERNAL.search(html)
    assert "<script" not in html and "<link" not in html
    assert "Top findings" in html and "<svg" in html


def test_csv_jsonl_and_parquet_give_the_same_records(force: Path, tmp_path: Path) -> None:
    """The formats differ only at ingest: the same rows give the same validated records table (and so the
    same findings; the stages after ingest read only that table), with the same quarantine."""
    frame = pd.read_csv(force, dtype=str, keep_default_na=False)
    jsonl = tmp_path / "records.jsonl"
    frame.to_json(jsonl, orient="records", lines=True, force_ascii=False)
    parquet = tmp_path / "records.parquet"
    frame.to_parquet(parquet, index=False)
    tables = {}
    for path in (force, jsonl, parquet):
        out = tmp_path / f"ingest-{path.suffix[1:]}"
        out.mkdir()
        result = ingest(path, out / "records.parquet", out / "quarantine.csv")
        assert (result.rows_in, result.rows_quarantined) == (len(frame), len(BAD_ROWS))
        quarantined = {(q["record_id"], q["reason"]) for q in read_quarantine(out / "quarantine.csv")}
        tables[path.suffix] = (pq.read_table(out / "records.parquet").to_pylist(), quarantined)
    assert tables[".jsonl"] == tables[".csv"]
    assert tables[".parquet"] == tables[".csv"]


@pytest.mark.spark
def test_spark_backend_agrees_with_duckdb(
    force: Path, screened: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    _out, expected = screened
    found = _screen(force, tmp_path / "out-spark", backend="spark")

    def summary(findings: list[dict[str, Any]]) -> set[tuple[tuple[str, ...], str, bool]]:
        return {
            (tuple(f["record_ids"]), f["recommendation"]["classification"], f["misrecorded"])
            for f in findings
        }

    agreed = len(summary(found) & summary(expected)) / max(1, len(summary(expected)))
    assert agreed >= 0.98, f"only {agreed:.1%} of findings agree between Spark and DuckDB"
