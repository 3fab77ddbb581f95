"""The screening half of `fourfold demo`: make a synthetic force and screen it (the web demo loads it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from fourfold.screening.evaluate import run_synth
from fourfold.screening.pipeline import ScreenResult, screen


@dataclass(frozen=True)
class DemoScreening:
    records_path: Path
    truth_path: Path
    findings_path: Path
    report_path: Path
    quarantine_path: Path
    result: ScreenResult


def generate_and_screen(
    out_dir: Path,
    records: int = 20_000,
    seed: int = 2024,
    *,
    backend: str = "duckdb",
    console: Console | None = None,
) -> DemoScreening:
    """Run `fourfold synth` into OUT/synth and `fourfold screen` into OUT/screen; say where things are."""
    out_dir = Path(out_dir)
    console = console or Console(stderr=True)
    console.print(f"Generating a synthetic force of {records:,} records (seed {seed})…")
    records_path, truth_path = run_synth(records, seed, out_dir / "synth")
    console.print("Screening it…")
    result = screen(records_path, out_dir / "screen", backend=backend, console=console)
    console.print(result.summary_line())
    return DemoScreening(
        records_path=records_path,
        truth_path=truth_path,
        findings_path=result.findings_path,
        report_path=result.report_path,
        quarantine_path=result.quarantine_path,
        result=result,
    )
