"""`fourfold synth` on the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from fourfold.cli import app

runner = CliRunner()


def test_writes_both_files(tmp_path):
    result = runner.invoke(
        app, ["synth", "--records", "500", "--seed", "3", "--out", str(tmp_path), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "records.csv").read_text().count("\n") == 501
    assert (tmp_path / "truth.jsonl").stat().st_size > 0


def test_rates_and_noise_flags(tmp_path):
    args = [
        "synth",
        "--records",
        "400",
        "--out",
        str(tmp_path),
        "--stalking-rate",
        "0.1",
        "--noise",
        "low",
        "--quiet",
    ]
    assert runner.invoke(app, args).exit_code == 0


def test_bad_input_is_one_clear_line(tmp_path):
    for args, needle in (
        (["--records", "0"], "--records"),
        (["--records", "10", "--noise", "loud"], "noise"),
        (["--records", "10", "--stalking-rate", "1.5"], "rate"),
    ):
        result = runner.invoke(app, ["synth", *args, "--out", str(tmp_path / "x")])
        assert result.exit_code == 2
        assert needle in result.output
        assert "Traceback" not in result.output


def test_out_must_be_a_folder(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    result = runner.invoke(app, ["synth", "--records", "10", "--out", str(f)])
    assert result.exit_code == 2 and "not a folder" in result.output
