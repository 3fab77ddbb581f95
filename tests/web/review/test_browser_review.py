"""In Debian's Chromium: sign in, filter the queue, open a finding, decide, and find the decision in the audit
trail as an auditor; axe-core must find no serious or critical violations on any of these pages.

With FOURFOLD_SCREENSHOTS=1 it also saves the queue and a finding page to docs/img/ for the README.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review.models import Decision, Finding

from ..conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "docs" / "img"


def _sign_in(page: Any, username: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def _shoot(page: Any, name: str) -> None:
    if os.environ.get("FOURFOLD_SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / name), full_page=False)


def test_review_a_finding_end_to_end(
    page: Any, make_user: Any, loaded_run: Any, accessible: Callable[[Any], None]
) -> None:
    make_user("adviser", "analyst", first_name="Sam", last_name="Adviser")
    make_user("checker", "auditor")
    page.set_viewport_size({"width": 1280, "height": 900})

    _sign_in(page, "adviser")
    page.get_by_role("link", name="Review queue").first.click()
    page.wait_for_url("**/review/")
    assert page.get_by_test_id("result-count").inner_text().startswith(f"{len(loaded_run)} findings")
    accessible(page)
    _shoot(page, "queue.png")

    # Filter: recommended stalking that is recorded as something else.
    page.get_by_label("Stalking", exact=True).check()
    page.get_by_label("Misrecorded", exact=True).check()
    page.get_by_test_id("apply-filters").click()
    page.wait_for_url("**classification=stalking**")
    expected = Finding.objects.filter(classification="stalking", misrecorded=True, current=True).count()
    assert page.get_by_test_id("result-count").inner_text().startswith(f"{expected} finding")
    assert page.locator("[data-testid=queue-table] tbody tr").count() == expected
    assert page.get_by_role("link", name="Remove this filter Stalking").is_visible()
    accessible(page)

    # Open the first finding: timeline with highlighted evidence and the FOUR panel.
    page.locator("[data-testid=queue-table] tbody tr a").first.click()
    page.wait_for_url("**/review/findings/**")
    finding_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert page.locator("mark.review-evidence").count() > 0
    assert page.get_by_test_id("four-panel").is_visible()
    accessible(page)
    _shoot(page, "finding.png")

    # "Why not stalking" is a conditional reveal under "harassment only" (GOV.UK radios pattern), linked by
    # aria-controls and without aria-expanded (not allowed on a radio): axe passes hidden and revealed.
    why_not = page.get_by_label("Why is this not stalking?")
    harassment = page.get_by_label("Harassment only (PHA 1997 s.2)")
    assert harassment.get_attribute("aria-controls") == "conditional-outcome-harassment_only"
    block = page.locator("#conditional-outcome-harassment_only")
    assert block.get_by_label("Why is this not stalking?").count() == 1
    assert why_not.is_hidden()
    accessible(page)
    harassment.check()
    assert why_not.is_visible()
    accessible(page)
    page.get_by_label("Not a course of conduct").check()
    assert why_not.is_hidden()
    accessible(page)
    assert page.locator("input[aria-expanded]").count() == 0
    page.keyboard.press("ArrowUp")  # keyboard users: the previous radio is "harassment only"
    assert harassment.is_checked() and why_not.is_visible()

    # Decide "harassment only": without a "why not stalking" reason the decision is refused.
    page.get_by_label("Your reasons").fill("Two messages about a shared car; no following or monitoring.")
    page.get_by_test_id("save-decision").click()
    page.wait_for_url(f"**/review/findings/{finding_id}/decide/")
    # wait_for: the refused POST answers with the form again; is_visible() alone would not wait for it
    page.get_by_text("Say why this is not stalking").first.wait_for(state="visible")
    accessible(page)
    page.get_by_label("Why is this not stalking?").fill("No fixation or obsession: a dispute about a car.")
    page.get_by_test_id("save-decision").click()
    page.wait_for_url(f"**/review/findings/{finding_id}/")
    assert page.get_by_test_id("decision-history").get_by_text("Harassment only").is_visible()
    accessible(page)
    decision = Decision.objects.get(finding__finding_id=finding_id)
    assert decision.why_not_stalking.startswith("No fixation")

    # The auditor finds the view and the decision in the trail.
    page.get_by_test_id("sign-out").click()
    page.wait_for_url("**/sign-in/")
    _sign_in(page, "checker")
    page.get_by_role("link", name="Search the audit trail").first.click()
    page.get_by_label("Object (for example a finding id)").fill(finding_id)
    page.get_by_role("button", name="Search").click()
    results = page.get_by_test_id("audit-results")
    results.get_by_text("finding.view").first.wait_for(state="visible")
    action = "decision.propose" if decision.recording_change else "decision.record"
    assert results.get_by_text(action).is_visible()
    accessible(page)
    assert AuditEntry.objects.filter(action=action, object_id=finding_id, username="adviser").exists()
    assert page.js_errors == []


def test_without_javascript_the_why_not_box_is_shown_and_works(
    browser: Any, live_server: Any, make_user: Any, loaded_run: Any
) -> None:
    """Progressive enhancement: with JavaScript off nothing hides the conditional block."""
    make_user("adviser", "analyst")
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        _sign_in(page, "adviser")
        finding_id = loaded_run[0]["finding_id"]
        page.goto(f"/review/findings/{finding_id}/")
        why_not = page.get_by_label("Why is this not stalking?")
        assert why_not.is_visible()
        page.get_by_label("Harassment only (PHA 1997 s.2)").check()
        why_not.fill("A single dispute about a fence; no fixation or monitoring.")
        page.get_by_label("Your reasons").fill("Two shouted arguments over a boundary.")
        page.get_by_test_id("save-decision").click()
        page.wait_for_url(f"**/review/findings/{finding_id}/")
        assert page.get_by_test_id("decision-history").get_by_text("Harassment only").is_visible()
    finally:
        context.close()
    decision = Decision.objects.get(finding__finding_id=finding_id)
    assert decision.outcome == "harassment_only" and decision.why_not_stalking.startswith("A single dispute")
