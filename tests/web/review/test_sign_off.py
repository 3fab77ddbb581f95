"""Recording changes need two people: whoever proposes cannot sign off; only a registrar can."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review import services
from fourfold.web.review.models import Decision, Finding


@pytest.fixture
def proposal(loaded_run, make_user) -> Decision:
    finding = next(f for f in Finding.objects.all() if "8L" in f.recorded_classes)
    proposer = make_user("proposer", "registrar")
    return services.decide_finding(
        finding=finding,
        user=proposer,
        outcome="stalking_s2a",
        rationale="Pattern of contact and loitering.",
        expected_version=finding.version,
    )


def _post(client, decision: Decision, **data):
    data.setdefault("version", Finding.objects.get(pk=decision.finding_id).version)
    return client.post(
        reverse("review:sign-off", kwargs={"finding_id": decision.finding.finding_id}),
        {"decision": decision.pk, **data},
    )


def test_the_proposer_cannot_sign_off_their_own_change(client, proposal) -> None:
    client.force_login(proposal.made_by)
    page = client.get(reverse("review:finding", kwargs={"finding_id": proposal.finding.finding_id}))
    assert 'data-testid="sign-off-form"' not in page.content.decode()
    assert "another registrar must sign it off" in page.content.decode()
    assert _post(client, proposal, verdict="approve").status_code == 403
    assert Decision.objects.get(pk=proposal.pk).status == "proposed"


def test_a_second_registrar_approves(client, signed_in, proposal) -> None:
    approver = signed_in("approver", "registrar")
    assert _post(client, proposal, verdict="approve", note="Agreed.").status_code == 302
    decision = Decision.objects.get(pk=proposal.pk)
    assert decision.status == "approved" and decision.signed_off_by == approver
    finding = Finding.objects.get(pk=proposal.finding_id)
    assert (finding.decision_status, finding.decision_outcome) == ("decided", "stalking_s2a")
    assert AuditEntry.objects.filter(action="decision.sign_off", user=approver).exists()


def test_refusing_needs_a_reason_and_sends_the_finding_back(client, signed_in, proposal) -> None:
    signed_in("approver", "registrar")
    assert _post(client, proposal, verdict="refuse").status_code == 400
    assert _post(client, proposal, verdict="refuse", note="Only one occasion in law.").status_code == 302
    assert Decision.objects.get(pk=proposal.pk).status == "rejected"
    assert Finding.objects.get(pk=proposal.finding_id).decision_status == "undecided"


def test_only_registrars_sign_off(client, signed_in, proposal) -> None:
    signed_in("boss", "supervisor")
    assert _post(client, proposal, verdict="approve").status_code == 403


def test_signing_off_a_decision_already_signed_off_is_a_conflict(
    client, signed_in, proposal, make_user
) -> None:
    version = Finding.objects.get(pk=proposal.finding_id).version
    services.sign_off_decision(
        decision=proposal, user=make_user("r2", "registrar"), approve=True, expected_version=version
    )
    signed_in("r3", "registrar")
    response = _post(client, proposal, verdict="refuse", note="No.", version=version)
    assert response.status_code == 409
    assert Decision.objects.get(pk=proposal.pk).status == "approved"


def test_the_database_refuses_self_sign_off(proposal) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.filter(pk=proposal.pk).update(signed_off_by=proposal.made_by)
