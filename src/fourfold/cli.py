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

# Each area owns its commands in its own module; register them below (one line each).
# Keep heavy imports (spaCy, Splink, Django, Spark) inside the command functions so `--help` stays fast.


def main() -> None:
    app()


if __name__ == "__main__":
    main()
