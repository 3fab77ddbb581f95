"""Counting-rule regimes by date (domain.md §2.3). Effective dates come from LawConfig, because only the
month is sourced for 2014, 2018 and 2020, and the 2023 date is unverified."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from fourfold.law import sources as src
from fourfold.law.config import LawConfig, active_config
from fourfold.law.sources import Source


@dataclass(frozen=True)
class Regime:
    id: str
    title: str
    effective_from: dt.date | None  # first day (None: open start)
    effective_to: dt.date | None  # first day of the next regime (None: still in force)
    stalking_class: str  # class stalking is counted in: "8L" before 8Q existed, then "8Q"
    course_of_conduct_in_addition: bool  # 2018 exception to the principal crime rule
    ex_partner_stalking_default: bool  # 2020 rule: ex-partner course of conduct recorded as stalking
    included_classifications: bool  # 2023: other disclosed offences logged inside the principal crime
    summary: str
    source: Source

    def contains(self, on: dt.date) -> bool:
        after_start = self.effective_from is None or on >= self.effective_from
        before_end = self.effective_to is None or on < self.effective_to
        return after_start and before_end


REGIME_IDS: tuple[str, ...] = (
    "before_8q",
    "8q_principal_crime",
    "course_of_conduct_in_addition",
    "ex_partner_stalking_default",
    "principal_crime_included",
)


def regimes(config: LawConfig | None = None) -> tuple[Regime, ...]:
    """The five regimes in date order, with the effective dates of `config` (default: active_config())."""
    return _regimes(config or active_config())


@lru_cache(maxsize=8)
def _regimes(config: LawConfig) -> tuple[Regime, ...]:
    d = config.regime_dates
    return (
        Regime(
            id="before_8q",
            title="Before April 2014: stalking counted within 8L harassment",
            effective_from=None,
            effective_to=d.stalking_class_8q,
            stalking_class="8L",
            course_of_conduct_in_addition=False,
            ex_partner_stalking_default=False,
            included_classifications=False,
            summary="No separate stalking class; principal crime rule (one crime per victim, most serious).",
            source=src.RULE_2014,
        ),
        Regime(
            id="8q_principal_crime",
            title="April 2014 to March 2018: 8Q stalking, principal crime rule",
            effective_from=d.stalking_class_8q,
            effective_to=d.course_of_conduct_in_addition,
            stalking_class="8Q",
            course_of_conduct_in_addition=False,
            ex_partner_stalking_default=False,
            included_classifications=False,
            summary="Stalking is 8Q; only the most serious offence is recorded.",
            source=src.RULE_2014,
        ),
        Regime(
            id="course_of_conduct_in_addition",
            title="April 2018 to March 2020: course of conduct recorded in addition",
            effective_from=d.course_of_conduct_in_addition,
            effective_to=d.ex_partner_stalking_default,
            stalking_class="8Q",
            course_of_conduct_in_addition=True,
            ex_partner_stalking_default=False,
            included_classifications=False,
            summary="Stalking, harassment or CCB is recorded in addition to the most serious other offence.",
            source=src.RULE_2018,
        ),
        Regime(
            id="ex_partner_stalking_default",
            title="April 2020 to 2023: ex-partner course of conduct recorded as stalking by default",
            effective_from=d.ex_partner_stalking_default,
            effective_to=d.principal_crime_return,
            stalking_class="8Q",
            course_of_conduct_in_addition=True,
            ex_partner_stalking_default=True,
            included_classifications=False,
            summary="As 2018, and a former partner's course of conduct is stalking unless the police are "
            "satisfied it is harassment only.",
            source=src.RULE_2020,
        ),
        Regime(
            id="principal_crime_included",
            title="From 2023: principal crime with included classifications",
            effective_from=d.principal_crime_return,
            effective_to=None,
            stalking_class="8Q",
            course_of_conduct_in_addition=False,
            ex_partner_stalking_default=True,
            included_classifications=True,
            summary="One principal crime is recorded; the other disclosed offences, stalking included, are "
            "logged inside it as included classifications. The ex-partner rule continues.",
            source=src.RULE_2023,
        ),
    )


def regime_for(on: dt.date, config: LawConfig | None = None) -> Regime:
    """The counting-rule regime in force on `on`."""
    if isinstance(on, dt.datetime):
        on = on.date()
    if not isinstance(on, dt.date):
        raise TypeError(f"regime_for needs a date, got {type(on).__name__}")
    for regime in regimes(config):
        if regime.contains(on):
            return regime
    raise AssertionError("regimes cover every date")  # unreachable: the first starts open, the last ends open


def regime_by_id(regime_id: str, config: LawConfig | None = None) -> Regime:
    for regime in regimes(config):
        if regime.id == regime_id:
            return regime
    raise KeyError(f"unknown counting-rule regime {regime_id!r}")
