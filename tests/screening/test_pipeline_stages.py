"""The pipeline's own stages run in order and conserve counts (contract A replaced by a small fake here;
the end-to-end tests in test_screen_end_to_end.py use the real narrative analysis)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import fourfold.screening.analysis as analysis
from fourfold.screening.pipeline import screen

from .fakes import fake_analyse_many
from .helpers import read_quarantine, record, write_csv

PERSON_A = dict(victim_ref="V1", victim_forename="Ann", victim_surname="Ash", victim_dob="1990-01-01")
SUSPECT_B = dict(suspect_ref="S1", suspect_forename="Bob", suspect_surname="Birch", suspect_dob="1985-05-05")


@pytest.fixture()
def fake_narrative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "contract_analyse_many", lambda: fake_analyse_many)


def test_stages_conserve_counts_and_write_outputs(tmp_path: Path, fake_narrative: None) -> None:
    rows = [
        record(
            "R1",
            "2024-01-02",
            "He followed me and messaged me 5 times.",
            relationship="ex_partner",
            recorded_class="8R",
            **PERSON_A,
            **SUSPECT_B,
        ),
        record("R2", "2024-02-02", "He was outside my house again.", **PERSON_A, **SUSPECT_B),
        record("R3", "2024-02-03", "A bad row.", relationship="boss"),
        record(
            "R4", "2024-02-05", "Someone called from 07700900123.", victim_ref="V9", victim_surname="Cole"
        ),
    ]
    path = write_csv(tmp_path / "in.csv", rows)
    result = screen(path, tmp_path / "out")
    assert (
        result.ingest.rows_in == 4 and result.ingest.rows_valid == 3 and result.ingest.rows_quarantined == 1
    )
    assert [q["reason"] for q in read_quarantine(result.quarantine_path)] == ["bad relationship value"]
    findings = [json.loads(line) for line in result.findings_path.read_text().splitlines()]
    covered = {rid for f in findings for rid in f["record_ids"]}
    assert covered | {p["record_id"] for f in findings for p in f["possible_record_ids"]} >= {
        "R1",
        "R2",
        "R4",
    }
    assert [s.name for s in result.stages][:2] == ["ingest", "narrative analysis"]
    assert all(s.seconds >= 0 and s.peak_rss_mb > 0 for s in result.stages)
    assert result.report_path.exists()
    assert not list((tmp_path / "out").glob(".screen-work-*")), "the work directory is removed"


def test_assessment_in_worker_processes_gives_the_same_findings(
    tmp_path: Path, fake_narrative: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fourfold.screening.pipeline as pipeline

    rows = [
        record(
            f"R{i}",
            f"2024-01-{i + 1:02d}",
            "He followed me and messaged me 5 times." if i % 2 else "He was outside my house again.",
            victim_ref=f"V{i % 3}",
            victim_surname=f"Ash{i % 3}",
            suspect_ref=f"S{i % 2}",
            suspect_surname=f"Birch{i % 2}",
        )
        for i in range(12)
    ]
    path = write_csv(tmp_path / "in.csv", rows)

    def by_reference(mentions: Any, backend: str) -> Any:  # person resolution is not under test here
        return mentions.assign(person_id=mentions["person_ref"])[["mention_id", "person_id"]]

    monkeypatch.setattr(pipeline, "resolve", by_reference)
    inline = screen(path, tmp_path / "inline")
    monkeypatch.setattr(pipeline, "ASSESS_MULTIPROCESS_THRESHOLD", 1)
    monkeypatch.setattr(pipeline, "ASSESS_TASK_COURSES", 1)  # one course per task, several in flight
    pooled = screen(path, tmp_path / "pooled")
    assert pooled.findings_path.read_text() == inline.findings_path.read_text()
    assert pooled.stats.by_class == inline.stats.by_class and pooled.stats.findings >= 3
    assert all(s.cpu_seconds >= 0 and s.load_1m >= 0 for s in pooled.stages)
