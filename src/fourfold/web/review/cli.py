"""`fourfold load DIR`: load a screening output folder into the review database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from fourfold.web.demo import DemoContext, DemoError, add_demo_step


def load(
    directory: Annotated[
        Path, typer.Argument(help="A `fourfold screen` output folder (holding findings.jsonl).")
    ],
    records: Annotated[
        Path | None,
        typer.Option(
            "--records",
            help="The records file that was screened, for the timeline's narratives and people's details "
            "(default: records.parquet/.jsonl/.csv in DIR when present).",
        ),
    ] = None,
) -> None:
    """Load a screening run's findings.jsonl into the review queue (same run twice: no change; a newer run
    updates findings and keeps every decision)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from fourfold.web.bootstrap import setup_django

    console = Console(stderr=True)
    setup_django()
    from django.core.management import call_command

    from fourfold.web.review.loading import LoadError, load_run

    if not directory.exists():
        typer.echo(f"fourfold load: {directory} does not exist", err=True)
        raise typer.Exit(code=2)
    call_command("migrate", verbosity=0, interactive=False)
    findings = directory / "findings.jsonl" if directory.is_dir() else directory
    total = None
    if findings.is_file():
        with findings.open("rb") as handle:
            total = sum(1 for line in handle if line.strip())
    try:
        with Progress(
            TextColumn("loading findings"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            task = progress.add_task("load", total=total)
            result = load_run(directory, records_file=records, progress=lambda n: progress.advance(task, n))
    except LoadError as exc:
        typer.echo(f"fourfold load: {exc}", err=True)
        raise typer.Exit(code=2) from None
    if result.already_loaded:
        typer.echo(f"Run already loaded (run {result.run_id}, {result.total} findings): nothing changed.")
        return
    for warning in result.warnings:
        console.print(f"[yellow]note:[/yellow] {warning}")
    typer.echo(
        f"Loaded run {result.run_id}: {result.total} findings ({result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged, {result.retired} no longer in this run); "
        f"{result.records} records written."
    )


def demo_findings(ctx: DemoContext) -> None:
    """`fourfold demo` step: a ~20,000-record synthetic force, screened and loaded, so the queue is real.

    Made once per machine under var/demo-force/ and reused on later runs (loading it again changes nothing).
    FOURFOLD_DEMO_RECORDS sets the size (default 20,000; 0 skips the step, e.g. in quick tests of the server).
    """
    import os

    size = os.environ.get("FOURFOLD_DEMO_RECORDS", "").strip()
    if size and not size.isdigit():
        raise DemoError(f"FOURFOLD_DEMO_RECORDS must be a whole number, not {size!r}")
    records_wanted = int(size) if size else DEMO_RECORDS
    if records_wanted == 0:
        ctx.echo("    skipped (FOURFOLD_DEMO_RECORDS=0)")
        return
    from fourfold.web.review.loading import LoadError, load_run

    try:
        from fourfold.screening.demo import generate_and_screen
    except ImportError:
        ctx.echo("    (the screening pipeline is not installed: the review queue starts empty)")
        return
    out = ctx.var_dir / ("demo-force" if records_wanted == DEMO_RECORDS else f"demo-force-{records_wanted}")
    findings = out / "screen" / "findings.jsonl"
    records = out / "synth" / "records.csv"
    if not (findings.is_file() and records.is_file()):
        screened = generate_and_screen(out, records=records_wanted, seed=DEMO_SEED)
        findings, records = screened.findings_path, screened.records_path
    try:
        result = load_run(findings.parent, records_file=records)
    except LoadError as error:
        raise DemoError(f"could not load the demo findings: {error}") from None
    if result.already_loaded:
        ctx.echo(f"    {result.total:,} findings already loaded")
    else:
        ctx.echo(f"    loaded {result.total:,} findings ({result.created:,} new, {result.updated:,} updated)")
    ctx.results["review"] = result


DEMO_RECORDS = 20_000
DEMO_SEED = 2024
add_demo_step("Making, screening and loading a synthetic force (about 20,000 records)", demo_findings)
