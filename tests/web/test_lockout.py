"""Brute-force lockout (django-axes): five wrong passwords lock that username from that address."""

from __future__ import annotations

from typing import Any

import pytest

from fourfold.web.audit.models import AuditEntry

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client: Any, password: str, ip: str = "192.0.2.20", username: str = "sam") -> Any:
    return client.post("/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_failures_lock_the_account_even_for_the_right_password(client: Any, make_user: Any) -> None:
    make_user("sam", "supervisor")
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    again = attempt(client, PASSWORD)
    assert again.status_code == 429
    assert client.get("/").status_code == 302  # still not signed in
    assert AuditEntry.objects.filter(action="sign_in_locked_out").exists()
    assert AuditEntry.objects.filter(action="sign_in_failed").count() >= 5


def test_lockout_is_per_address(client: Any, make_user: Any) -> None:
    make_user("sam", "supervisor")
    for _ in range(5):
        attempt(client, "wrong", ip="192.0.2.20")
    assert attempt(client, PASSWORD, ip="192.0.2.99").status_code == 302


def test_success_before_the_limit_resets_the_count(client: Any, make_user: Any) -> None:
    make_user("sam", "supervisor")
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/sign-out/")
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, PASSWORD).status_code == 302
