"""Commands: `fourfold screen` and `fourfold evaluate screening` (heavy imports stay inside the functions)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str) -> None:
    typer.echo(f"fourfold screen: {message}", err=True)
    raise typer.Exit(code=2)


def screen(
    input: Annotated[Path, typer.Argument(help="Records file: .csv, .jsonl or .parquet (design.md §4.2).")],
    out: Annotated[
        Path, typer.Option("--out", help="Directory for findings.jsonl, report.html, quarantine.")
    ],
    backend: Annotated[str, typer.Option("--backend", help="Person resolution: duckdb or spark.")] = "duckdb",
) -> None:
    """Screen a force's records export for unrecognised stalking and harassment."""
    from fourfold.screening.ingest import UnusableInput
    from fourfold.screening.pipeline import screen as run_screen

    if out.exists() and not out.is_dir():
        _fail(f"--out {out} exists and is not a directory")
    try:
        result = run_screen(input, out, backend=backend)
    except UnusableInput as exc:
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        _fail("interrupted")
        return
    except Exception as exc:  # an internal failure: one line for the user, the traceback on request
        if os.environ.get("FOURFOLD_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0]
        typer.echo(
            f"fourfold screen: failed: {type(exc).__name__}: {first} (FOURFOLD_DEBUG=1 shows more)", err=True
        )
        raise typer.Exit(code=1) from None
    typer.echo(result.summary_line())


def evaluate_screening(
    records: Annotated[int, typer.Option("--records", help="Synthetic records to generate.")] = 20_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed for `fourfold synth`.")] = 7,
    work: Annotated[Path, typer.Option("--work", help="Working directory.")] = Path("var/eval-screening"),
    backend: Annotated[str, typer.Option("--backend", help="Person resolution backend.")] = "duckdb",
    write_doc: Annotated[bool, typer.Option("--write-doc/--no-write-doc", help="Update accuracy.md.")] = True,
    reuse: Annotated[bool, typer.Option("--reuse", help="Re-score the last run in --work.")] = False,
) -> None:
    """Measure course-level recall and precision of screening on synthetic truth; writes docs/accuracy.md."""
    from fourfold.screening.evaluate import run_evaluation

    markdown = run_evaluation(
        records=records, seed=seed, work=work, backend=backend, write_doc=write_doc, reuse=reuse
    )
    typer.echo(markdown)


def evaluate_cases(
    file: Annotated[
        Path, typer.Option("--file", help="Labelled cases (JSON Lines; see screening/cases.py).")
    ],
    work: Annotated[Path, typer.Option("--work", help="Working directory.")] = Path("var/eval-cases"),
    write_doc: Annotated[bool, typer.Option("--write-doc/--no-write-doc", help="Update accuracy.md.")] = True,
) -> None:
    """Screen labelled course-level cases end to end; recall and precision per label (docs/accuracy.md)."""
    from fourfold.screening.cases import CasesError, run_cases
    from fourfold.screening.ingest import UnusableInput

    try:
        markdown = run_cases(file, work, write_doc=write_doc)
    except (CasesError, UnusableInput) as exc:
        typer.echo(f"fourfold evaluate cases: {exc}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(markdown)
