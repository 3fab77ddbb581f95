"""Start Django from a command-line entry point (imports Django only when called)."""

from __future__ import annotations

import os

import typer

DEFAULT_SETTINGS = "fourfold.web.settings"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def setup_django_for_cli() -> None:
    """As setup_django, but a configuration mistake (bad DATABASE_URL, missing key) is one line and exit 2."""
    from django.core.exceptions import ImproperlyConfigured

    try:
        setup_django()
    except ImproperlyConfigured as error:
        typer.echo(f"Configuration error: {error}")
        raise typer.Exit(2) from None
