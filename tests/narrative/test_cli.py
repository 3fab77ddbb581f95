"""`fourfold analyse` and `fourfold evaluate narrative`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fourfold.cli import app

runner = CliRunner()
DATA = Path(__file__).resolve().parents[2] / "data" / "dev"


def test_analyse_prints_json() -> None:
    result = runner.invoke(app, ["analyse", "SUSP FOLLOWED IP HOME AND RANG HER 10 TIMES."])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {b["behaviour"] for b in data["behaviours"]} >= {"following", "contacting"}
    assert data["occasions"] == 10


def test_analyse_reads_stdin() -> None:
    result = runner.invoke(app, ["analyse"], input="He slashed her tyres.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["behaviours"][0]["behaviour"] == "interfering_property"


def test_analyse_explain_marks_spans() -> None:
    result = runner.invoke(app, ["analyse", "--explain", "He followed her. She has moved house."])
    assert result.exit_code == 0, result.output
    assert "following" in result.output and "serious alarm" in result.output
    assert "“followed her”" in result.output


def test_analyse_empty_text_is_a_clear_error() -> None:
    result = runner.invoke(app, ["analyse", "   "])
    assert result.exit_code == 2
    assert "empty" in result.output


def test_analyse_bad_date_is_a_clear_error() -> None:
    result = runner.invoke(app, ["analyse", "--reported-at", "yesterday", "He called her."])
    assert result.exit_code == 2
    assert "--reported-at" in result.output


@pytest.mark.slow
def test_evaluate_narrative_writes_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fourfold.accuracy_doc as accuracy_doc

    target = tmp_path / "accuracy.md"
    original = accuracy_doc.write_section

    def write_to_tmp(name: str, markdown: str, path: Path = target) -> Path:
        return original(name, markdown, path=target)

    monkeypatch.setattr(accuracy_doc, "write_section", write_to_tmp)
    data = tmp_path / "data"
    data.mkdir()
    for name in ("dev.jsonl", "heldout.jsonl"):
        lines = (DATA / name).read_text().splitlines()[:12]
        (data / name).write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["evaluate", "narrative", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert "<!-- BEGIN narrative -->" in text and "heldout" in text and "Wilson" not in result.output


def test_evaluate_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", "narrative", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_evaluate_bad_jsonl_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copy(DATA / "dev.jsonl", tmp_path / "dev.jsonl")
    (tmp_path / "heldout.jsonl").write_text("{not json\n")
    result = runner.invoke(app, ["evaluate", "narrative", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "line 1" in result.output
