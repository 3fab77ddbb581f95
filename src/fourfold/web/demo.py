"""`fourfold demo`: prepare the embedded database and serve the web app on http://127.0.0.1:8000.

Preparation is a list of named steps run in order by `prepare_demo`. The foundation's steps make the
database, the static files and the demo users; later features add theirs (for example: generate a
synthetic force, screen it, load the findings) with `add_demo_step`, and they run before serving.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000
USERS_FILE = "demo-users.txt"
SUPERUSER = "demo-admin"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str  # the role group name, or "superuser"
    full_name: str


@dataclass
class DemoContext:
    """Shared by the steps: where var/ is, how to print, and what earlier steps produced."""

    var_dir: Path
    echo: Callable[[str], None]
    users: list[DemoUser] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoStep:
    title: str
    run: Callable[[DemoContext], None]


def migrate_database(ctx: DemoContext) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def collect_static(ctx: DemoContext) -> None:
    from django.conf import settings
    from django.core.management import call_command

    node_modules = Path(settings.NODE_MODULES)
    if not (node_modules / "govuk-frontend").is_dir():
        raise DemoError(f"front-end packages are missing from {node_modules}: run `npm ci` (or `make demo`)")
    call_command(
        "collectstatic", interactive=False, verbosity=0, ignore_patterns=list(settings.STATIC_IGNORE_PATTERNS)
    )


# Synthetic names for the demo accounts (not real people).
_DEMO_NAMES = {
    "analyst": "Alex Analyst",
    "registrar": "Robin Registrar",
    "investigator": "Indra Investigator",
    "supervisor": "Sam Supervisor",
    "public_protection": "Pat Protection",
    "victim_care": "Vic Care",
    "auditor": "Audrey Auditor",
    "admin": "Ada Administrator",
}


def _demo_username(role: str) -> str:
    # The admin-role account is not the superuser; it is named so the two cannot be confused.
    return "demo-administrator" if role == "admin" else f"demo-{role.replace('_', '-')}"


def _read_passwords(path: Path) -> dict[str, str]:
    passwords: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and not line.startswith("#"):
                passwords[parts[0]] = parts[1]
    return passwords


def create_demo_users(ctx: DemoContext) -> None:
    """One account per role plus the `demo-admin` superuser; passwords random per machine, kept in var/."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from fourfold.web.accounts.roles import ROLE_NAMES

    user_model = get_user_model()
    path = ctx.var_dir / USERS_FILE
    passwords = _read_passwords(path)
    wanted = [(SUPERUSER, "superuser", "Demo Superuser")] + [
        (_demo_username(role), role, _DEMO_NAMES[role]) for role in ROLE_NAMES
    ]
    users: list[DemoUser] = []
    for username, role, full_name in wanted:
        password = passwords.get(username) or secrets.token_urlsafe(12)
        first, _, last = full_name.partition(" ")
        user, _created = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.is_active = True
        user.is_superuser = role == "superuser"
        user.is_staff = role in {"superuser", "admin"}
        user.set_password(password)
        user.save()
        if role == "superuser":
            user.groups.set([Group.objects.get(name="admin")])
        else:
            user.groups.set([Group.objects.get(name=role)])
        if role == "admin":
            # The administrator manages accounts and roles in the admin, nothing else.
            perms = Permission.objects.filter(
                content_type__app_label__in=["accounts", "auth"], content_type__model__in=["user", "group"]
            )
            user.user_permissions.set(perms)
        users.append(DemoUser(username, password, role, full_name))
    lines = ["# Fourfold demo accounts on this machine (username, password, role). Synthetic; never commit."]
    lines += [f"{u.username} {u.password} {u.role}" for u in users]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    ctx.users = users


BASE_STEPS: list[DemoStep] = [
    DemoStep("Preparing the database", migrate_database),
    DemoStep("Collecting static files", collect_static),
    DemoStep("Creating demo users", create_demo_users),
]
# Steps added by later features (synthetic force → screen → load findings); run after BASE_STEPS.
EXTRA_STEPS: list[DemoStep] = []


def add_demo_step(title: str, run: Callable[[DemoContext], None]) -> DemoStep:
    step = DemoStep(title, run)
    EXTRA_STEPS.append(step)
    return step


class DemoError(RuntimeError):
    """The demo cannot be prepared; the message says what to do."""


def prepare_demo(
    *,
    echo: Callable[[str], None] = print,
    steps: list[DemoStep] | None = None,
) -> DemoContext:
    """Run the preparation steps (migrate, static files, users, then added steps); return the context."""
    from fourfold.web.bootstrap import setup_django

    setup_django()
    from django.conf import settings

    ctx = DemoContext(var_dir=Path(settings.VAR_DIR), echo=echo)
    ctx.var_dir.mkdir(parents=True, exist_ok=True)
    for number, step in enumerate(steps if steps is not None else BASE_STEPS + EXTRA_STEPS, start=1):
        echo(f"[{number}] {step.title}…")
        step.run(ctx)
    return ctx


def sign_in_help(ctx: DemoContext, url: str) -> str:
    width = max(len(u.username) for u in ctx.users) if ctx.users else 10
    lines = [f"Fourfold is ready at {url}", "Sign in with one of these synthetic accounts:"]
    for user in ctx.users:
        lines.append(f"  {user.username:<{width}}  {user.password}  ({user.role})")
    lines.append(f"(also saved in {ctx.var_dir / USERS_FILE})")
    return "\n".join(lines)


def serve(*, host: str, port: int) -> None:
    from waitress import serve as waitress_serve

    from fourfold.web.wsgi import application

    waitress_serve(application, host=host, port=port, threads=8, ident="fourfold")


def demo(
    port: int = typer.Option(DEMO_PORT, "--port", help="Port to serve on (127.0.0.1 only)."),
    prepare_only: bool = typer.Option(False, "--prepare-only", help="Prepare everything but do not serve."),
) -> None:
    """Prepare the embedded database and demo users, then serve the web app on http://127.0.0.1:8000."""
    import socket

    if not 1 <= port <= 65535:
        typer.echo(f"--port must be between 1 and 65535, not {port}")
        raise typer.Exit(2)
    if not prepare_only:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((DEMO_HOST, port))
            except OSError:
                typer.echo(f"Port {port} on {DEMO_HOST} is in use: stop what is using it or pass --port.")
                raise typer.Exit(1) from None
    from fourfold.web.bootstrap import setup_django_for_cli

    setup_django_for_cli()
    from django.db import DatabaseError

    try:
        ctx = prepare_demo(echo=typer.echo)
    except DemoError as error:
        typer.echo(f"Cannot prepare the demo: {error}")
        raise typer.Exit(1) from None
    except DatabaseError as error:
        first_line = (str(error).strip().splitlines() or [error.__class__.__name__])[0]
        typer.echo(f"Cannot prepare the demo: the database refused ({first_line}). Check DATABASE_URL.")
        raise typer.Exit(1) from None
    url = f"http://{DEMO_HOST}:{port}/"
    typer.echo(sign_in_help(ctx, url))
    if prepare_only:
        return
    typer.echo("Serving (press Ctrl+C to stop).", err=False)
    serve(host=DEMO_HOST, port=port)
