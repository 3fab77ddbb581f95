"""Short synthetic stories, each checked end to end through assess_course and is_misrecorded."""

from fourfold.record.assess import assess_course, is_misrecorded


def test_ex_partner_messages_before_april_2020_are_harassment(course):
    # An ex-partner sends abusive messages on three days in 2019; no fixation shown.
    ev = course(
        ("contacting", "2019-05-01"),
        ("contacting", "2019-05-09"),
        ("contacting", "2019-06-02"),
        relationship="ex_partner",
    )
    rec = assess_course(ev)
    assert rec.classification == "harassment" and rec.offence == "PHA 1997 s.2"
    assert "April 2020 ex-partner rule did not apply" in rec.rationale
    assert not is_misrecorded(rec, ["8L"])


def test_same_ex_partner_messages_after_april_2020_are_stalking(course):
    ev = course(
        ("contacting", "2021-05-01"),
        ("contacting", "2021-05-09"),
        ("contacting", "2021-06-02"),
        relationship="ex_partner",
    )
    rec = assess_course(ev)
    assert rec.classification == "stalking" and rec.hocr_class == "8Q"
    assert rec.regime == "ex_partner_stalking_default"
    assert "former partner" in rec.rationale and rec.why_not_stalking is None
    assert is_misrecorded(rec, ["8L", "8L", "8L"])  # recorded as harassment: unrecognised stalking


def test_ex_partner_boundary_day_before_and_on_1_april_2020(course):
    def rec(last):
        return assess_course(
            course(("contacting", "2020-03-01"), ("contacting", last), relationship="ex_partner")
        )

    assert rec("2020-03-31").classification == "harassment"
    assert rec("2020-04-01").classification == "stalking"
    assert rec("2020-04-02").classification == "stalking"


def test_ex_partner_threats_only_after_2020_default_to_stalking_with_a_prompt(course):
    ev = course(("threats", "2022-01-01"), ("threats", "2022-01-10"), relationship="ex_partner", fear=2)
    rec = assess_course(ev)
    assert rec.classification == "stalking" and rec.offence == "PHA 1997 s.4A"
    assert "may be satisfied it is harassment only" in rec.rationale


def test_same_threats_by_a_neighbour_are_s4_harassment_with_why_not_stalking(course):
    ev = course(("threats", "2022-01-01"), ("threats", "2022-01-10"), relationship="neighbour", fear=2)
    rec = assess_course(ev)
    assert rec.classification == "harassment" and rec.offence == "PHA 1997 s.4"
    assert "no act associated with stalking" in (rec.why_not_stalking or "")


def test_single_occasion_of_following_is_none_but_points_to_linking(course):
    rec = assess_course(course(("following", "2024-07-01")))
    assert rec.classification == "none" and rec.offence is None and rec.hocr_class is None
    assert "at least two occasions" in rec.rationale and "look for other reports" in rec.rationale
    assert not is_misrecorded(rec, [""])


def test_s4a_by_fear_of_violence(course):
    ev = course(
        ("following", "2024-01-05"), ("turning_up_home", "2024-01-20"), ("threats", "2024-02-01"), fear=2
    )
    rec = assess_course(ev)
    assert (rec.offence, rec.ho_offence_code) == ("PHA 1997 s.4A", "8/65")
    assert "s.4A(1)(b)(i)" in rec.rationale


def test_s4a_by_substantial_adverse_effect(course):
    # She changed her route to work and stopped going out: serious alarm or distress, substantial effect.
    ev = course(("watching_spying", "2024-01-05"), ("loitering", "2024-01-20"), distress=True)
    rec = assess_course(ev)
    assert (rec.offence, rec.ho_offence_code) == ("PHA 1997 s.4A", "8/66")
    assert "s.4A(1)(b)(ii)" in rec.rationale


def test_online_only_anonymous_stalking(course):
    ev = course(
        ("fake_accounts", "2025-02-01"),
        ("publishing_material", "2025-02-03"),
        ("monitoring_online", "2025-02-20"),
        ("contacting", "2025-03-01"),
        relationship="online_only",
        suspect_known=False,
        recorded=["8R", "", "8R"],
    )
    rec = assess_course(ev)
    assert rec.classification == "stalking" and rec.offence == "PHA 1997 s.2A"
    assert rec.regime == "principal_crime_included"
    assert any("not identified" in c for c in rec.considerations)
    assert is_misrecorded(rec, ev.recorded_classes)  # recorded as malicious communications


def test_repeated_contact_at_work_dispute_is_harassment_and_says_why(course):
    ev = course(("contacting", "2024-04-01"), ("contacting", "2024-04-15"), relationship="colleague")
    rec = assess_course(ev)
    assert rec.classification == "harassment"
    assert "only acts associated with stalking are contact" in rec.rationale
    assert "Reconsider stalking" in rec.rationale


def test_cross_record_course_where_no_single_record_looks_like_stalking(course):
    # Three records, each one act on one day (one occasion each); together a course of conduct.
    ev = course(
        ("gifts", "2024-01-01"),
        ("turning_up_work", "2024-02-01"),
        ("contacting", "2024-03-01"),
        relationship="stranger",
        recorded=["", "", ""],
    )
    rec = assess_course(ev)
    assert rec.classification == "stalking" and rec.occasions == 3
    assert is_misrecorded(rec, ev.recorded_classes)


def test_current_partner_prompts_controlling_or_coercive_behaviour(course):
    ev = course(
        ("monitoring_online", "2024-01-01"), ("tracking_device", "2024-02-01"), relationship="current_partner"
    )
    rec = assess_course(ev)
    assert rec.classification == "stalking"
    assert any("controlling or coercive" in c for c in rec.considerations)


def test_stalking_prompts_spo_and_no_pins(course):
    rec = assess_course(course(("following", "2024-01-01"), ("following", "2024-02-01")))
    text = " ".join(rec.considerations)
    assert "Stalking Protection Order" in text and "Police Information Notice" in text
    old = assess_course(course(("following", "2016-01-01"), ("following", "2016-02-01")))
    assert not any("Stalking Protection Order" in c for c in old.considerations)  # SPA not yet in force


def test_course_spanning_regimes_says_so(course):
    rec = assess_course(course(("following", "2018-03-01"), ("following", "2018-05-01")))
    assert rec.regime == "course_of_conduct_in_addition"
    assert any("span two or more counting-rule regimes" in c for c in rec.considerations)


def test_ccb_prompt_compares_seriousness_with_the_course_offence(course):
    low = assess_course(
        course(("following", "2024-01-01"), ("following", "2024-02-01"), relationship="family")
    )
    high = assess_course(
        course(("following", "2024-01-01"), ("following", "2024-02-01"), relationship="family", fear=2)
    )
    assert any("would outrank PHA 1997 s.2A" in c for c in low.considerations)
    assert any("PHA 1997 s.4A would stay the principal crime" in c for c in high.considerations)


def test_ex_partner_ccb_prompt_only_from_the_configured_date(course):
    before = assess_course(
        course(("following", "2023-01-01"), ("following", "2023-04-04"), relationship="ex_partner")
    )
    after = assess_course(
        course(("following", "2023-01-01"), ("following", "2023-04-05"), relationship="ex_partner")
    )
    assert not any("coercive" in c for c in before.considerations)
    assert any("coercive" in c for c in after.considerations)
