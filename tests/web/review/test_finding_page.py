"""The finding page: timeline with highlighted evidence, FOUR panel, related findings, need to know, audit."""

from __future__ import annotations

from django.urls import reverse

from fourfold.web.audit.models import AuditEntry
from fourfold.web.review.models import Finding


def _url(finding_id: str) -> str:
    return reverse("review:finding", kwargs={"finding_id": finding_id})


def test_the_page_shows_timeline_evidence_four_and_rationale(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    finding = loaded_run[0]
    body = client.get(_url(finding["finding_id"])).content.decode()
    assert "moj-timeline" in body
    for rid in finding["record_ids"]:
        assert f"Record {rid}" in body
    phrase = finding["behaviours"][0]["evidence"]
    assert f'<mark class="review-evidence" title="Following" tabindex="0">{phrase}' in body
    assert 'data-testid="four-panel"' in body and "FOUR: " in body
    assert finding["recommendation"]["rationale"] in body
    assert "Make a decision" in body


def test_other_findings_with_the_same_suspect_and_victim_are_listed(client, signed_in, tmp_path) -> None:
    import random

    from fourfold.web.review.loading import load_run

    from .factories import make_finding, write_run

    rng = random.Random(3)
    a, ra = make_finding(1, rng, suspect="P-SHARED")
    b, rb = make_finding(2, rng, suspect="P-SHARED")
    c, rc = make_finding(3, rng, suspect="P-OTHER", victim=a["victim_id"])
    write_run(tmp_path, [a, b, c], ra + rb + rc)
    load_run(tmp_path)
    signed_in("adviser", "analyst")
    body = client.get(_url(a["finding_id"])).content.decode()
    same_suspect = body.split('data-testid="same-suspect"')[1].split("</ul>")[0]
    same_victim = body.split('data-testid="same-victim"')[1].split("</ul>")[0]
    assert b["finding_id"] in same_suspect and c["finding_id"] not in same_suspect
    assert c["finding_id"] in same_victim and b["finding_id"] not in same_victim


def test_every_view_is_audited(client, signed_in, loaded_run) -> None:
    user = signed_in("adviser", "analyst")
    finding_id = loaded_run[2]["finding_id"]
    client.get(_url(finding_id))
    client.get(_url(finding_id))
    entries = AuditEntry.objects.filter(action="finding.view", object_id=finding_id, user=user)
    assert entries.count() == 2


def test_contact_details_are_hidden_from_an_analyst(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    finding = Finding.objects.select_related("victim").get(finding_id=loaded_run[0]["finding_id"])
    body = client.get(_url(finding.finding_id)).content.decode()
    assert finding.victim.address not in body  # not in the people panel, and masked in the narrative
    assert finding.victim.phone not in body and finding.victim.email not in body
    assert "[address hidden]" in body and 'data-testid="contact-hidden"' in body


def test_contact_details_are_shown_to_victim_care(client, signed_in, loaded_run) -> None:
    signed_in("carer", "victim_care")
    finding = Finding.objects.select_related("victim").get(finding_id=loaded_run[0]["finding_id"])
    body = client.get(_url(finding.finding_id)).content.decode()
    assert finding.victim.address in body and finding.victim.phone in body
    assert "Make a decision" not in body  # victim care reads; it does not decide


def test_unknown_finding_is_404_and_auditor_is_403(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    assert client.get(_url("F-NOPE")).status_code == 404
    client.logout()
    signed_in("checker", "auditor")
    assert client.get(_url(loaded_run[0]["finding_id"])).status_code == 403


def test_a_record_linked_without_naming_the_suspect_says_how_it_was_linked(
    client, signed_in, tmp_path
) -> None:
    import random

    from fourfold.web.review.loading import load_run
    from fourfold.web.review.models import FindingRecord

    from .factories import make_finding, write_run

    finding, records = make_finding(7, random.Random(7), suspect="P-NAMED")
    linked_rid = finding["record_ids"][1]
    reason = f"the narrative of {linked_rid} names Callaghan, the surname of this victim's suspect"
    finding["linked_via"] = [
        {"record_id": linked_rid, "kind": "name", "value": "Callaghan", "reason": reason}
    ]
    write_run(tmp_path, [finding], records)
    load_run(tmp_path)
    link = FindingRecord.objects.get(finding__finding_id=finding["finding_id"], record__record_id=linked_rid)
    assert (link.link_reason, link.possible, link.possible_reason) == (reason, False, "")
    signed_in("adviser", "analyst")
    body = client.get(_url(finding["finding_id"])).content.decode()
    assert 'data-testid="link-reason"' in body and "names Callaghan" in body
