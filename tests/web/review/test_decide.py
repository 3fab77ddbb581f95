"""Decisions: every one explained; harassment says why not stalking; two reviewers at once never lose work."""

from __future__ import annotations

import pytest
from django.test.html import parse_html
from django.urls import reverse

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review import services
from fourfold.web.review.models import Decision, Finding


def _decide(client, finding_id: str, **data):
    return client.post(reverse("review:decide", kwargs={"finding_id": finding_id}), data)


def _finding(loaded_run, recorded: str = "8L") -> Finding:
    return (
        Finding.objects.filter(recorded_classes__contains=recorded).first()
        if False
        else next(f for f in Finding.objects.all() if recorded in (f.recorded_classes or []))
    )


def test_recording_as_stalking_waits_for_sign_off_and_is_audited(client, signed_in, loaded_run) -> None:
    user = signed_in("adviser", "analyst")
    finding = _finding(loaded_run, "8L")
    response = _decide(
        client,
        finding.finding_id,
        outcome="stalking_s2a",
        version=finding.version,
        rationale="Repeated unwanted contact and loitering at her home: s.2A(3)(b) and (e).",
    )
    assert response.status_code == 302
    decision = Decision.objects.get(finding=finding)
    assert (decision.status, decision.recording_change, decision.hocr_class) == ("proposed", True, "8Q")
    assert decision.ho_offence_code == "195/12"
    finding.refresh_from_db()
    assert finding.decision_status == "awaiting_sign_off" and finding.version == 2
    entry = AuditEntry.objects.get(action="decision.propose", object_id=finding.finding_id)
    assert entry.user == user and "s.2A(3)" in entry.reason


def test_a_decision_that_changes_nothing_in_the_record_is_final_at_once(
    client, signed_in, loaded_run
) -> None:
    signed_in("adviser", "analyst")
    finding = _finding(loaded_run, "8Q")
    _decide(
        client, finding.finding_id, outcome="stalking_s2a", version=finding.version, rationale="Confirmed."
    )
    decision = Decision.objects.get(finding=finding)
    assert decision.status == "final" and not decision.recording_change
    assert Finding.objects.get(pk=finding.pk).decision_status == "decided"


def test_harassment_only_needs_a_why_not_stalking_reason(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    finding = loaded_run[0]["finding_id"]
    version = Finding.objects.get(finding_id=finding).version
    response = _decide(
        client, finding, outcome="harassment_only", version=version, rationale="Two rude emails."
    )
    assert response.status_code == 400
    assert "Say why this is not stalking" in response.content.decode()
    assert not Decision.objects.exists()
    ok = _decide(
        client,
        finding,
        outcome="harassment_only",
        version=version,
        rationale="Two rude emails.",
        why_not_stalking="No fixation: a single dispute over a debt, no monitoring or following.",
    )
    assert ok.status_code == 302
    assert Decision.objects.get().why_not_stalking.startswith("No fixation")


def _elements(node, found=None):
    """Every element of a django.test.html tree, depth first."""
    found = [] if found is None else found
    for child in getattr(node, "children", []):
        if hasattr(child, "attributes"):
            found.append(child)
            _elements(child, found)
    return found


def _by_id(root, element_id: str):
    return next(e for e in _elements(root) if dict(e.attributes).get("id") == element_id)


def _classes(element) -> set[str]:
    return set((dict(element.attributes).get("class") or "").split())


def test_why_not_stalking_is_revealed_under_harassment_only(client, signed_in, loaded_run) -> None:
    """GOV.UK radios conditional reveal: one textarea, in the block the harassment radio controls; the block
    starts hidden (only with JavaScript: GOV.UK's styles scope the hiding to .govuk-frontend-supported)."""
    signed_in("adviser", "analyst")
    finding = loaded_run[0]["finding_id"]
    body = client.get(reverse("review:finding", kwargs={"finding_id": finding})).content.decode()
    assert "{#" not in body and "{%" not in body  # no template comment or tag leaks into the page
    page = parse_html(body)
    textareas = [e for e in _elements(page) if dict(e.attributes).get("name") == "why_not_stalking"]
    assert len(textareas) == 1
    radio = _by_id(page, "outcome-harassment_only")
    block = _by_id(page, dict(radio.attributes)["data-aria-controls"])
    assert {"govuk-radios__conditional", "govuk-radios__conditional--hidden"} <= _classes(block)
    assert block.count(textareas[0]) == 1
    assert dict(_by_id(page, "outcome-stalking_s2a").attributes).get("data-aria-controls") is None
    assert "aria-expanded" not in dict(radio.attributes)

    version = Finding.objects.get(finding_id=finding).version
    refused = _decide(client, finding, outcome="harassment_only", version=version, rationale="Two emails.")
    page = parse_html(refused.content.decode())
    block = _by_id(page, "conditional-outcome-harassment_only")
    assert "govuk-radios__conditional--hidden" not in _classes(block)  # chosen: shown, with its error
    textarea = _by_id(page, "decision-why_not_stalking")
    assert dict(textarea.attributes)["aria-describedby"].split() == ["why-not-hint", "why-not-error"]
    assert "Say why this is not stalking" in str(_by_id(page, "why-not-error"))
    other = _decide(client, finding, outcome="stalking_s2a", version=version, rationale="")
    block = _by_id(parse_html(other.content.decode()), "conditional-outcome-harassment_only")
    assert "govuk-radios__conditional--hidden" in _classes(block)


def test_public_protection_gets_no_why_not_stalking_box(client, signed_in, loaded_run) -> None:
    signed_in("pp", "public_protection")
    body = client.get(reverse("review:finding", kwargs={"finding_id": loaded_run[0]["finding_id"]}))
    assert 'name="outcome"' in body.content.decode()
    assert 'name="why_not_stalking"' not in body.content.decode()


def test_every_decision_needs_reasons(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    finding = Finding.objects.get(finding_id=loaded_run[1]["finding_id"])
    response = _decide(
        client, finding.finding_id, outcome="needs_more_information", version=finding.version, rationale="  "
    )
    assert response.status_code == 400 and "Explain your decision" in response.content.decode()


def test_the_database_refuses_harassment_without_a_reason(loaded_run, make_user) -> None:
    from django.db import IntegrityError, transaction

    finding = Finding.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            finding=finding,
            outcome="harassment_only",
            rationale="x",
            status="final",
            made_by=make_user("x", "analyst"),
            finding_version=1,
        )


def test_two_reviewers_at_once_the_second_gets_a_conflict_and_keeps_their_words(
    client, signed_in, loaded_run, make_user
) -> None:
    finding = Finding.objects.get(finding_id=loaded_run[3]["finding_id"])
    seen_version = finding.version  # both reviewers opened the page at this version
    first = make_user("first", "investigator")
    services.decide_finding(
        finding=finding,
        user=first,
        outcome="needs_more_information",
        rationale="Waiting for the phone download.",
        expected_version=seen_version,
    )
    signed_in("second", "analyst")
    words = "Clear pattern of following and messages; I would record as stalking."
    response = _decide(
        client, finding.finding_id, outcome="stalking_s2a", version=seen_version, rationale=words
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else acted on this finding first" in body
    assert "first recorded" in body and "Needs more information" in body
    assert words in body  # the second reviewer's text is kept in the form
    assert f'name="version" value="{seen_version + 1}"' in body  # resubmitting is a deliberate second step
    assert list(Decision.objects.filter(finding=finding).values_list("made_by__username", flat=True)) == [
        "first"
    ]
    again = _decide(
        client, finding.finding_id, outcome="stalking_s2a", version=seen_version + 1, rationale=words
    )
    assert again.status_code == 302
    assert Decision.objects.filter(finding=finding).count() == 2


def test_the_service_refuses_a_stale_version(loaded_run, make_user) -> None:
    finding = Finding.objects.first()
    user = make_user("a", "analyst")
    services.decide_finding(
        finding=finding, user=user, outcome="refer_spo", rationale="SPO.", expected_version=1
    )
    with pytest.raises(services.DecisionConflict, match="after you opened it"):
        services.decide_finding(
            finding=finding, user=user, outcome="refer_spo", rationale="SPO.", expected_version=1
        )


def test_public_protection_may_refer_for_an_spo_but_not_reclassify(client, signed_in, loaded_run) -> None:
    signed_in("ppu", "public_protection")
    finding = Finding.objects.get(finding_id=loaded_run[4]["finding_id"])
    refused = _decide(
        client, finding.finding_id, outcome="stalking_s4a", version=finding.version, rationale="x"
    )
    assert refused.status_code == 400  # not among the choices offered to this role
    assert not Decision.objects.exists()
    ok = _decide(
        client,
        finding.finding_id,
        outcome="refer_spo",
        version=finding.version,
        rationale="Fixated ex-partner, escalating: consider an interim SPO.",
    )
    assert ok.status_code == 302 and Decision.objects.get().outcome == "refer_spo"


def test_victim_care_cannot_decide(client, signed_in, loaded_run) -> None:
    signed_in("carer", "victim_care")
    finding = Finding.objects.first()
    response = _decide(
        client, finding.finding_id, outcome="refer_spo", version=finding.version, rationale="x"
    )
    assert response.status_code == 403


def test_an_spo_referral_keeps_a_pending_recording_change(loaded_run, make_user) -> None:
    finding = next(f for f in Finding.objects.all() if "8L" in f.recorded_classes)
    services.decide_finding(
        finding=finding,
        user=make_user("a", "analyst"),
        outcome="stalking_s4a",
        rationale="Fear of violence twice.",
        expected_version=finding.version,
    )
    finding.refresh_from_db()
    services.decide_finding(
        finding=finding,
        user=make_user("p", "public_protection"),
        outcome="refer_spo",
        rationale="Consider an SPO.",
        expected_version=finding.version,
    )
    finding.refresh_from_db()
    assert finding.decision_status == "awaiting_sign_off" and finding.decision_outcome == "stalking_s4a"
    assert Decision.objects.filter(finding=finding, status="proposed").count() == 1
