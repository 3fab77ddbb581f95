"""Fixtures for the web tests: users with roles, and a Playwright page in Debian's Chromium with axe-core."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM calls from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Test speed only: the real hashers are PBKDF2 and friends.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(username: str = "officer", *roles: str, password: str = PASSWORD, **fields: Any) -> Any:
        fields.setdefault("first_name", "Test")
        fields.setdefault("last_name", username.capitalize())
        user = get_user_model().objects.create_user(username=username, password=password, **fields)
        for role in roles:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    # CI must never skip the browser tests: a missing Chromium is a failure, with the fix in the message.
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser page; `page.base_url` is the live server's address."""
    # bypass_csp lets the tests inject axe-core; the app's own pages still send their policy.
    context = browser.new_context(bypass_csp=True, base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.js_errors = errors
    try:
        yield tab
    finally:
        context.close()


def axe_violations(page: Any, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA rules) on the page and return violations of the given impacts."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => await axe.run(document, {
             runOnly: {type: 'tag',
                       values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}
           })"""
    )
    return [v for v in results["violations"] if v.get("impact") in impacts]


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    if violations:
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in violations
        ]
        pytest.fail(
            f"axe found serious/critical accessibility violations on {page.url}:\n"
            + json.dumps(summary, indent=1)
        )


@pytest.fixture
def accessible() -> Callable[[Any], None]:
    return assert_accessible
