"""The `fourfold` command line: one Typer app; each area registers its own commands here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="fourfold",
    help="Fourfold: find stalking across a police force's records (identify, record, protect, pursue).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

people_app = typer.Typer(help="Person resolution.", no_args_is_help=True)
audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Measure accuracy against labelled data; writes docs/accuracy.md.", no_args_is_help=True)
app.add_typer(people_app, name="people")
app.add_typer(audit_app, name="audit")
app.add_typer(evaluate_app, name="evaluate")

# Each area owns its commands in its own module; register them below (one or two lines each), e.g.
#   from fourfold.synth import cli as synth_cli
#   app.command("synth")(synth_cli.synth)
# Keep heavy imports (spaCy, Splink, Django, Spark) inside the command functions so `--help` stays fast.


def main() -> None:
    app()


if __name__ == "__main__":
    main()
