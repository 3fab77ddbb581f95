"""The JSON API refuses anonymous callers with 401 JSON (not a redirect to the sign-in form); a signed-in user
without an API role still gets 403; the pages keep redirecting to sign-in."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client

from fourfold.web.review.models import Decision

pytestmark = pytest.mark.django_db

CALLS = [
    ("get", "/api/openapi.json"),
    ("get", "/api/findings"),
    ("get", "/api/findings/F-000001"),
    ("get", "/api/findings/F-000001/decisions"),
    ("post", "/api/findings/F-000001/decisions"),
    ("post", "/api/decisions/1/sign-off"),
    ("get", "/api/decisions"),
]


def _assert_401(response: Any) -> None:
    assert response.status_code == 401, response.content
    assert "Location" not in response
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Authentication required"}
    sign_in = resolve_url(settings.LOGIN_URL)
    assert response["WWW-Authenticate"] == (
        f'Cookie realm="Fourfold", form-action="{sign_in}", cookie-name="{settings.SESSION_COOKIE_NAME}"'
    )


@pytest.mark.parametrize(("method", "path"), CALLS)
def test_anonymous_api_calls_get_401_json(client: Client, method: str, path: str) -> None:
    if method == "post":
        response = client.post(path, "{}", content_type="application/json")
    else:
        response = client.get(path)
    _assert_401(response)


def test_an_anonymous_write_without_a_csrf_token_is_401_and_changes_nothing() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/api/findings/F-000001/decisions",
        json.dumps({"outcome": "refer_spo", "rationale": "x", "version": 1}),
        content_type="application/json",
    )
    _assert_401(response)
    assert not Decision.objects.exists()


@pytest.mark.parametrize("path", ["/api/findings", "/api/decisions"])
def test_a_signed_in_user_without_an_api_role_still_gets_403(
    client: Client, make_user: Any, path: str
) -> None:
    client.force_login(make_user("checker", "auditor"))
    response = client.get(path)
    assert response.status_code == 403 and response.json()["detail"]


def test_a_signed_in_user_gets_the_schema_and_it_documents_the_401(client: Client, make_user: Any) -> None:
    client.force_login(make_user("adviser", "analyst"))
    schema = client.get("/api/openapi.json").json()
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert len(operations) == 6
    assert all("401" in op["responses"] for op in operations)


def test_the_api_documentation_page_and_the_pages_still_redirect_to_sign_in(client: Client) -> None:
    sign_in = resolve_url(settings.LOGIN_URL)
    for path in ["/api/docs", "/review/", "/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{sign_in}?next={path}"
