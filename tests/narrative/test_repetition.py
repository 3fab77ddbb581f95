"""Counts and durations become an occasions estimate and a span in days."""

from __future__ import annotations

import datetime as dt


def test_daily_for_three_weeks(read) -> None:
    ev = read("He texted her daily for 3 weeks.")
    assert ev.span_days == 21
    assert ev.occasions == 21
    assert ev.four["repeated"]


def test_count_of_calls(read) -> None:
    ev = read("SUSP HAS CALLED IP APPROX 40 TIMES.")
    assert ev.occasions == 40


def test_on_four_occasions(read) -> None:
    assert read("He has turned up at her house on four occasions.").occasions == 4


def test_since_weekday_uses_report_date(read) -> None:
    ev = read("Approx 40 calls since Monday.", reported_at=dt.date(2026, 3, 5))  # a Thursday
    assert ev.span_days == 3
    assert ev.occasions == 40


def test_since_month_uses_report_date(read) -> None:
    text = "Since she ended the relationship in March he has called her every day."
    ev = read(text, reported_at=dt.date(2026, 3, 31))
    assert ev.span_days == 30
    assert ev.occasions >= 30


def test_one_off_is_one_occasion(read) -> None:
    ev = read("He punched her once outside the pub.")
    assert ev.occasions == 1
    assert not ev.four["repeated"]


def test_weekdays_named_count_as_occasions(read) -> None:
    assert read("He followed her home on Monday and Wednesday.").occasions == 2


def test_victim_repeating_is_not_suspect_repetition(read) -> None:
    ev = read("IP RANG SUSP 6 TIMES LAST NIGHT.")
    assert ev.occasions == 0
