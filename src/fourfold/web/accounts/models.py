from __future__ import annotations

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A person who signs in. Custom from the first migration so fields can be added later without pain.

    Roles are groups (see `fourfold.web.accounts.roles`); users who appear in the audit trail are
    deactivated rather than deleted.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        db_table = "accounts_user"

    def display_name(self) -> str:
        return self.get_full_name() or self.get_username()
