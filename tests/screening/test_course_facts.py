"""Folding one course's records into the facts the law needs."""

from __future__ import annotations

import datetime as dt

from fourfold.screening.findings import RecordFacts, course_facts, finding_id


def _ev(**kw):
    base = {
        "behaviours": [],
        "four": {},
        "fear": [],
        "fear_occasions": 0,
        "sad": [],
        "occasions": 1,
        "span_days": None,
        "repetition": [],
        "relationship": None,
        "relationship_spans": [],
    }
    base.update(kw)
    return base


def _rec(
    rid: str, day: int, ev: dict, relationship: str | None = None, cls: str | None = None
) -> RecordFacts:
    return RecordFacts(rid, dt.date(2024, 1, day), cls, relationship, ev)


def test_occasions_count_records_and_stated_repetition() -> None:
    facts = course_facts(
        [_rec("A", 1, _ev(occasions=5)), _rec("B", 9, _ev(occasions=0)), _rec("C", 3, _ev())]
    )
    assert facts.occasions == 5 + 1 + 1
    assert facts.record_dates == [dt.date(2024, 1, 1), dt.date(2024, 1, 3), dt.date(2024, 1, 9)]


def test_fear_occasions_summed_and_breaches_counted_per_record() -> None:
    records = [
        _rec(
            "A",
            1,
            _ev(
                fear=[[0, 5, "scared"]],
                fear_occasions=0,
                behaviours=[["breach_of_order", 0, 4, "came"], ["breach_of_order", 10, 14, "rang"]],
            ),
        ),
        _rec("B", 2, _ev(fear=[[0, 5, "scared"]], fear_occasions=2, sad=[[6, 9, "moved"]])),
    ]
    facts = course_facts(records)
    assert facts.fear_of_violence_occasions == 3
    assert facts.serious_alarm_distress
    assert facts.breaches == 1
    assert [b[0] for b in facts.behaviours] == ["breach_of_order", "breach_of_order"]


def test_relationship_structured_field_wins_over_narrative_cue() -> None:
    records = [
        _rec("A", 1, _ev(relationship="stranger"), relationship="ex_partner"),
        _rec("B", 2, _ev(relationship="stranger"), relationship="unknown"),
    ]
    assert course_facts(records).relationship == "ex_partner"


def test_relationship_falls_back_to_narrative_cue() -> None:
    records = [_rec("A", 1, _ev(relationship="ex_partner"), relationship="unknown"), _rec("B", 2, _ev())]
    assert course_facts(records).relationship == "ex_partner"
    assert course_facts([_rec("A", 1, _ev(), relationship="unknown")]).relationship == "unknown"
    assert course_facts([_rec("A", 1, _ev())]).relationship is None


def test_spans_keep_character_offsets_and_four_elements() -> None:
    ev = _ev(
        behaviours=[["following", 3, 11, "followed"]],
        four={"fixated": [[20, 28, "obsessed"]]},
        repetition=[[30, 37, "5 times"]],
    )
    facts = course_facts([_rec("A", 1, ev, cls="8l")])
    assert facts.four["fixated"] == [("A", "obsessed")]
    assert facts.four["obsessive"] == []
    assert {(s["kind"], s["start"], s["end"]) for s in facts.spans} == {
        ("behaviour", 3, 11),
        ("four", 20, 28),
        ("repetition", 30, 37),
    }
    assert facts.recorded_classes == ["8l"]


def test_finding_id_is_stable_and_distinguishes_unknown_suspects() -> None:
    assert finding_id("V1", "S1", ["R1"]) == finding_id("V1", "S1", ["R0", "R1"])
    assert finding_id("V1", None, ["R1"]) != finding_id("V1", None, ["R2"])
    assert finding_id("V1", "S1", ["R1"]).startswith("F-")


def _ided(rid: str, day: int, ev: dict, *idents: tuple[str, str]) -> RecordFacts:
    return RecordFacts(rid, dt.date(2024, 1, day), None, None, ev, frozenset(idents))


def test_unknown_suspect_records_are_assessed_together_only_when_linked() -> None:
    from fourfold.screening.findings import linked_records

    handle = ("handle", "watcher1")
    records = [
        _ided("A", 1, _ev(behaviours=[["interfering_property", 0, 6, "damage"]])),
        _ided("B", 2, _ev(behaviours=[["contacting", 0, 4, "msgs"]]), handle),
        _ided(
            "C", 3, _ev(behaviours=[["monitoring_online", 0, 4, "views"]]), handle, ("phone", "+447700900123")
        ),
        _ided("D", 4, _ev(), ("phone", "+447700900123")),
    ]
    assert [r.record_id for r in linked_records(records)] == ["B", "C", "D"]


def test_unlinked_unknown_suspect_records_fall_back_to_the_strongest_single_record() -> None:
    from fourfold.screening.findings import linked_records

    records = [
        _ided("A", 1, _ev(behaviours=[["violence", 0, 6, "punched"]])),
        _ided(
            "B", 2, _ev(occasions=6, behaviours=[["contacting", 0, 4, "6 calls"], ["threats", 5, 9, "kill"]])
        ),
        _ided("C", 3, _ev()),
    ]
    assert [r.record_id for r in linked_records(records)] == ["B"]
    assert course_facts(linked_records(records)).occasions == 6


def test_suspect_identifiers_normalise_and_skip_names() -> None:
    from fourfold.screening.findings import suspect_identifiers

    found = suspect_identifiers([["name", "Bob Birch"], ["handle", "watcher1"]], "07700 900123", "", None)
    assert ("handle", "watcher1") in found
    assert ("phone", "+447700900123") in found
    assert not any(kind == "name" for kind, _v in found)
