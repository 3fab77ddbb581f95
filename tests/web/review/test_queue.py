"""The review queue: filters, sorting, pagination, and who may see it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from fourfold.web.review.models import Finding

URL = reverse("review:queue")


def _ids(response: Any) -> list[str]:
    return re.findall(r'href="/review/findings/(F-\d+)/"', response.content.decode())


def test_the_queue_lists_current_findings_highest_priority_first(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    response = client.get(URL)
    assert response.status_code == 200
    expected = list(Finding.objects.order_by("-priority", "-id").values_list("finding_id", flat=True)[:30])
    assert _ids(response) == expected


@pytest.mark.parametrize(
    ("params", "predicate"),
    [
        ({"classification": ["stalking"]}, lambda f: f.classification == "stalking"),
        ({"classification": ["harassment", "none"]}, lambda f: f.classification in ("harassment", "none")),
        ({"misrecorded": "yes"}, lambda f: f.misrecorded),
        ({"misrecorded": "no"}, lambda f: not f.misrecorded),
        ({"priority": ["high"]}, lambda f: f.priority >= 0.7),
        ({"priority": ["low", "medium"]}, lambda f: f.priority < 0.7),
        ({"risk_flags": ["escalation"]}, lambda f: "escalation" in f.risk_flags),
        ({"relationship": ["ex_partner"]}, lambda f: f.relationship == "ex_partner"),
        ({"date_from": "2025-01-01"}, lambda f: str(f.last_date) >= "2025-01-01"),
        ({"date_to": "2024-06-30"}, lambda f: str(f.first_date) <= "2024-06-30"),
        ({"decision_status": ["undecided"]}, lambda f: f.decision_status == "undecided"),
    ],
)
def test_each_filter_keeps_exactly_the_matching_findings(
    client, signed_in, loaded_run, params, predicate
) -> None:
    signed_in("adviser", "analyst")
    response = client.get(URL, params)
    assert response.status_code == 200
    expected = {f.finding_id for f in Finding.objects.all() if predicate(f)}
    assert expected, "the synthetic run should contain matches for every filter"
    assert set(_ids(response)) == expected
    assert f"<strong>{len(expected)}</strong> finding" in response.content.decode()


def test_filters_combine_and_show_as_removable_tags(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    response = client.get(URL, {"classification": ["stalking"], "misrecorded": "yes"})
    expected = {f.finding_id for f in Finding.objects.filter(classification="stalking", misrecorded=True)}
    assert set(_ids(response)) == expected
    body = response.content.decode()
    assert "Selected filters" in body and "moj-filter__tag" in body


def test_sorting_by_a_column_both_ways(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    ascending = _ids(client.get(URL, {"sort": "last_date", "order": "asc"}))
    expected = list(Finding.objects.order_by("last_date", "id").values_list("finding_id", flat=True))
    assert ascending == expected
    response = client.get(URL, {"sort": "four", "order": "desc"})
    assert 'aria-sort="descending"' in response.content.decode()


def test_pagination(client, signed_in, tmp_path) -> None:
    from fourfold.web.review.loading import load_run

    from .factories import build_run

    directory, _ = build_run(tmp_path / "big", count=60)
    load_run(directory)
    signed_in("adviser", "analyst")
    first, second = client.get(URL), client.get(URL, {"page": 2})
    assert len(_ids(first)) == 50 and len(_ids(second)) == 10
    assert not set(_ids(first)) & set(_ids(second))
    assert "1 of 2" in first.content.decode()


def test_a_bad_date_is_shown_as_an_error_not_a_crash(client, signed_in, loaded_run) -> None:
    signed_in("adviser", "analyst")
    response = client.get(URL, {"date_from": "2025-13-45", "classification": ["stalking"]})
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    assert set(_ids(response)) == {f.finding_id for f in Finding.objects.filter(classification="stalking")}


def test_retired_findings_are_hidden_unless_asked_for(client, signed_in, loaded_run) -> None:
    Finding.objects.filter(finding_id="F-000000").update(current=False)
    signed_in("adviser", "analyst")
    assert "F-000000" not in _ids(client.get(URL))
    assert "F-000000" in _ids(client.get(URL, {"include_retired": "on"}))


@pytest.mark.parametrize("role", ["auditor"])
def test_roles_without_findings_get_403(client, signed_in, loaded_run, role) -> None:
    signed_in("someone", role)
    assert client.get(URL).status_code == 403


def test_a_user_with_no_role_gets_403(client, signed_in, loaded_run) -> None:
    signed_in("nobody")
    assert client.get(URL).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client, loaded_run) -> None:
    response = client.get(URL)
    assert response.status_code == 302 and "sign-in" in response["Location"]
