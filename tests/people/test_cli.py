import pandas as pd
import pytest
from typer.testing import CliRunner

from fourfold.cli import app

runner = CliRunner()


def _write(population, path, rows):
    frame = population.iloc[:rows].drop(columns=["mention_id", "record_id", "role", "true_id", "noise"])
    frame = frame.assign(person_ref=[f"N{i:05d}" for i in range(len(frame))])
    frame.to_csv(path, index=False)
    return frame


@pytest.mark.slow
def test_dedupe_writes_the_same_rows_with_person_id(tmp_path, population):
    source = _write(population, tmp_path / "people.csv", 300)
    result = runner.invoke(
        app, ["people", "dedupe", str(tmp_path / "people.csv"), "--out", str(tmp_path / "out.csv")]
    )
    assert result.exit_code == 0, result.output
    out = pd.read_csv(tmp_path / "out.csv", dtype=str)
    assert out["person_ref"].tolist() == source["person_ref"].tolist()
    assert out["person_id"].notna().all()
    assert out["person_id"].nunique() < len(out)

    # Incremental: the earlier output as --previous keeps every id it gave.
    more = _write(population, tmp_path / "more.csv", 360)
    result = runner.invoke(
        app,
        [
            "people",
            "dedupe",
            str(tmp_path / "more.csv"),
            "--out",
            str(tmp_path / "out2.csv"),
            "--previous",
            str(tmp_path / "out.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    out2 = pd.read_csv(tmp_path / "out2.csv", dtype=str)
    assert len(out2) == len(more)
    assert out2["person_id"].iloc[:300].tolist() == out["person_id"].tolist()


def test_missing_person_ref_is_a_one_line_error(tmp_path):
    (tmp_path / "bad.csv").write_text("forename,surname\nAmy,Lane\n")
    result = runner.invoke(
        app, ["people", "dedupe", str(tmp_path / "bad.csv"), "--out", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2
    assert "person_ref" in result.output and "Traceback" not in result.output


def test_duplicate_person_ref_is_refused(tmp_path):
    (tmp_path / "dup.csv").write_text("person_ref,forename\nA1,Amy\nA1,Amy\n")
    result = runner.invoke(
        app, ["people", "dedupe", str(tmp_path / "dup.csv"), "--out", str(tmp_path / "o.csv")]
    )
    assert result.exit_code == 2 and "not unique" in result.output
