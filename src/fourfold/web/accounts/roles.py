"""Roles are Django groups with fixed names. Features ask `has_role` or decorate views with `role_required`.

A superuser counts as holding the `admin` role only; every other role comes from group membership, so a
person sees personal data only when a role that needs it has been given to them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


class Role(StrEnum):
    ANALYST = "analyst"
    REGISTRAR = "registrar"
    INVESTIGATOR = "investigator"
    SUPERVISOR = "supervisor"
    PUBLIC_PROTECTION = "public_protection"
    VICTIM_CARE = "victim_care"
    AUDITOR = "auditor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.ANALYST: "Analyst",
    Role.REGISTRAR: "Crime registrar",
    Role.INVESTIGATOR: "Investigator",
    Role.SUPERVISOR: "Supervisor",
    Role.PUBLIC_PROTECTION: "Public protection",
    Role.VICTIM_CARE: "Victim care",
    Role.AUDITOR: "Auditor",
    Role.ADMIN: "Administrator",
}

ROLE_NAMES: tuple[str, ...] = tuple(role.value for role in Role)

_CACHE_ATTR = "_fourfold_roles"


def _check(roles: tuple[str, ...]) -> frozenset[str]:
    unknown = [role for role in roles if role not in ROLE_NAMES]
    if unknown:
        raise ValueError(f"unknown role(s): {', '.join(map(str, unknown))}; known: {', '.join(ROLE_NAMES)}")
    return frozenset(str(role) for role in roles)


def roles_of(user: Any) -> frozenset[str]:
    """The role names a user holds (empty for anonymous or inactive users). Cached on the user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        names = set(user.groups.filter(name__in=ROLE_NAMES).values_list("name", flat=True))
        if user.is_superuser:
            names.add(Role.ADMIN.value)
        cached = frozenset(names)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def has_role(user: Any, *roles: str) -> bool:
    """True when the user holds at least one of the given roles."""
    if not roles:
        raise ValueError("has_role needs at least one role")
    return bool(roles_of(user) & _check(roles))


def role_labels(user: Any) -> list[str]:
    held = roles_of(user)
    return [ROLE_LABELS[role] for role in Role if role.value in held]


ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


def role_required(*roles: str) -> Callable[[ViewFunc], ViewFunc]:
    """View decorator: 403 unless the signed-in user holds one of `roles` (sign-in is enforced globally)."""
    wanted = _check(roles) if roles else None
    if wanted is None:
        raise ValueError("role_required needs at least one role")

    def decorate(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not (roles_of(request.user) & wanted):
                raise PermissionDenied("Your roles do not include access to this page.")
            return view(request, *args, **kwargs)

        wrapped.required_roles = wanted  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate
