"""Start Django from a command-line entry point (imports Django only when called)."""

from __future__ import annotations

import os

DEFAULT_SETTINGS = "fourfold.web.settings"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
