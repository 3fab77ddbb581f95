"""`fourfold audit verify`: check the audit trail's hash chain."""

from __future__ import annotations

import typer


def verify() -> None:
    """Check every audit entry's hash and link; prints OK with the count, or the first broken entry (exit 1).

    Exit status 0 when intact, 1 when broken, 2 when the trail cannot be read.
    """
    from fourfold.web.bootstrap import setup_django_for_cli

    setup_django_for_cli()
    from django.db import DatabaseError

    from fourfold.web.audit.services import verify_chain

    try:
        report = verify_chain()
    except DatabaseError as error:
        typer.echo(
            f"Cannot read the audit trail ({error.__class__.__name__}): run `fourfold demo` or migrate first."
        )
        raise typer.Exit(2) from None
    if report.ok:
        typer.echo(f"OK: {report.count} audit entries, every link intact.")
        return
    broken = report.first_break
    assert broken is not None
    where = (
        f"entry id {broken.entry_id} (seq {broken.seq})" if broken.entry_id is not None else "the chain head"
    )
    typer.echo(f"BROKEN at {where}: {broken.reason}. {report.count} entries before it are intact.")
    raise typer.Exit(1)
