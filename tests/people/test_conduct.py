import pandas as pd

from fourfold.people import assemble_courses


def _records(rows):
    base = {
        "relationship": "ex_partner",
        "suspect_phone": None,
        "suspect_email": None,
        "suspect_online_handle": None,
    }
    return pd.DataFrame([{**base, **r} for r in rows])


def _ids(rows):
    return pd.DataFrame(rows, columns=["record_id", "kind", "value"])


def test_records_of_the_same_pair_form_one_chronological_course():
    records = _records(
        [
            {"record_id": "R2", "reported_at": "2024-02-01", "victim_id": "V", "suspect_id": "S"},
            {"record_id": "R1", "reported_at": "2024-01-01", "victim_id": "V", "suspect_id": "S"},
        ]
    )
    (course,) = assemble_courses(records, _ids([]))
    assert (course.victim_id, course.suspect_id, course.record_ids) == ("V", "S", ["R1", "R2"])


def test_unknown_suspect_linked_through_a_phone_named_in_another_records_narrative():
    records = _records(
        [
            {"record_id": "R1", "reported_at": "2024-01-01", "victim_id": "V", "suspect_id": "S"},
            # Suspect unknown here, but this record holds the number that texted the victim.
            {
                "record_id": "R2",
                "reported_at": "2024-01-20",
                "victim_id": "V",
                "suspect_id": None,
                "suspect_phone": "07700 900555",
            },
        ]
    )
    # R1's narrative says the suspect called from 07700900555.
    identifiers = _ids([("R1", "phone", "+447700900555")])
    (course,) = assemble_courses(records, identifiers)
    assert course.suspect_id == "S" and course.record_ids == ["R1", "R2"]
    assert course.linked_via[0]["record_id"] == "R2"
    assert course.linked_via[0]["via_record_id"] == "R1"
    assert course.linked_via[0]["found_in"] == "suspect field"


def test_empty_suspect_fields_but_narrative_names_a_known_suspects_handle():
    records = _records(
        [
            {
                "record_id": "R1",
                "reported_at": "2024-03-01",
                "victim_id": "V2",
                "suspect_id": "S",
                "suspect_online_handle": "@Night_Owl",
            },
            {"record_id": "R2", "reported_at": "2024-03-09", "victim_id": "V2", "suspect_id": None},
        ]
    )
    identifiers = _ids([("R2", "handle", "night_owl")])
    (course,) = assemble_courses(records, identifiers)
    assert course.record_ids == ["R1", "R2"]
    assert course.linked_via[0]["found_in"] == "narrative"


def test_one_suspect_with_several_victims_and_one_victim_with_several_suspects():
    records = _records(
        [
            {"record_id": "R1", "reported_at": "2024-01-01", "victim_id": "V1", "suspect_id": "S1"},
            {"record_id": "R2", "reported_at": "2024-01-05", "victim_id": "V2", "suspect_id": "S1"},
            {"record_id": "R3", "reported_at": "2024-01-09", "victim_id": "V1", "suspect_id": "S2"},
        ]
    )
    pairs = {(c.victim_id, c.suspect_id) for c in assemble_courses(records, _ids([]))}
    assert pairs == {("V1", "S1"), ("V2", "S1"), ("V1", "S2")}


def test_identifier_shared_by_two_suspects_links_nothing():
    records = _records(
        [
            {
                "record_id": "R1",
                "reported_at": "2024-01-01",
                "victim_id": "V",
                "suspect_id": "S1",
                "suspect_email": "shared@example.com",
            },
            {
                "record_id": "R2",
                "reported_at": "2024-01-02",
                "victim_id": "W",
                "suspect_id": "S2",
                "suspect_email": "shared@example.com",
            },
            {
                "record_id": "R3",
                "reported_at": "2024-01-03",
                "victim_id": "V",
                "suspect_id": None,
                "suspect_email": "SHARED@example.com",
            },
        ]
    )
    courses = {(c.victim_id, c.suspect_id): c for c in assemble_courses(records, _ids([]))}
    assert courses[("V", None)].record_ids == ["R3"]
    assert not courses[("V", "S1")].linked_via


def test_same_victim_unknown_suspect_records_near_in_time_are_offered_as_possible():
    records = _records(
        [
            {"record_id": "R1", "reported_at": "2024-01-01", "victim_id": "V", "suspect_id": "S"},
            {"record_id": "R2", "reported_at": "2024-02-01", "victim_id": "V", "suspect_id": "S"},
            {"record_id": "R3", "reported_at": "2024-02-10", "victim_id": "V", "suspect_id": None},
            {"record_id": "R4", "reported_at": "2025-06-01", "victim_id": "V", "suspect_id": None},
        ]
    )
    courses = {(c.victim_id, c.suspect_id): c for c in assemble_courses(records, _ids([]))}
    possible = courses[("V", "S")].possible_record_ids
    assert [p["record_id"] for p in possible] == ["R3"]
    assert "9 days after" in possible[0]["reason"]
    # The unknown-suspect records are kept as the victim's own course too (anonymous stalking).
    assert courses[("V", None)].record_ids == ["R3", "R4"]


def test_attachment_chains_through_a_newly_attached_record():
    records = _records(
        [
            {
                "record_id": "R1",
                "reported_at": "2024-01-01",
                "victim_id": "V",
                "suspect_id": "S",
                "suspect_phone": "07700900111",
            },
            {
                "record_id": "R2",
                "reported_at": "2024-01-02",
                "victim_id": "V",
                "suspect_id": None,
                "suspect_phone": "07700 900111",
                "suspect_email": "anon@example.org",
            },
            {"record_id": "R3", "reported_at": "2024-01-03", "victim_id": "V", "suspect_id": None},
        ]
    )
    identifiers = _ids([("R3", "email", "Anon@Example.org")])
    (course,) = [c for c in assemble_courses(records, identifiers) if c.suspect_id == "S"]
    assert course.record_ids == ["R1", "R2", "R3"]


def _named(rows):
    base = {"suspect_surname": None, "victim_surname": "Okafor", "narrative": None}
    return _records([{**base, **r} for r in rows])


def test_unknown_suspect_record_naming_the_victims_known_suspect_by_surname_is_attached():
    records = _named(
        [
            {
                "record_id": "R1",
                "reported_at": "2024-07-21",
                "victim_id": "V",
                "suspect_id": "S",
                "suspect_surname": "Callaghan",
            },
            {
                "record_id": "R2",
                "reported_at": "2024-07-09",
                "victim_id": "V",
                "suspect_id": None,
                "narrative": "CALLAGHAN MARIE CONTINUES TO CONTACT IP ON EMAIL.",
            },
        ]
    )
    (course,) = assemble_courses(records, _ids([]))
    assert course.suspect_id == "S" and course.record_ids == ["R2", "R1"]
    (link,) = course.linked_via
    assert (link["record_id"], link["kind"], link["value"], link["via_record_id"]) == (
        "R2",
        "name",
        "Callaghan",
        "R1",
    )


def test_surname_links_refused_when_ambiguous_the_victims_own_far_in_time_or_another_victims():
    known = {"reported_at": "2024-01-10", "suspect_surname": "Brennan"}
    records = _named(
        [
            {**known, "record_id": "A1", "victim_id": "VA", "suspect_id": "S1"},
            {**known, "record_id": "A2", "victim_id": "VA", "suspect_id": "S2"},  # two Brennans
            {
                "record_id": "A3",
                "reported_at": "2024-01-20",
                "victim_id": "VA",
                "suspect_id": None,
                "narrative": "Brennan was outside again.",
            },
            {**known, "record_id": "B1", "victim_id": "VB", "suspect_id": "S3", "suspect_surname": "Okafor"},
            {
                "record_id": "B2",
                "reported_at": "2024-01-20",
                "victim_id": "VB",
                "suspect_id": None,
                "narrative": "Mrs Okafor reports a parcel left on her car.",  # the victim's own surname
            },
            {**known, "record_id": "C1", "victim_id": "VC", "suspect_id": "S4", "suspect_surname": "Pall"},
            {
                "record_id": "C2",
                "reported_at": "2025-06-01",  # more than FIT_DAYS after the suspect's records
                "victim_id": "VC",
                "suspect_id": None,
                "narrative": "IP suspects Pall is behind this.",
            },
            {
                "record_id": "D2",
                "reported_at": "2024-01-20",
                "victim_id": "VD",  # another victim: names are never matched across victims
                "suspect_id": None,
                "narrative": "IP suspects Pall is behind this.",
            },
            {**known, "record_id": "E1", "victim_id": "VE", "suspect_id": "S5", "suspect_surname": "May"},
            {
                "record_id": "E2",
                "reported_at": "2024-01-20",
                "victim_id": "VE",
                "suspect_id": None,
                "narrative": "IP may have seen a car. May be linked.",  # an everyday word is no name
            },
        ]
    )
    courses = assemble_courses(records, _ids([]))
    unknown = {rid for c in courses if c.suspect_id is None for rid in c.record_ids}
    assert unknown == {"A3", "B2", "C2", "D2", "E2"}
    assert not any(c.linked_via for c in courses)


def _presumed(rows):
    base = {"stalking_acts": None}
    return _records([{**base, **r} for r in rows])


def test_a_record_naming_nobody_but_describing_an_act_at_the_person_is_presumed_the_only_suspects():
    records = _presumed(
        [
            {"record_id": "K1", "reported_at": "2024-11-24", "victim_id": "V", "suspect_id": "S"},
            {
                "record_id": "U1",
                "reported_at": "2024-11-03",
                "victim_id": "V",
                "suspect_id": None,
                "stalking_acts": "tracking_device",
            },
            # damage or contact alone (empty acts), or nothing, is never presumed
            {
                "record_id": "U2",
                "reported_at": "2024-11-10",
                "victim_id": "V",
                "suspect_id": None,
                "stalking_acts": "",
            },
        ]
    )
    courses = {c.suspect_id: c for c in assemble_courses(records, _ids([]))}
    assert courses["S"].record_ids == ["U1", "K1"]
    (link,) = courses["S"].linked_via
    assert (link["record_id"], link["kind"], link["value"]) == ("U1", "presumed", "tracking_device")
    assert "confirm before recording" in link["reason"]
    assert courses[None].record_ids == ["U2"]


def test_nothing_is_presumed_with_two_suspects_another_victim_or_far_in_time():
    act = {"suspect_id": None, "stalking_acts": "loitering"}
    records = _presumed(
        [
            {"record_id": "A1", "reported_at": "2024-01-10", "victim_id": "VA", "suspect_id": "S1"},
            {"record_id": "A2", "reported_at": "2024-01-12", "victim_id": "VA", "suspect_id": "S2"},
            {**act, "record_id": "A3", "reported_at": "2024-01-20", "victim_id": "VA"},
            {"record_id": "B1", "reported_at": "2024-01-10", "victim_id": "VB", "suspect_id": "S3"},
            {**act, "record_id": "B2", "reported_at": "2025-03-01", "victim_id": "VB"},
            {**act, "record_id": "C2", "reported_at": "2024-01-20", "victim_id": "VC"},
        ]
    )
    courses = assemble_courses(records, _ids([]))
    assert not any(c.linked_via for c in courses)
    unknown = {rid for c in courses if c.suspect_id is None for rid in c.record_ids}
    assert unknown == {"A3", "B2", "C2"}
