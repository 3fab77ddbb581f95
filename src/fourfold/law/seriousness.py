"""Seriousness ranking for choosing the principal crime (HOCR General Rules section F and the principal crime
look-up table, domain.md §§2.1, 2.4): the offence with the higher maximum sentence is the principal crime.
Ties are broken by a fixed order, most preferred first, so the choice is always the same."""

from __future__ import annotations

from collections.abc import Iterable

from fourfold.law.offences import OFFENCES, Offence, offence

# Tie-break among equal maxima (Fourfold's choice, documented in docs/law.md): the stalking form before the
# harassment form (the 2020 rule and the protocol ask forces to recognise stalking), an SPO breach before a
# restraining-order breach (the order exists because of stalking), then CCB, then the rest.
TIE_BREAK: tuple[str, ...] = (
    "cda_1998_s32_s4a",
    "cda_1998_s32_s4",
    "pha_1997_s4a",
    "pha_1997_s4",
    "spa_2019_s8",
    "pha_1997_s5_5",
    "sca_2015_s76",
    "cda_1998_s32_s2a",
    "cda_1998_s32_s2",
    "mca_1988_s1",
    "pha_1997_s2a",
    "pha_1997_s2",
)


def seriousness_key(o: Offence) -> tuple[int, int]:
    """Higher sorts as more serious: (maximum custody in months, tie-break preference)."""
    return (o.max_custody_months, len(TIE_BREAK) - TIE_BREAK.index(o.id))


SERIOUSNESS: tuple[Offence, ...] = tuple(sorted(OFFENCES, key=seriousness_key, reverse=True))


def rank(o: Offence | str) -> int:
    """1 = most serious."""
    target = offence(o) if isinstance(o, str) else o
    return SERIOUSNESS.index(target) + 1


def most_serious(candidates: Iterable[Offence | str]) -> Offence:
    items = [offence(c) if isinstance(c, str) else c for c in candidates]
    if not items:
        raise ValueError("most_serious needs at least one offence")
    return max(items, key=seriousness_key)
