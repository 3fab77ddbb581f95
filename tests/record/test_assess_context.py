"""The dispute and not-targeted contexts: when acts like those in PHA 1997 s.2A(3) are harassment only, and
when distress with no act aimed at the victim is no harassment at all."""

from fourfold.record.assess import assess_course

HEDGE = [("R0", "dispute over the hedge")]


def test_neighbour_dispute_with_camera_and_damage_is_harassment_with_the_reason(course):
    rec = assess_course(
        course(
            ("watching_spying", "2024-02-01"),
            ("interfering_property", "2024-02-03"),
            relationship="neighbour",
            dispute=HEDGE,
        )
    )
    assert rec.classification == "harassment"
    assert rec.hocr_class == "8L"
    assert "dispute over the hedge" in rec.why_not_stalking
    assert "watching or spying" in rec.why_not_stalking


def test_the_same_acts_without_a_dispute_are_stalking(course):
    rec = assess_course(
        course(
            ("watching_spying", "2024-02-01"),
            ("interfering_property", "2024-02-03"),
            relationship="neighbour",
        )
    )
    assert rec.classification == "stalking"


def test_following_in_a_dispute_is_still_stalking(course):
    rec = assess_course(
        course(
            ("interfering_property", "2024-02-01"),
            ("following", "2024-02-09"),
            relationship="neighbour",
            dispute=HEDGE,
        )
    )
    assert rec.classification == "stalking"
    assert rec.why_not_stalking is None


def test_stated_obsession_keeps_a_dispute_stalking_but_persistence_does_not(course):
    acts = (("turning_up_work", "2024-03-01"), ("publishing_material", "2024-03-05"))
    obsessed = assess_course(
        course(
            *acts,
            dispute=[("R0", "grievance over a bill")],
            four={"obsessive": [("R1", "obsessed with her")]},
        )
    )
    assert obsessed.classification == "stalking"
    persistent = assess_course(
        course(*acts, dispute=[("R0", "grievance over a bill")], four={"obsessive": [("R1", "- ignored")]})
    )
    assert persistent.classification == "harassment"


def test_a_former_partner_is_never_excused_by_a_dispute_from_april_2020(course):
    rec = assess_course(
        course(
            ("interfering_property", "2024-05-01"),
            ("turning_up_home", "2024-05-08"),
            relationship="ex_partner",
            dispute=[("R0", "dispute over money")],
        )
    )
    assert rec.classification == "stalking"


def test_fear_of_violence_twice_in_a_dispute_is_s4_harassment(course):
    rec = assess_course(
        course(
            ("threats", "2024-08-03"),
            ("turning_up_work", "2024-08-16"),
            fear=2,
            dispute=[("R0", "grievance over a bill")],
        )
    )
    assert (rec.classification, rec.offence) == ("harassment", "PHA 1997 s.4")


def test_distress_with_no_act_and_not_directed_at_the_victim_is_no_harassment(course):
    rec = assess_course(
        course(
            dates=["2024-04-11", "2024-05-17", "2024-06-30"],
            distress=True,
            relationship="neighbour",
            not_targeted=[("R2", "NOT DIRECTED AT IP")],
        )
    )
    assert rec.classification == "none"
    assert "NOT DIRECTED AT IP" in rec.rationale
    assert "s.1(1)" in rec.rationale


def test_not_targeted_does_not_override_acts_aimed_at_the_victim(course):
    rec = assess_course(
        course(
            ("contacting", "2024-04-11"),
            ("contacting", "2024-05-17"),
            distress=True,
            not_targeted=[("R1", "nothing personal")],
        )
    )
    assert rec.classification == "harassment"


def test_wanted_contact_with_nothing_unwanted_is_no_harassment(course):
    rec = assess_course(
        course(
            ("contacting", "2021-04-11"),
            ("contacting", "2021-06-02"),
            relationship="ex_partner",
            wanted=[("R1", "message each other")],
        )
    )
    assert rec.classification == "none"
    assert "message each other" in rec.rationale


def test_wanted_cue_gives_way_to_unwanted_fear_or_distress(course):
    acts = (("contacting", "2021-04-11"), ("contacting", "2021-06-02"))
    wanted = [("R1", "working things out")]
    unwanted = assess_course(course(*acts, wanted=wanted, four={"unwanted": [("R2", "told him to stop")]}))
    assert unwanted.classification != "none"
    assert assess_course(course(*acts, wanted=wanted, distress=True)).classification != "none"


def test_a_recorded_harassment_only_decision_for_a_former_partner_is_followed(course):
    acts = (("contacting", "2024-02-05"), ("contacting", "2024-02-26"))
    decided = assess_course(
        course(
            *acts, relationship="ex_partner", harassment_only=[("R1", "satisfied this is harassment only")]
        )
    )
    assert decided.classification == "harassment"
    assert "satisfied this is harassment only" in decided.why_not_stalking
    assert assess_course(course(*acts, relationship="ex_partner")).classification == "stalking"
    # an act that on its own points to stalking is not overridden by the note
    following = assess_course(
        course(
            ("following", "2024-02-05"),
            ("contacting", "2024-02-26"),
            relationship="ex_partner",
            harassment_only=[("R1", "harassment only")],
        )
    )
    assert following.classification == "stalking"


def test_fixed_on_the_money_is_not_fixation_on_the_person(course):
    acts = (("contacting", "2021-05-01"), ("publishing_material", "2021-06-01"))
    money = assess_course(
        course(*acts, dispute=[("R1", "disputes")], four={"fixated": [("R1", "get my money back")]})
    )
    assert money.classification == "harassment"
    person = assess_course(
        course(*acts, dispute=[("R1", "disputes")], four={"fixated": [("R1", "needs to know where she is")]})
    )
    assert person.classification == "stalking"


def test_a_recorded_not_stalking_decision_is_followed_unless_an_act_points_to_fixation(course):
    acts = (("contacting", "2022-12-05"), ("turning_up_home", "2022-12-20"))
    note = [("R2", "not stalking")]
    rec = assess_course(course(*acts, relationship="family", harassment_only=note, fear=2))
    assert (rec.classification, rec.offence) == ("harassment", "PHA 1997 s.4")
    assert "not stalking" in rec.why_not_stalking
    with_tracker = assess_course(course(*acts, ("tracking_device", "2022-12-21"), harassment_only=note))
    assert with_tracker.classification == "stalking"
    knows = assess_course(
        course(*acts, harassment_only=note, four={"fixated": [("R1", "knows where she is at all times")]})
    )
    assert knows.classification == "stalking"


def test_a_lawful_purpose_is_a_prompt_for_the_reviewer_not_a_verdict(course):
    acts = (("loitering", "2021-10-27"), ("turning_up_home", "2021-11-02"))
    rec = assess_course(course(*acts, relationship="stranger", lawful_purpose=[("R1", "process server")]))
    assert rec.classification == "stalking"  # the s.1(3) defence is the investigator's to weigh
    assert any("process server" in c and "s.1(3)" in c for c in rec.considerations)
    plain = assess_course(course(*acts, relationship="stranger"))
    assert not any("s.1(3)" in c for c in plain.considerations)


def test_s4a_distress_limb_needs_an_effect_on_daily_life_when_the_words_are_known(course):
    acts = (("following", "2024-03-01"), ("loitering", "2024-03-09"))
    moved = assess_course(
        course(*acts, distress=True, distress_evidence=[("R1", "moved in with her mother")])
    )
    assert (moved.offence, moved.s4a_limb) == ("PHA 1997 s.4A", "serious_alarm_distress")
    anxious = assess_course(
        course(*acts, distress=True, distress_evidence=[("R1", "anxiety"), ("R2", "unsafe")])
    )
    assert anxious.offence == "PHA 1997 s.2A"
    assert "no change to the victim's usual day-to-day" in anxious.rationale
    back = assess_course(
        course(*acts, distress=True, distress_evidence=[("R2", "has not been back to work since 02/06")])
    )
    assert back.offence == "PHA 1997 s.4A"
    # without the words (older callers) the flag alone decides, as before
    assert assess_course(course(*acts, distress=True)).offence == "PHA 1997 s.4A"
