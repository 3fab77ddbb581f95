"""`fourfold evaluate cases`: labelled course-level cases screened end to end."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fourfold.cli import app
from fourfold.screening.cases import CasesError, load_cases, score_cases, to_markdown

DEV = Path(__file__).resolve().parents[2] / "data" / "dev" / "cases_dev.jsonl"


def _case(case_id="c1", label="stalking", **extra):
    record = {
        "reported_at": "2024-01-01",
        "narrative": "He followed her home.",
        "victim": {"surname": "Vale"},
    }
    return {"case_id": case_id, "label": label, "offence": None, "records": [record], **extra}


@pytest.mark.parametrize(
    "lines, message",
    [
        (["{not json"], ":1: not JSON"),
        ([json.dumps(_case()), json.dumps(_case())], ":2: missing or duplicate case_id 'c1'"),
        ([json.dumps(_case(label="maybe"))], ":1: label must be"),
        ([json.dumps({**_case(), "records": []})], ":1: a case needs at least one record"),
        (
            [json.dumps({**_case(), "records": [{"reported_at": "2024-01-01", "narrative": " "}]})],
            "narrative",
        ),
        ([json.dumps(_case(offence="s.99"))], "unknown offence"),
        ([""], "no cases"),
    ],
)
def test_a_bad_cases_file_gets_a_one_line_reason(tmp_path, lines, message):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CasesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_cases(path)


def test_scoring_matches_each_case_to_the_finding_sharing_most_records():
    cases = [_case("a", "stalking"), _case("b", "harassment"), _case("c", "none"), _case("d", "stalking")]
    case_of = {"a-01": "a", "a-02": "a", "b-01": "b", "c-01": "c", "d-01": "d"}

    def finding(ids, cls, offence=None):
        return {"record_ids": ids, "recommendation": {"classification": cls, "offence": offence}}

    findings = [
        finding(["a-01", "a-02"], "stalking", "PHA 1997 s.2A"),
        finding(["b-01"], "stalking", "PHA 1997 s.2A"),  # harassment read as stalking
        finding(["c-01"], "none"),
    ]  # d has no finding at all
    result = score_cases(cases, findings, case_of)
    assert (result["stalking"]["recall"].hits, result["stalking"]["recall"].total) == (1, 2)
    assert (result["stalking"]["precision"].hits, result["stalking"]["precision"].total) == (1, 2)
    assert (result["harassment"]["recall"].hits, result["harassment"]["recall"].total) == (0, 1)
    assert result["confusion"][("stalking", "unmatched")] == 1
    text = to_markdown(result, cases_file="x.jsonl", summary="s")
    assert "- b: harassment read as stalking" in text and "- d: stalking read as unmatched" in text


def test_the_dev_cases_run_end_to_end(tmp_path):
    result = CliRunner().invoke(
        app, ["evaluate", "cases", "--file", str(DEV), "--work", str(tmp_path), "--no-write-doc"]
    )
    assert result.exit_code == 0, result.output
    assert "| stalking |" in result.output
    assert (tmp_path / "screen" / "findings.jsonl").exists()


def test_the_command_rejects_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "cases", "--file", str(bad), "--work", str(tmp_path)])
    assert result.exit_code == 2
    assert "a case must be a JSON object" in result.output
    assert "Traceback" not in result.output
