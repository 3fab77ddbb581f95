"""Roles: groups made by a data migration, the custom user model from the first migration, and the helpers."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.http import HttpResponse
from django.test import RequestFactory

from fourfold.web.accounts.roles import ROLE_NAMES, has_role, role_labels, role_required, roles_of

pytestmark = pytest.mark.django_db

EXPECTED_ROLES = {
    "analyst",
    "registrar",
    "investigator",
    "supervisor",
    "public_protection",
    "victim_care",
    "auditor",
    "admin",
}


def test_every_role_exists_as_a_group() -> None:
    assert set(ROLE_NAMES) == EXPECTED_ROLES
    assert EXPECTED_ROLES <= set(Group.objects.values_list("name", flat=True))


def test_custom_user_model_is_created_by_the_first_migration() -> None:
    assert get_user_model()._meta.label == "accounts.User"
    loader = MigrationLoader(connection)
    first = loader.get_migration("accounts", "0001_initial")
    created = [op.name for op in first.operations if op.__class__.__name__ == "CreateModel"]
    assert created == ["User"]
    roles_migration = loader.get_migration("accounts", "0002_role_groups")
    module = importlib.import_module(roles_migration.__class__.__module__)
    assert set(module.ROLES) == EXPECTED_ROLES


def test_has_role_follows_group_membership(make_user: Any) -> None:
    user = make_user("reg", "registrar", "auditor")
    assert has_role(user, "registrar")
    assert has_role(user, "analyst", "auditor")
    assert not has_role(user, "investigator")
    assert roles_of(user) == {"registrar", "auditor"}
    assert role_labels(user) == ["Crime registrar", "Auditor"]


def test_inactive_and_anonymous_users_hold_no_roles(make_user: Any) -> None:
    user = make_user("gone", "analyst", is_active=False)
    assert not has_role(user, "analyst")
    assert not has_role(AnonymousUser(), "analyst")
    assert not has_role(None, "analyst")


def test_superuser_holds_admin_only(make_user: Any) -> None:
    root = get_user_model().objects.create_superuser("root", password="x" * 20)
    assert has_role(root, "admin")
    assert not has_role(root, "victim_care")


def test_unknown_role_names_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        has_role(None, "sheriff")
    with pytest.raises(ValueError, match="unknown role"):
        role_required("sheriff")
    with pytest.raises(ValueError):
        role_required()


def test_role_required_returns_403_without_the_role(make_user: Any) -> None:
    @role_required("victim_care")
    def view(request: Any) -> HttpResponse:
        return HttpResponse("ok")

    request = RequestFactory().get("/")
    request.user = make_user("vc", "victim_care")
    assert view(request).status_code == 200
    request.user = make_user("an", "analyst")
    with pytest.raises(PermissionDenied):
        view(request)


def test_role_required_view_answers_403_through_the_stack(client: Any, make_user: Any) -> None:
    client.force_login(make_user("an", "analyst"))
    response = client.get("/audit/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()
