"""Schemathesis generates requests from the OpenAPI schema and checks every response against it.

It runs in-process against the WSGI application with a signed-in registrar's session (and a CSRF token, since
writes are CSRF-checked), over the synthetic run: no server errors, only documented status codes, and
bodies that match their schemas.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.slow


@pytest.fixture
def api_session(loaded_run: Any, make_user: Any) -> dict[str, Any]:
    from django.test import Client

    client = Client()
    client.force_login(make_user("schemathesis", "registrar", "supervisor"))
    csrf = secrets.token_hex(16)  # an unmasked 32-character secret is a valid token for cookie and header
    return {
        "schema": client.get("/api/openapi.json").json(),
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf},
        "headers": {"X-CSRFToken": csrf},
    }


@pytest.fixture
def api_schema(api_session: dict[str, Any]) -> Iterator[Any]:
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from fourfold.web.wsgi import application

    loaded = schemathesis.openapi.from_dict(api_session["schema"])
    loaded.app = application  # calls go straight into the WSGI app, inside the test's database transaction
    loaded.location = "/api/openapi.json"
    # As Django's test client does: keep the test's connection (and transaction) open between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield loaded
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_honours_its_schema(api_schema: Any, api_session: dict[str, Any]) -> None:
    """Every operation: generated requests (valid and invalid) give documented, schema-valid responses."""
    from hypothesis import given

    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 6
    # The session really authenticates the generated calls (otherwise every answer would be a redirect).
    probe = api_schema["/api/findings"]["GET"].Case(query={"page_size": 5})
    response = probe.call(headers=api_session["headers"], cookies=api_session["cookies"])
    assert response.status_code == 200 and len(response.json()["results"]) == 5
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=20,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            case.call_and_validate(headers=api_session["headers"], cookies=api_session["cookies"])

        check()
