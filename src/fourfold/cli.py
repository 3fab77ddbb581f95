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
evaluate_app = typer.Typer(
    help="Measure accuracy against labelled data; writes docs/accuracy.md.", no_args_is_help=True
)
app.add_typer(people_app, name="people")
app.add_typer(audit_app, name="audit")
app.add_typer(evaluate_app, name="evaluate")

# Each area owns its commands in its own module; register them below (one or two lines each), e.g.
#   from fourfold.synth import cli as synth_cli
#   app.command("synth")(synth_cli.synth)
# Keep heavy imports (spaCy, Splink, Django, Spark) inside the command functions so `--help` stays fast.
from fourfold.people import cli as people_cli  # noqa: E402

people_app.command("dedupe")(people_cli.dedupe)
evaluate_app.command("people")(people_cli.evaluate)
from fourfold.synth import cli as synth_cli  # noqa: E402

app.command("synth")(synth_cli.synth)
from fourfold.screening import cli as screening_cli  # noqa: E402

app.command("screen")(screening_cli.screen)
evaluate_app.command("screening")(screening_cli.evaluate_screening)
evaluate_app.command("cases")(screening_cli.evaluate_cases)
from fourfold.web import demo as web_demo  # noqa: E402
from fourfold.web.audit import cli as audit_cli  # noqa: E402

app.command("demo")(web_demo.demo)
audit_app.command("verify")(audit_cli.verify)
from fourfold.web.review import cli as review_cli  # noqa: E402

app.command("load")(review_cli.load)
from fourfold.narrative import cli as narrative_cli  # noqa: E402

app.command("analyse")(narrative_cli.analyse)
evaluate_app.command("narrative")(narrative_cli.evaluate_narrative)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
