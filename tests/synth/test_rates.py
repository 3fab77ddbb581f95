"""Scenario and noise rates match the configuration within tolerance."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from fourfold.synth.config import NOISE_PRESETS
from fourfold.synth.scenarios import STALKING_SPECS

SCENARIOS = {spec.name for spec, _ in STALKING_SPECS}


def _within(observed: int, n: int, p: float, sigmas: float = 4.0) -> bool:
    sd = math.sqrt(max(n * p * (1 - p), 1.0))
    return abs(observed - n * p) <= sigmas * sd


def test_share_of_records_in_stalking_or_harassment_courses(force):
    in_course = sum(len(c["record_ids"]) for c in force.courses if c["label"] != "none")
    share = in_course / len(force.rows)
    assert abs(share - force.config.stalking_rate) < 0.002


def test_share_follows_a_different_configuration(rich_force):
    in_course = sum(len(c["record_ids"]) for c in rich_force.courses if c["label"] != "none")
    other = sum(len(c["record_ids"]) for c in rich_force.courses if c["label"] == "none")
    assert abs(in_course / len(rich_force.rows) - 0.25) < 0.01
    assert abs(other / len(rich_force.rows) - 0.05) < 0.01


def test_most_records_are_ordinary_police_business(force):
    in_course = {rid for c in force.courses for rid in c["record_ids"]}
    assert len(in_course) / len(force.rows) < 0.05


def test_every_scenario_appears_with_ex_partner_most_common(rich_force):
    counts = Counter(c["scenario"] for c in rich_force.courses)
    assert SCENARIOS <= counts.keys()
    stalking = {k: v for k, v in counts.items() if k in SCENARIOS}
    assert max(stalking, key=stalking.get) == "ex_partner_stalking"
    assert {"child_contact_dispute", "repeat_noise", "repeat_shoplifting", "repeat_welfare"} <= counts.keys()


def test_labels_are_mostly_stalking_with_some_harassment(rich_force):
    labels = Counter(c["label"] for c in rich_force.courses if c["scenario"] in SCENARIOS)
    total = sum(labels.values())
    assert 0.8 < labels["stalking"] / total < 0.97
    assert labels["harassment"] > 0


def test_missing_fields_rate(rich_force):
    p = NOISE_PRESETS["high"].missing_field
    mentions = [m for m in rich_force.mentions if m["source"] == "columns"]
    rows = {r["record_id"]: r for r in rich_force.rows}
    blank = sum(1 for m in mentions if rows[m["record_id"]][f"{m['role']}_dob"] == "")
    assert _within(blank, len(mentions), p)


def _people_views(force):
    rows = {r["record_id"]: r for r in force.rows}
    views = defaultdict(list)
    for m in force.mentions:
        if m["source"] == "columns":
            r = rows[m["record_id"]]
            views[m["person_id"]].append(
                (m, {k[len(m["role"]) + 1 :]: v for k, v in r.items() if k.startswith(m["role"] + "_")})
            )
    return views


def test_noise_tags_are_true_to_the_data(rich_force):
    """Each noise tag in the truth file describes a real difference from the person's usual value."""
    for _, views in _people_views(rich_force).items():
        clean_forenames = {
            v["forename"] for m, v in views if not {"nickname", "misspelling"} & set(m["noise"])
        }
        dobs = Counter(v["dob"] for _, v in views if v["dob"])
        for m, v in views:
            for tag in m["noise"]:
                if tag.startswith("missing:"):
                    assert v[tag.split(":")[1]] == ""
            if "nickname" in m["noise"] and "misspelling" not in m["noise"]:  # a typo can undo a nickname
                assert v["forename"] not in clean_forenames
            if "dob_swap" in m["noise"] and v["dob"] and len(dobs) > 1:
                y, mo, d = v["dob"].split("-")
                assert f"{y}-{d}-{mo}" in dobs


def test_nickname_misspelling_and_swap_rates(rich_force):
    high = NOISE_PRESETS["high"]
    mentions = [m for m in rich_force.mentions if m["source"] == "columns"]
    n = len(mentions)
    tags = Counter(t for m in mentions for t in m["noise"])
    assert _within(tags["misspelling"], n, high.misspelling)
    # Nicknames and swaps only apply where possible (a known nickname; day and month both <= 12 and unequal).
    assert 0.3 * high.nickname * n < tags["nickname"] <= high.nickname * n * 1.1
    assert 0.05 * high.dob_swap * n < tags["dob_swap"] <= high.dob_swap * n * 1.1


def test_several_refs_moves_new_phones_and_shared_names(rich_force):
    views = _people_views(rich_force)
    multi = [v for v in views.values() if len(v) >= 2]
    several_refs = sum(1 for v in multi if len({x["ref"] for _, x in v}) >= 2)
    new_phone = sum(1 for v in multi if len({x["phone"] for _, x in v} - {""}) >= 2)
    assert several_refs > 0.1 * len(multi)
    assert new_phone > 0
    name_owners = defaultdict(set)
    for pid, v in views.items():
        for _, x in v:
            name_owners[(x["forename"], x["surname"])].add(pid)
    assert any(len(owners) >= 3 for owners in name_owners.values())


def test_no_noise_preset_gives_clean_people(tmp_path, make_force):
    from fourfold.synth.config import SynthConfig

    clean = make_force(SynthConfig(records=3000, seed=3, stalking_rate=0.2).with_noise("none"), tmp_path)
    # Only the scenario's own move (victim_moves_stalking) remains; no noise of any kind.
    assert {t for m in clean.mentions for t in m["noise"]} <= {"moved_address"}
    for views in _people_views(clean).values():
        assert len({(x["forename"], x["surname"], x["dob"]) for _, x in views}) == 1
