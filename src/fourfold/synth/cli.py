"""`fourfold synth`: write a synthetic force's records and the ground truth."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer


def synth(
    records: Annotated[int, typer.Option("--records", help="Number of records to write.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder for records.csv and truth.jsonl.")],
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed; the same seed gives identical files.")
    ] = 0,
    stalking_rate: Annotated[
        float,
        typer.Option(
            "--stalking-rate", help="Share of records in stalking or harassment courses of conduct."
        ),
    ] = 0.02,
    other_course_rate: Annotated[
        float,
        typer.Option(
            "--other-course-rate", help="Share of records in repeated courses of other kinds (label none)."
        ),
    ] = 0.01,
    noise: Annotated[
        str, typer.Option("--noise", help="Noise preset for people and narratives: none|low|medium|high.")
    ] = "medium",
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Write DIR/records.csv (records format) and DIR/truth.jsonl (true people and courses of conduct)."""
    from rich.console import Console
    from rich.progress import Progress

    from fourfold.synth.config import SynthConfig
    from fourfold.synth.generator import generate

    console = Console(stderr=True)
    try:
        config = SynthConfig(
            records=records, seed=seed, stalking_rate=stalking_rate, other_course_rate=other_course_rate
        ).with_noise(noise)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if out.exists() and not out.is_dir():
        console.print(f"[red]error:[/red] --out {out} exists and is not a folder")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    try:
        if quiet:
            stats = generate(config, out)
        else:
            with Progress(console=console, transient=True) as bar:
                task = bar.add_task("writing records", total=records)
                stats = generate(config, out, progress=lambda k: bar.advance(task, k))
    except OSError as exc:
        console.print(f"[red]error:[/red] cannot write to {out}: {exc.strerror or exc}")
        raise typer.Exit(1) from None
    elapsed = time.perf_counter() - t0
    console.print(
        f"wrote {stats.records:,} records ({stats.stalking_records:,} in stalking/harassment courses, "
        f"{stats.courses:,} courses) to {out} in {elapsed:.1f}s "
        f"({stats.records / max(elapsed, 1e-9):,.0f} records/s)"
    )
