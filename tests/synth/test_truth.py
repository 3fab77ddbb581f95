"""truth.jsonl keeps the contract in ARCHITECTURE.md and agrees with records.csv."""

from __future__ import annotations

from collections import Counter, defaultdict

from fourfold.law.behaviours import BEHAVIOUR_IDS

# The design.md §4.3 behaviour ids have one home, the law tables (checked against design.md in tests/law).
BEHAVIOURS = set(BEHAVIOUR_IDS)
OFFENCES = {
    "stalking": {"PHA 1997 s.4A", "PHA 1997 s.2A"},
    "harassment": {"PHA 1997 s.4", "PHA 1997 s.2"},
    "none": {None},
}
COURSE_KEYS = {
    "course_id",
    "victim_person_id",
    "suspect_person_id",
    "record_ids",
    "label",
    "offence",
    "behaviours",
    "scenario",
    "cross_record",
    "recorded_class_correct",
}


def test_mentions_point_at_existing_records_once_per_role(force):
    ids = {r["record_id"] for r in force.rows}
    seen = Counter((m["record_id"], m["role"]) for m in force.mentions)
    assert all(m["record_id"] in ids for m in force.mentions)
    assert all(m["role"] in {"victim", "suspect"} for m in force.mentions)
    assert max(seen.values()) == 1


def test_every_person_in_the_columns_has_a_true_person_id(force):
    by_key = {(m["record_id"], m["role"]): m for m in force.mentions}
    for r in force.rows:
        for role in ("victim", "suspect"):
            m = by_key.get((r["record_id"], role))
            if r[f"{role}_ref"]:
                assert m is not None and m["source"] == "columns"
            elif m is not None:
                assert m["source"] == "narrative"  # named only in the narrative


def test_a_ref_belongs_to_one_person(force):
    owner: dict[str, str] = {}
    rows = {r["record_id"]: r for r in force.rows}
    for m in force.mentions:
        if m["source"] != "columns":
            continue
        ref = rows[m["record_id"]][f"{m['role']}_ref"]
        assert owner.setdefault(ref, m["person_id"]) == m["person_id"]


def test_courses_keep_the_contract(force):
    assert force.courses
    for c in force.courses:
        assert COURSE_KEYS <= c.keys()
        assert c["label"] in OFFENCES
        assert c["offence"] in OFFENCES[c["label"]]
        assert set(c["behaviours"]) <= BEHAVIOURS
        assert len(c["record_ids"]) >= 2  # a course of conduct needs two or more occasions (PHA 1997 s.7(3))
        assert isinstance(c["cross_record"], bool) and isinstance(c["recorded_class_correct"], bool)
        if c["label"] != "none":
            assert c["behaviours"]


def test_course_records_and_people_exist_and_agree(force):
    rows = {r["record_id"]: r for r in force.rows}
    mention = {(m["record_id"], m["role"]): m["person_id"] for m in force.mentions}
    in_course: Counter[str] = Counter()
    for c in force.courses:
        for rid in c["record_ids"]:
            assert rid in rows
            in_course[rid] += 1
            assert mention[(rid, "victim")] == c["victim_person_id"]
            suspect = mention.get((rid, "suspect"))
            if c["suspect_person_id"] is None:
                assert suspect is None
            elif suspect is not None:
                assert suspect == c["suspect_person_id"]
        # record ids in chronological order
        dates = [rows[rid]["reported_at"][:10] for rid in c["record_ids"]]
        assert dates == sorted(dates)
    assert max(in_course.values()) == 1  # a record belongs to at most one course


def test_recorded_class_correct_matches_the_records(force):
    rows = {r["record_id"]: r for r in force.rows}
    for c in force.courses:
        classes = {rows[rid]["recorded_class"] for rid in c["record_ids"]}
        want = {"stalking": "8Q", "harassment": "8L"}.get(c["label"])
        if want:
            assert c["recorded_class_correct"] == (want in classes)
        else:
            assert c["recorded_class_correct"] == (not classes & {"8Q", "8L"})


def test_cross_record_courses_spread_over_ordinary_looking_records(rich_force):
    rows = {r["record_id"]: r for r in rich_force.rows}
    cross = [c for c in rich_force.courses if c["cross_record"]]
    assert len(cross) >= 10
    for c in cross:
        assert c["label"] == "stalking"
        assert len(c["record_ids"]) >= 3
        assert all(rows[rid]["recorded_class"] != "8Q" for rid in c["record_ids"])
        per_record = [c["record_behaviours"][rid] for rid in c["record_ids"]]
        assert all(len(b) == 1 for b in per_record)  # one ordinary event per record
        assert len({b[0] for b in per_record}) >= 2  # of different kinds
        for rid in c["record_ids"]:
            text = rows[rid]["narrative"].lower()
            for history in (
                "stalk",
                "ongoing since",
                "ongoing for",
                "previous reports",
                "previous incidents",
                "pattern of behaviour",
                "repeat behaviour",
                "same susp as previous",
                "getting worse",
            ):
                assert history not in text, text


def test_anonymous_courses_have_no_suspect_but_an_identifier_in_the_text(rich_force):
    rows = {r["record_id"]: r for r in rich_force.rows}
    anon = [c for c in rich_force.courses if c["scenario"] == "online_anonymous_stalking"]
    assert anon
    for c in anon:
        assert c["suspect_person_id"] is None
        for rid in c["record_ids"]:
            assert rows[rid]["suspect_ref"] == ""


def test_one_suspect_several_victims(rich_force):
    victims = defaultdict(set)
    for c in rich_force.courses:
        if c["scenario"] == "multi_victim_stalking":
            victims[c["suspect_person_id"]].add(c["victim_person_id"])
    assert any(len(v) >= 2 for v in victims.values())


def test_victim_who_moves_shows_two_addresses(rich_force):
    rows = {r["record_id"]: r for r in rich_force.rows}
    moved = 0
    for c in rich_force.courses:
        if c["scenario"] == "victim_moves_stalking":
            addresses = {rows[rid]["victim_address"] for rid in c["record_ids"]} - {""}
            moved += len(addresses) >= 2
    assert moved >= 1


def test_s4a_courses_carry_fear_or_effect_statements(rich_force):
    rows = {r["record_id"]: r for r in rich_force.rows}
    cues = (
        "fear",
        "terrified",
        "frightened",
        "scared",
        "moved",
        "route",
        "off work",
        "installed",
        "install",
        "sleep",
        "kill",
        "violence",
        "attack",
        "hurt",
        "no longer goes out",
        "stopped going",
        "staying with",
        "leave her job",
        "leave his job",
        "panic",
    )
    with_cue = total = 0
    for c in rich_force.courses:
        if c["offence"] in ("PHA 1997 s.4A", "PHA 1997 s.4"):
            text = " ".join(rows[rid]["narrative"].lower() for rid in c["record_ids"])
            total += 1
            with_cue += any(cue in text for cue in cues)
    assert total > 20 and with_cue / total > 0.9  # a typo can hide a cue word, as in real records


def test_suspects_named_only_in_the_narrative_are_named_there(force):
    rows = {r["record_id"]: r for r in force.rows}
    named = [m for m in force.mentions if m["source"] == "narrative"]
    assert named
    surnames = {}
    for m in force.mentions:
        if m["source"] == "columns" and m["role"] == "suspect" and "misspelling" not in m["noise"]:
            surnames.setdefault(m["person_id"], rows[m["record_id"]]["suspect_surname"])
    checked = found = 0
    for m in named:
        surname = surnames.get(m["person_id"])
        if surname:
            checked += 1
            found += surname.lower() in rows[m["record_id"]]["narrative"].lower()
    assert checked > 20 and found / checked > 0.95  # an officer's typo may hit the name itself
