"""In Debian's Chromium: sign in, see the home page, pass axe-core, sign out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from fourfold.web.audit.models import AuditEntry

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_home_and_sign_out(page: Any, make_user: Any, accessible: Callable[[Any], None]) -> None:
    make_user("audrey", "auditor", first_name="Audrey", last_name="Example")

    page.goto("/")
    assert page.url.endswith("/sign-in/?next=/")
    # The GOV.UK Frontend styles and scripts loaded and started (the password toggle appears only with JS).
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert page.locator("button.govuk-password-input__toggle").is_visible()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.govuk-button')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )
    assert page.evaluate("typeof window.htmx") == "object"
    accessible(page)

    page.get_by_label("Username").fill("audrey")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="There is a problem").wait_for(state="visible")  # waits for the reply
    accessible(page)

    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    assert page.get_by_test_id("display-name").inner_text() == "Audrey Example"
    assert "Auditor" in page.get_by_test_id("roles").inner_text()
    assert page.get_by_role("link", name="Audit trail", exact=True).first.is_visible()
    accessible(page)

    page.get_by_role("link", name="Audit trail", exact=True).first.click()
    page.wait_for_url("**/audit/")
    accessible(page)

    page.get_by_test_id("sign-out").click()
    page.wait_for_url("**/sign-in/")
    assert page.get_by_text("You have signed out.").is_visible()
    page.goto("/")
    assert "/sign-in/" in page.url
    assert page.js_errors == []
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))
    assert actions == ["sign_in_failed", "sign_in", "view_audit_trail", "sign_out"]
