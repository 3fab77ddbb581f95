"""Commands: `fourfold analyse [TEXT] [--explain]` and `fourfold evaluate narrative`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer


def analyse(
    text: Annotated[str | None, typer.Argument(help="The narrative; read from stdin when omitted.")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show the evidence readably with spans marked.")
    ] = False,
    reported_at: Annotated[
        str | None, typer.Option("--reported-at", help="Date of the report (YYYY-MM-DD); default today.")
    ] = None,
) -> None:
    """Read one report's narrative and print the stalking evidence in it (behaviours, FOUR, s.4A, spans)."""
    if text is None:
        if sys.stdin.isatty():
            raise typer.BadParameter("give the narrative as an argument or on stdin")
        text = sys.stdin.read()
    if not text.strip():
        typer.echo("error: the narrative is empty", err=True)
        raise typer.Exit(2)
    try:
        when = dt.date.fromisoformat(reported_at) if reported_at else dt.date.today()
    except ValueError:
        typer.echo(f"error: --reported-at must be a date like 2026-03-01, not {reported_at!r}", err=True)
        raise typer.Exit(2) from None
    from fourfold.narrative import analyse as run_analysis

    ev = run_analysis(text, reported_at=when)
    if explain:
        from fourfold.narrative.explain import render

        render(text, ev)
    else:
        typer.echo(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))


def evaluate_narrative(
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Folder with dev.jsonl and heldout.jsonl (dev_styles, heldout2 optional)."),
    ] = None,
    synth_dir: Annotated[
        Path | None,
        typer.Option(help="A `fourfold synth` output folder (records.csv + truth.jsonl) to score too."),
    ] = None,
) -> None:
    """Measure the narrative analysis on labelled cases; writes its section of docs/accuracy.md."""
    from fourfold.accuracy_doc import write_section
    from fourfold.narrative.evaluate import DATA_DIR, evaluate_file, markdown

    folder = data_dir or DATA_DIR
    reports = []
    for name in ("dev", "dev_styles", "heldout", "heldout2"):
        path = folder / f"{name}.jsonl"
        if not path.exists() and name in ("dev_styles", "heldout2"):
            continue  # optional sets
        if not path.exists():
            typer.echo(f"error: {path} not found", err=True)
            raise typer.Exit(2)
        try:
            reports.append(evaluate_file(path))
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    course: dict[str, Any] | None = None
    if synth_dir is not None:
        from fourfold.narrative.synth_eval import evaluate_synth

        try:
            course = evaluate_synth(synth_dir)
        except (OSError, ValueError, KeyError) as exc:
            typer.echo(f"error: cannot score {synth_dir}: {exc}", err=True)
            raise typer.Exit(2) from None
    out = write_section("narrative", markdown(reports, course))
    for r in reports:
        b = r.micro(r.behaviours)
        typer.echo(
            f"{r.name}: {r.cases} cases; behaviours precision {b['precision']:.2f} recall {b['recall']:.2f}"
        )
    if course:
        typer.echo(course["summary"])
    typer.echo(f"wrote the narrative section of {out}")
