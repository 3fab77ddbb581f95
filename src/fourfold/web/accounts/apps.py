from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "fourfold.web.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from fourfold.web.accounts import signals  # noqa: F401  (connects the sign-in audit receivers)

        post_migrate.connect(ensure_role_groups, sender=self, dispatch_uid="accounts-ensure-roles")


def ensure_role_groups(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """Recreate the role groups after a flush (the data migration creates them on a fresh database)."""
    from django.contrib.auth.models import Group

    from fourfold.web.accounts.roles import ROLE_NAMES

    for name in ROLE_NAMES:
        Group.objects.using(using).get_or_create(name=name)
