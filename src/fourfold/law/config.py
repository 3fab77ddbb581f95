"""Configuration for facts domain.md marks unverified: regime dates and unknown offence codes.

Defaults are documented in docs/law.md. A force can override them with a JSON or TOML file named by the
environment variable FOURFOLD_LAW_CONFIG, e.g.::

    [regime_dates]
    principal_crime_return = "2023-05-31"
    [ho_offence_codes]
    pha_1997_s2 = "195/94"
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_ENV = "FOURFOLD_LAW_CONFIG"


class LawConfigError(ValueError):
    """A configuration file or value that cannot be used (one-line message)."""


@dataclass(frozen=True)
class RegimeDates:
    """First day each counting-rule regime applies (domain.md §2.3). Only the month is sourced; the day is
    the start of the recording year (1 April) except the 2023 date, which is unverified as a whole."""

    stalking_class_8q: dt.date = dt.date(2014, 4, 1)  # §2.3 item 1: "April 2014"
    course_of_conduct_in_addition: dt.date = dt.date(2018, 4, 1)  # §2.3 item 3: "April 2018"
    ex_partner_stalking_default: dt.date = dt.date(2020, 4, 1)  # §2.3 item 4: "April 2020"
    principal_crime_return: dt.date = dt.date(2023, 5, 31)  # §2.3 item 5: [UNVERIFIED] 31 May 2023

    def __post_init__(self) -> None:
        ordered = [getattr(self, f.name) for f in fields(self)]
        for f, value in zip(fields(self), ordered, strict=True):
            if not isinstance(value, dt.date):
                raise LawConfigError(f"regime date {f.name} must be a date, got {value!r}")
        if any(a >= b for a, b in zip(ordered, ordered[1:], strict=False)):
            raise LawConfigError("regime dates must be strictly increasing: " + ", ".join(map(str, ordered)))


@dataclass(frozen=True)
class LawConfig:
    regime_dates: RegimeDates = field(default_factory=RegimeDates)
    # Home Office offence codes the reference does not give, keyed by offence id (offences.py).
    ho_offence_codes: tuple[tuple[str, str], ...] = ()
    # Former partners count as "personally connected" for CCB from this date ([UNVERIFIED], domain.md §2.4).
    ccb_former_partners_from: dt.date = dt.date(2023, 4, 5)

    def ho_offence_code(self, offence_id: str) -> str | None:
        return dict(self.ho_offence_codes).get(offence_id)


DEFAULT_CONFIG = LawConfig()


def _as_date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise LawConfigError(f"{name}: not an ISO date: {value!r}") from None


def config_from_mapping(data: dict[str, Any]) -> LawConfig:
    """Build a LawConfig from a parsed JSON/TOML mapping; unknown keys are an error, not ignored."""
    known = {"regime_dates", "ho_offence_codes", "ccb_former_partners_from"}
    unknown = set(data) - known
    if unknown:
        raise LawConfigError(f"unknown law configuration keys: {', '.join(sorted(unknown))}")
    config = DEFAULT_CONFIG
    dates = data.get("regime_dates", {})
    if not isinstance(dates, dict):
        raise LawConfigError("regime_dates must be a table of name = date")
    date_names = {f.name for f in fields(RegimeDates)}
    bad = set(dates) - date_names
    if bad:
        raise LawConfigError(f"unknown regime dates: {', '.join(sorted(bad))}")
    config = replace(
        config,
        regime_dates=replace(config.regime_dates, **{k: _as_date(k, v) for k, v in dates.items()}),
    )
    codes = data.get("ho_offence_codes", {})
    if not isinstance(codes, dict) or not all(isinstance(v, str) for v in codes.values()):
        raise LawConfigError("ho_offence_codes must map offence ids to code strings")
    from fourfold.law.offences import OFFENCES  # local import: offences has no dependency on config

    unknown_ids = set(codes) - {o.id for o in OFFENCES}
    if unknown_ids:
        raise LawConfigError(f"ho_offence_codes: unknown offence ids: {', '.join(sorted(unknown_ids))}")
    config = replace(config, ho_offence_codes=tuple(sorted(codes.items())))
    if "ccb_former_partners_from" in data:
        config = replace(
            config,
            ccb_former_partners_from=_as_date("ccb_former_partners_from", data["ccb_former_partners_from"]),
        )
    return config


def load_config(path: str | Path) -> LawConfig:
    """Read a .json or .toml law configuration file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise LawConfigError(f"cannot read law configuration {p}: {exc.strerror}") from None
    try:
        data = json.loads(text) if p.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LawConfigError(
            f"law configuration {p} is not valid {p.suffix.lstrip('.') or 'TOML'}: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise LawConfigError(f"law configuration {p} must be a table/object")
    return config_from_mapping(data)


@lru_cache(maxsize=1)
def active_config() -> LawConfig:
    """The configuration in use: the file named by FOURFOLD_LAW_CONFIG, else the documented defaults."""
    path = os.environ.get(CONFIG_ENV)
    return load_config(path) if path else DEFAULT_CONFIG
