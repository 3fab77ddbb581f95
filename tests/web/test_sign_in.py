"""Signing in and out through the real form (with django-axes), and what the audit trail records."""

from __future__ import annotations

from typing import Any

import pytest

from fourfold.web.audit.models import AuditEntry
from fourfold.web.audit.services import verify_chain

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client: Any, username: str, password: str = PASSWORD, **extra: Any) -> Any:
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR="192.0.2.10", **extra
    )


def test_sign_in_page_is_open_and_uses_govuk_frontend(client: Any) -> None:
    response = client.get("/sign-in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sign in to Fourfold" in html
    assert "/assets/govuk/govuk-frontend.min.css" in html and "/assets/moj/moj-frontend.min.css" in html
    assert "/assets/htmx/htmx.min.js" in html
    assert 'autocomplete="current-password"' in html


def test_sign_in_shows_name_roles_and_areas(client: Any, make_user: Any) -> None:
    make_user("audrey", "auditor", first_name="Audrey", last_name="Example")
    response = sign_in(client, "audrey")
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/").content.decode()
    assert "Audrey Example" in home
    assert "Auditor" in home
    assert 'href="/audit/"' in home
    assert 'href="/admin/"' not in home


def test_areas_follow_roles(client: Any, make_user: Any) -> None:
    from fourfold.web.front.areas import all_areas

    make_user("alex", "analyst")
    sign_in(client, "alex")
    home = client.get("/").content.decode()
    assert 'href="/audit/"' not in home
    for area in all_areas():
        assert (f'href="{area.url()}"' in home) == ("analyst" in area.roles and not area.staff_only)


def test_user_without_roles_is_told_so(client: Any, make_user: Any) -> None:
    make_user("newstarter")
    sign_in(client, "newstarter")
    home = client.get("/").content.decode()
    assert "You have no roles yet." in home
    assert "No areas are open to your roles yet." in home


def test_sign_in_redirects_to_next(client: Any, make_user: Any) -> None:
    make_user("audrey", "auditor")
    response = client.post(
        "/sign-in/?next=/audit/", {"username": "audrey", "password": PASSWORD, "next": "/audit/"}
    )
    assert response["Location"] == "/audit/"


def test_sign_in_refuses_an_open_redirect(client: Any, make_user: Any) -> None:
    make_user("audrey", "auditor")
    response = client.post(
        "/sign-in/", {"username": "audrey", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_wrong_password_shows_an_error_and_is_audited(client: Any, make_user: Any) -> None:
    make_user("robin", "registrar")
    response = sign_in(client, "robin", "wrong-password")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Enter a correct username and password" in html
    entry = AuditEntry.objects.get(action="sign_in_failed")
    assert entry.user is None and entry.extra == {"username": "robin"} and entry.ip == "192.0.2.10"
    assert "wrong-password" not in entry.extra_json


def test_empty_form_asks_for_both_fields(client: Any) -> None:
    html = client.post("/sign-in/", {"username": "", "password": ""}).content.decode()
    assert "Enter your username" in html and "Enter your password" in html


def test_inactive_user_cannot_sign_in(client: Any, make_user: Any) -> None:
    make_user("left", "analyst", is_active=False)
    response = sign_in(client, "left")
    assert response.status_code == 200
    assert client.get("/").status_code == 302


def test_sign_in_and_sign_out_are_audited(client: Any, make_user: Any) -> None:
    user = make_user("indra", "investigator")
    sign_in(client, "indra")
    assert client.get("/sign-out/").status_code == 405  # sign-out is POST only
    response = client.post("/sign-out/", REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302 and response["Location"] == "/sign-in/"
    assert "You have signed out." in client.get("/sign-in/").content.decode()
    assert client.get("/").status_code == 302
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", "user_id", "ip"))
    assert actions == [("sign_in", user.pk, "192.0.2.10"), ("sign_out", user.pk, "192.0.2.10")]
    assert verify_chain().ok


def test_admin_login_goes_to_the_one_sign_in_page(client: Any, make_user: Any) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
    client.force_login(make_user("alex", "analyst"))
    assert client.get("/admin/login/?next=/admin/").status_code == 403
    assert client.get("/admin/").status_code == 403


def test_staff_admin_reaches_the_admin_and_changes_are_audited(client: Any, make_user: Any) -> None:
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", password="x" * 20)
    client.force_login(root)
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    target = make_user("vic", "victim_care")
    response = client.post(
        f"/admin/accounts/user/{target.pk}/change/",
        {
            "username": "vic",
            "first_name": "Vic",
            "last_name": "Care",
            "email": "",
            "is_active": "on",
            "groups": [],
            "user_permissions": [],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
        REMOTE_ADDR="192.0.2.77",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin_change")
    assert entry.object_type == "accounts.user" and entry.object_id == str(target.pk)
    assert entry.user == root and entry.ip == "192.0.2.77"
    assert verify_chain().ok
