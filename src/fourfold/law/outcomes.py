"""Home Office crime outcome types 1-22 with their statistical groups and policy flags (domain.md §7).
Wording of 1-20 is [UNVERIFIED] in the reference (verified=False); 21 and 22 are verified."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fourfold.law import sources as src
from fourfold.law.sources import Source


class OutcomeGroup(StrEnum):
    # The groups used in Home Office outcome statistics (Gwent FOI, domain.md §7).
    CHARGED = "charged/summonsed"
    OUT_OF_COURT_FORMAL = "out-of-court (formal)"
    OUT_OF_COURT_INFORMAL = "out-of-court (informal)"
    DIVERSIONARY = "diversionary"
    TIC = "taken into consideration"
    PREVENTED = "prosecution prevented or not in the public interest"
    EVIDENTIAL_VICTIM_SUPPORTS = "evidential difficulties (suspect identified; victim supports action)"
    EVIDENTIAL_VICTIM_NOT_SUPPORT = "evidential difficulties (victim does not support action)"
    NOT_IN_PUBLIC_INTEREST_POLICE = "further investigation not in the public interest (police decision)"
    TRANSFERRED = "responsibility transferred to another body"
    NO_SUSPECT = "investigation complete - no suspect identified"
    FRAUD_ONLY = "fraud only (no group in the reference list)"


class StalkingUse(StrEnum):
    ALLOWED = "allowed"
    DISCOURAGED = (
        "discouraged"  # should not normally be used for stalking or domestic abuse; needs a rationale
    )
    NOT_APPLICABLE = "not applicable"  # outcome exists only for other crime types


@dataclass(frozen=True)
class OutcomeType:
    code: str
    name: str
    group: OutcomeGroup
    named_suspect: bool | None  # True: needs a named suspect; False: no suspect; None: either
    requires_victim_informed: bool  # Victims' Code Right 6
    stalking_use: StalkingUse
    stalking_note: str
    verified: bool
    source: Source


_DISCOURAGED = (
    "Force guidance generally discourages this outcome for domestic abuse and stalking (domain.md §7); "
    "record why it is appropriate and have it reviewed."
)
_U = src.OUTCOMES_LIST


def _o(
    code: str,
    name: str,
    group: OutcomeGroup,
    named_suspect: bool | None,
    use: StalkingUse = StalkingUse.ALLOWED,
    note: str = "",
    verified: bool = False,
    source: Source = _U,
) -> OutcomeType:
    return OutcomeType(code, name, group, named_suspect, True, use, note, verified, source)


OUTCOME_TYPES: tuple[OutcomeType, ...] = (
    _o("1", "Charge / summons", OutcomeGroup.CHARGED, True),
    _o("1A", "Charged with an alternative offence", OutcomeGroup.CHARGED, True),
    _o("2", "Caution - youth", OutcomeGroup.OUT_OF_COURT_FORMAL, True),
    _o("3", "Caution - adult (simple or conditional)", OutcomeGroup.OUT_OF_COURT_FORMAL, True),
    _o("4", "Taken into consideration (TIC)", OutcomeGroup.TIC, True),
    _o("5", "Offender died", OutcomeGroup.PREVENTED, True),
    _o("6", "Penalty Notice for Disorder", OutcomeGroup.OUT_OF_COURT_FORMAL, True),
    _o(
        "7",
        "Cannabis / khat warning",
        OutcomeGroup.OUT_OF_COURT_FORMAL,
        True,
        StalkingUse.NOT_APPLICABLE,
        "Drug possession only.",
    ),
    _o(
        "8",
        "Community resolution",
        OutcomeGroup.OUT_OF_COURT_INFORMAL,
        True,
        StalkingUse.DISCOURAGED,
        _DISCOURAGED,
    ),
    _o("9", "Prosecution not in the public interest (CPS decision)", OutcomeGroup.PREVENTED, True),
    _o(
        "10",
        "Formal action against the offender not in the public interest (police decision)",
        OutcomeGroup.PREVENTED,
        True,
    ),
    _o(
        "11",
        "Prosecution prevented - suspect under the age of criminal responsibility",
        OutcomeGroup.PREVENTED,
        True,
    ),
    _o(
        "12",
        "Prosecution prevented - suspect too ill (physical or mental health)",
        OutcomeGroup.PREVENTED,
        True,
    ),
    _o(
        "13",
        "Prosecution prevented - victim or key witness dead or too ill to give evidence",
        OutcomeGroup.PREVENTED,
        True,
    ),
    _o(
        "14",
        "Evidential difficulties, victim based - named suspect not identified; victim declines or cannot "
        "support further action to identify the offender",
        OutcomeGroup.EVIDENTIAL_VICTIM_NOT_SUPPORT,
        False,
    ),
    _o(
        "15",
        "Named suspect identified - evidential difficulties prevent further action; victim supports action",
        OutcomeGroup.EVIDENTIAL_VICTIM_SUPPORTS,
        True,
    ),
    _o(
        "16",
        "Named suspect identified - victim does not support, or has withdrawn support for, police action",
        OutcomeGroup.EVIDENTIAL_VICTIM_NOT_SUPPORT,
        True,
        StalkingUse.ALLOWED,
        "A known attrition point for stalking (domain.md §7): check support and safeguarding first.",
    ),
    _o("17", "Prosecution time limit expired", OutcomeGroup.PREVENTED, None),
    _o("18", "Investigation complete - no suspect identified", OutcomeGroup.NO_SUSPECT, False),
    _o(
        "19",
        "National Fraud Intelligence Bureau filed",
        OutcomeGroup.FRAUD_ONLY,
        None,
        StalkingUse.NOT_APPLICABLE,
        "Fraud only.",
    ),
    _o("20", "Further action to be taken by another body or agency", OutcomeGroup.TRANSFERRED, None),
    _o(
        "21",
        "Further investigation that could support formal action is not in the public "
        "interest - police decision",
        OutcomeGroup.NOT_IN_PUBLIC_INTEREST_POLICE,
        True,
        StalkingUse.DISCOURAGED,
        "Needs a named suspect, a recorded rationale and the victim informed; should not normally be used "
        "for domestic abuse or hate crime (Cleveland checklist). " + _DISCOURAGED,
        verified=True,
        source=src.OUTCOME_21,
    ),
    _o(
        "22",
        "Diversionary, educational or intervention activity has been carried out and further action is not "
        "in the public interest",
        OutcomeGroup.DIVERSIONARY,
        True,
        StalkingUse.DISCOURAGED,
        _DISCOURAGED,
        verified=True,
        source=src.OUTCOME_GROUPS,
    ),
)
_BY_CODE = {o.code: o for o in OUTCOME_TYPES}

# Not an outcome type: the 2018 protocol rules out Police Information Notices (harassment warnings) for
# stalking (domain.md §4).
PROHIBITED_FOR_STALKING: tuple[str, ...] = ("Police Information Notice (harassment warning)",)


def outcome_type(code: str | int) -> OutcomeType:
    found = _BY_CODE.get(str(code).strip().upper())
    if found is None:
        raise KeyError(f"unknown Home Office outcome type {code!r} (expected 1-22 or 1A)")
    return found


def stalking_outcome_warning(code: str | int) -> str | None:
    """A warning to show when `code` is chosen for a stalking crime, or None when it is unremarkable."""
    o = outcome_type(code)
    if o.stalking_use is StalkingUse.ALLOWED:
        return None
    if o.stalking_use is StalkingUse.NOT_APPLICABLE:
        return f"Outcome {o.code} ({o.name}) does not apply to stalking: {o.stalking_note}"
    return f"Outcome {o.code} ({o.name}) is discouraged for stalking: {o.stalking_note}"
