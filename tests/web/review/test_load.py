"""`fourfold load DIR`: idempotent, updates from a newer run keep decisions, bad input stops cleanly."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from fourfold.web.review.loading import LoadError, load_run
from fourfold.web.review.models import Decision, Finding, FindingRecord, Person, Record, ScreeningRun

from .factories import build_run, make_finding, write_run

pytestmark = pytest.mark.django_db


def _snapshot() -> list[tuple]:
    return sorted(
        Finding.objects.values_list(
            "finding_id", "content_sha256", "version", "updated_at", "current", "run_id"
        )
    )


def test_load_creates_findings_people_records_and_timeline(tmp_path: Path) -> None:
    directory, findings = build_run(tmp_path / "run", count=12)
    result = load_run(directory)
    assert (result.total, result.created, result.updated) == (12, 12, 0)
    assert Finding.objects.count() == 12
    first = Finding.objects.get(finding_id=findings[0]["finding_id"])
    assert first.victim.forename == "Avery" and first.victim.postcode == "ZZ9 9ZZ"
    assert first.suspect is not None and first.suspect.person_id == findings[0]["suspect_id"]
    links = FindingRecord.objects.filter(finding=first).select_related("record").order_by("position")
    assert [link.record.record_id for link in links] == findings[0]["record_ids"]
    assert "IP reports" in links[0].record.narrative
    assert first.spans and first.four_present >= 2


def test_loading_the_same_run_twice_changes_nothing(tmp_path: Path) -> None:
    directory, _ = build_run(tmp_path / "run", count=10)
    load_run(directory)
    before = (_snapshot(), Person.objects.count(), Record.objects.count(), FindingRecord.objects.count())
    again = load_run(directory)
    assert again.already_loaded
    after = (_snapshot(), Person.objects.count(), Record.objects.count(), FindingRecord.objects.count())
    assert before == after
    assert ScreeningRun.objects.count() == 1


def test_a_newer_run_updates_findings_and_keeps_decisions(tmp_path: Path, make_user) -> None:
    from fourfold.web.review.services import decide_finding

    directory, findings = build_run(tmp_path / "run1", count=5)
    load_run(directory)
    target = Finding.objects.get(finding_id=findings[0]["finding_id"])
    reviewer = make_user("adviser", "analyst")
    decide_finding(
        finding=target,
        user=reviewer,
        outcome="needs_more_information",
        rationale="Need the call log.",
        expected_version=target.version,
    )
    version_after_decision = Finding.objects.get(pk=target.pk).version

    changed = [dict(f) for f in findings[:4]]  # the fifth finding disappears from the newer run
    changed[0] = {**changed[0], "priority": 0.99, "risk_flags": ["threats_to_kill"]}
    write_run(tmp_path / "run2", changed, None)
    result = load_run(tmp_path / "run2")

    assert (result.updated, result.unchanged, result.retired, result.created) == (1, 3, 1, 0)
    fresh = Finding.objects.get(pk=target.pk)
    assert fresh.priority == 0.99 and fresh.risk_flags == ["threats_to_kill"]
    assert fresh.version == version_after_decision + 1  # reviewers holding the old content get a conflict
    assert fresh.decision_status == "more_information"
    assert Decision.objects.filter(finding=fresh).count() == 1
    retired = Finding.objects.get(finding_id=findings[4]["finding_id"])
    assert retired.current is False
    # Narratives loaded by the first run stay (the second run came without a records file).
    assert FindingRecord.objects.filter(finding=fresh).first().record.narrative


def test_a_finding_whose_id_changed_is_matched_on_the_victim_suspect_pair(tmp_path: Path, make_user) -> None:
    from fourfold.web.review.services import decide_finding

    directory, findings = build_run(tmp_path / "run1", count=3)
    load_run(directory)
    original = Finding.objects.get(finding_id=findings[1]["finding_id"])
    decide_finding(
        finding=original,
        user=make_user("adviser", "analyst"),
        outcome="needs_more_information",
        rationale="Check.",
        expected_version=original.version,
    )
    renamed = [dict(f) for f in findings]
    renamed[1] = {**renamed[1], "finding_id": "F-RENAMED"}
    write_run(tmp_path / "run2", renamed, None)
    load_run(tmp_path / "run2")
    assert Finding.objects.get(finding_id="F-RENAMED").pk == original.pk
    assert Decision.objects.filter(finding_id=original.pk).count() == 1
    assert Finding.objects.count() == 3


def test_a_bad_line_stops_the_load_with_its_line_number_and_changes_nothing(tmp_path: Path) -> None:
    directory, findings = build_run(tmp_path / "run", count=3)
    lines = (directory / "findings.jsonl").read_text().splitlines()
    bad = json.loads(lines[1])
    bad["priority"] = 7
    lines[1] = json.dumps(bad)
    (directory / "findings.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(LoadError, match=r"line 2: priority 7.0 is outside 0..1"):
        load_run(directory)
    assert Finding.objects.count() == 0 and ScreeningRun.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "line 1: not valid JSON"),
        ('["a list"]', "line 1: expected a JSON object"),
        ('{"finding_id": "F-1"}', "line 1: finding F-1 has no victim_id"),
    ],
)
def test_unusable_lines_are_reported(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "findings.jsonl").write_text(text + "\n")
    with pytest.raises(LoadError, match=message):
        load_run(tmp_path)


def test_a_folder_without_findings_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="findings.jsonl not found"):
        load_run(tmp_path)


def test_without_a_records_file_the_timeline_uses_the_finding_itself(tmp_path: Path) -> None:
    directory, findings = build_run(tmp_path / "run", count=2, with_records=False)
    result = load_run(directory)
    assert any("no records file" in w for w in result.warnings)
    record = Record.objects.get(record_id=findings[0]["record_ids"][0])
    assert record.reported_at == findings[0]["first_date"] and record.narrative == ""


def test_duplicate_finding_ids_are_refused(tmp_path: Path) -> None:
    rng = random.Random(1)
    finding, records = make_finding(1, rng)
    write_run(tmp_path, [finding, finding], records)
    with pytest.raises(LoadError, match="appears twice"):
        load_run(tmp_path)


def test_the_load_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fourfold.cli import app

    directory, _ = build_run(tmp_path / "run", count=4)
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(directory)])
    assert first.exit_code == 0, first.output
    assert "4 findings (4 new" in first.output
    second = runner.invoke(app, ["load", str(directory)])
    assert "nothing changed" in second.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert "Traceback" not in missing.output
