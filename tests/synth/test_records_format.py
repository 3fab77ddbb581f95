"""Every row passes the records format of design.md §4.2."""

from __future__ import annotations

import datetime as dt
import re

# The records format has one home, the ingest schema (design.md §4.2); the generator must satisfy it.
from fourfold.screening.schema import OPTIONAL_COLUMNS as OPTIONAL
from fourfold.screening.schema import RELATIONSHIPS
from fourfold.screening.schema import REQUIRED_COLUMNS as REQUIRED

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9]{1,2}[A-Z]? [0-9][A-Z]{2}$")


def test_has_every_column_of_the_format(force):
    header = list(force.rows[0].keys())
    for col in REQUIRED + OPTIONAL:
        assert col in header


def test_writes_exactly_the_requested_number_of_rows(force):
    assert len(force.rows) == force.config.records


def test_record_ids_are_unique_and_present(force):
    ids = [r["record_id"] for r in force.rows]
    assert all(ids)
    assert len(set(ids)) == len(ids)


def test_dates_are_iso_8601(force):
    for r in force.rows:
        reported = dt.datetime.fromisoformat(r["reported_at"])
        assert force.config.start <= reported.date() <= force.config.end
        if r["occurred_at"]:
            occurred = dt.datetime.fromisoformat(r["occurred_at"])
            if len(r["reported_at"]) == 10:  # date only
                assert occurred.date() <= reported.date()
            else:
                assert occurred <= reported
        for col in ("victim_dob", "suspect_dob"):
            if r[col]:
                dt.date.fromisoformat(r[col])


def test_narratives_are_filled_and_have_no_unfilled_slots(force):
    for r in force.rows:
        assert r["narrative"].strip()
        assert not re.search(r"\{[A-Za-z_]+\}|\[[^\]]*\|", r["narrative"]), r["narrative"]


def test_enumerated_values_are_allowed(force):
    for r in force.rows:
        assert r["relationship"] in RELATIONSHIPS | {""}
        assert r["record_type"] in {"incident", "crime"}
        assert (r["record_type"] == "crime") == bool(r["recorded_class"])
        assert r["victim_sex"] in {"M", "F", ""}
        assert r["suspect_sex"] in {"M", "F", ""}


def test_people_fields_look_like_uk_records(force):
    for r in force.rows:
        for role in ("victim", "suspect"):
            if r[f"{role}_postcode"]:
                assert POSTCODE.match(r[f"{role}_postcode"]), r[f"{role}_postcode"]
            phone = r[f"{role}_phone"].replace(" ", "")
            if phone:
                assert re.fullmatch(r"(07|\+447)\d{9}", phone), phone
            if r[f"{role}_email"]:
                assert re.fullmatch(r"[^@\s]+@[a-z.]+", r[f"{role}_email"])


def test_rows_are_in_date_order_like_an_export(force):
    dates = [r["reported_at"][:10] for r in force.rows]
    assert dates == sorted(dates)
