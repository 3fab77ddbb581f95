"""The areas of the service and the roles that may use each. Features add their area with `register_area`.

The home page and the navigation list only the areas a user's roles allow; the views themselves enforce
the same roles with `role_required`, so a link never appears for a page that would answer 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from fourfold.web.accounts.roles import ROLE_NAMES, has_role


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    url_name: str
    description: str
    roles: tuple[str, ...]
    staff_only: bool = False

    def url(self) -> str:
        return reverse(self.url_name)


_AREAS: list[Area] = []


def register_area(area: Area) -> Area:
    unknown = [role for role in area.roles if role not in ROLE_NAMES]
    if unknown:
        raise ValueError(f"area {area.key!r} names unknown roles: {unknown}")
    if any(existing.key == area.key for existing in _AREAS):
        raise ValueError(f"area {area.key!r} is already registered")
    _AREAS.append(area)
    return area


def all_areas() -> tuple[Area, ...]:
    return tuple(_AREAS)


def areas_for(user: Any) -> list[Area]:
    allowed = []
    for area in _AREAS:
        if not has_role(user, *area.roles):
            continue
        if area.staff_only and not getattr(user, "is_staff", False):
            continue
        allowed.append(area)
    return allowed


register_area(
    Area(
        key="audit",
        title="Audit trail",
        url_name="audit:trail",
        description="Who did what, when and why, with a check that no entry has been altered or removed.",
        roles=("auditor", "admin"),
    )
)
register_area(
    Area(
        key="admin",
        title="Administration",
        url_name="admin:index",
        description="Manage user accounts and the roles given to them.",
        roles=("admin",),
        staff_only=True,
    )
)
