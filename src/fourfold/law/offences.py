"""Offences a course of stalking or harassment can disclose, with trial mode, maximum penalty, counting-rule
class and Home Office offence code (domain.md §§2.2, 2.4, 3.1, 3.2). Unknown codes are None with a note;
unverified facts carry verified=False and can be overridden through LawConfig."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from fourfold.law import sources as src
from fourfold.law.sources import Source


class ModeOfTrial(StrEnum):
    SUMMARY = "summary only"
    EITHER_WAY = "either way"


@dataclass(frozen=True)
class HoOffenceCode:
    code: str
    limb: str  # which form of the offence the code counts ("" when the offence has one code)
    source: Source


@dataclass(frozen=True)
class Offence:
    id: str
    label: str  # short citation used in findings, e.g. "PHA 1997 s.2A"
    title: str
    mode_of_trial: ModeOfTrial
    max_penalty: str  # plain English
    max_custody_months: int  # highest custodial maximum (indictment if either way); ranks seriousness
    penalty_verified: bool
    hocr_class: str | None  # counting-rule class today (regimes.py gives the class on a given date)
    class_verified: bool
    ho_offence_codes: tuple[HoOffenceCode, ...]
    code_note: str  # why a code is missing or how sure it is
    course_of_conduct: bool  # needs conduct on at least two occasions (PHA s.7(3))
    stalking: bool
    in_force_from: dt.date | None  # None: in force before any date Fourfold handles
    aggravated_form_of: str | None
    source: Source

    def code_for(self, limb: str = "") -> str | None:
        for c in self.ho_offence_codes:
            if c.limb == limb or not limb:
                return c.code
        return None


_NO_CODE = "Home Office offence code not given in the reference (domain.md §2.2); set it in LawConfig."
_S2A_IN_FORCE = dt.date(2012, 11, 25)  # Protection of Freedoms Act 2012 s.111 commencement (domain.md §3.1)

PHA_S2 = Offence(
    id="pha_1997_s2",
    label="PHA 1997 s.2",
    title="Harassment (pursuing a course of conduct in breach of s.1)",
    mode_of_trial=ModeOfTrial.SUMMARY,
    max_penalty="6 months' imprisonment and/or a fine",
    max_custody_months=6,
    penalty_verified=False,  # secondary source
    hocr_class="8L",
    class_verified=True,
    ho_offence_codes=(),
    code_note=_NO_CODE,
    course_of_conduct=True,
    stalking=False,
    in_force_from=None,
    aggravated_form_of=None,
    source=src.PHA_S2,
)
PHA_S2A = Offence(
    id="pha_1997_s2a",
    label="PHA 1997 s.2A",
    title="Stalking (course of conduct in breach of s.1(1) which amounts to stalking)",
    mode_of_trial=ModeOfTrial.SUMMARY,
    max_penalty="51 weeks' imprisonment (read as 6 months until CJA 2003 s.281(5) is commenced) "
    "and/or a level 5 fine",
    max_custody_months=6,
    penalty_verified=True,
    hocr_class="8Q",
    class_verified=True,
    ho_offence_codes=(HoOffenceCode("195/12", "", src.HO_CODES_WMP),),
    code_note="195/12 from a police FOI answer (domain.md §2.2).",
    course_of_conduct=True,
    stalking=True,
    in_force_from=_S2A_IN_FORCE,
    aggravated_form_of=None,
    source=src.PHA_S2A,
)
PHA_S4 = Offence(
    id="pha_1997_s4",
    label="PHA 1997 s.4",
    title="Putting people in fear of violence (fear on at least two occasions)",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="10 years on indictment (raised from 5 by the Policing and Crime Act 2017); "
    "magistrates' general limit summarily",
    max_custody_months=120,
    penalty_verified=False,  # secondary source; the 2017 increase is unverified
    hocr_class="8L",
    class_verified=False,  # 8L is the harassment class; s.4 sitting in it is not stated in the reference
    ho_offence_codes=(),
    code_note=_NO_CODE,
    course_of_conduct=True,
    stalking=False,
    in_force_from=None,
    aggravated_form_of=None,
    source=src.PHA_S4,
)
PHA_S4A = Offence(
    id="pha_1997_s4a",
    label="PHA 1997 s.4A",
    title="Stalking involving fear of violence or serious alarm or distress",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="10 years on indictment; magistrates' general limit summarily",
    max_custody_months=120,
    penalty_verified=True,
    hocr_class="8Q",
    class_verified=True,
    ho_offence_codes=(
        HoOffenceCode("8/65", "fear_of_violence", src.HO_CODES_WMP),
        HoOffenceCode("8/66", "serious_alarm_distress", src.HO_CODES_WMP),
    ),
    code_note="8/65 (fear of violence) and 8/66 (serious alarm or distress) from a police FOI answer.",
    course_of_conduct=True,
    stalking=True,
    in_force_from=_S2A_IN_FORCE,
    aggravated_form_of=None,
    source=src.PHA_S4A,
)


def _aggravated(base: Offence, months: int, penalty: str, hocr_class: str | None, class_note: str) -> Offence:
    # Crime and Disorder Act 1998 s.32: racially or religiously aggravated forms (domain.md §3.1).
    return Offence(
        id=f"cda_1998_s32_{base.id.removeprefix('pha_1997_')}",
        label=f"CDA 1998 s.32 ({base.label})",
        title=f"Racially or religiously aggravated {base.title[0].lower()}{base.title[1:]}",
        mode_of_trial=ModeOfTrial.EITHER_WAY,
        max_penalty=penalty,
        max_custody_months=months,
        penalty_verified=False,  # secondary source
        hocr_class=hocr_class,
        class_verified=False,
        ho_offence_codes=(),
        code_note=f"{_NO_CODE} {class_note}",
        course_of_conduct=True,
        stalking=base.stalking,
        in_force_from=base.in_force_from,
        aggravated_form_of=base.id,
        source=src.CDA_S32,
    )


CDA_S32_S2 = _aggravated(
    PHA_S2,
    24,
    "2 years on indictment",
    "8M",
    "8M is the racially or religiously aggravated harassment class.",
)
CDA_S32_S2A = _aggravated(
    PHA_S2A, 24, "2 years on indictment", None, "Class of aggravated stalking not stated in the reference."
)
CDA_S32_S4 = _aggravated(
    PHA_S4,
    168,
    "14 years on indictment",
    "8M",
    "8M is the racially or religiously aggravated harassment class.",
)
CDA_S32_S4A = _aggravated(
    PHA_S4A, 168, "14 years on indictment", None, "Class of aggravated stalking not stated in the reference."
)

SPA_S8 = Offence(
    id="spa_2019_s8",
    label="SPA 2019 s.8",
    title="Breach of a stalking protection order or interim order without reasonable excuse",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="5 years on indictment; magistrates' general limit summarily",
    max_custody_months=60,
    penalty_verified=True,
    hocr_class=None,
    class_verified=False,
    ho_offence_codes=(),
    code_note=f"{_NO_CODE} The PNLD code is H20164 (a PNLD reference, not a Home Office code). "
    "Counting-rule class not stated in the reference.",
    course_of_conduct=False,
    stalking=False,
    in_force_from=dt.date(2020, 1, 20),  # S.I. 2020/26 (domain.md §3.2)
    aggravated_form_of=None,
    source=src.SPA_S8,
)
PHA_S5_5 = Offence(
    id="pha_1997_s5_5",
    label="PHA 1997 s.5(5)",
    title="Breach of a restraining order (made on conviction, s.5, or on acquittal, s.5A)",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="5 years on indictment",
    max_custody_months=60,
    penalty_verified=False,  # domain.md §3.1 marks the 5-year maximum unverified
    hocr_class=None,
    class_verified=False,
    ho_offence_codes=(),
    code_note=f"{_NO_CODE} Counting-rule class not stated in the reference.",
    course_of_conduct=False,
    stalking=False,
    in_force_from=None,
    aggravated_form_of=None,
    source=src.PHA_S5,
)
SCA_S76 = Offence(
    id="sca_2015_s76",
    label="SCA 2015 s.76",
    title="Controlling or coercive behaviour in an intimate or family relationship",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="5 years on indictment",
    max_custody_months=60,
    penalty_verified=True,
    hocr_class="8U",
    class_verified=False,  # 8U is from memory (domain.md §2.2)
    ho_offence_codes=(),
    code_note=_NO_CODE,
    course_of_conduct=True,
    stalking=False,
    in_force_from=None,  # commencement date not in the reference
    aggravated_form_of=None,
    source=src.SCA_S76,
)
MCA_S1 = Offence(
    id="mca_1988_s1",
    label="MCA 1988 s.1",
    title="Sending a letter or electronic communication with intent to cause distress or anxiety",
    mode_of_trial=ModeOfTrial.EITHER_WAY,
    max_penalty="2 years on indictment (not given in the reference; check before relying on it)",
    max_custody_months=24,
    penalty_verified=False,
    hocr_class="8R",
    class_verified=False,  # 8R is from memory (domain.md §2.2)
    ho_offence_codes=(),
    code_note=_NO_CODE,
    course_of_conduct=False,
    stalking=False,
    in_force_from=None,
    aggravated_form_of=None,
    source=src.MCA_S1,
)

OFFENCES: tuple[Offence, ...] = (
    PHA_S2,
    PHA_S2A,
    PHA_S4,
    PHA_S4A,
    CDA_S32_S2,
    CDA_S32_S2A,
    CDA_S32_S4,
    CDA_S32_S4A,
    SPA_S8,
    PHA_S5_5,
    SCA_S76,
    MCA_S1,
)
_BY_ID = {o.id: o for o in OFFENCES}
_BY_LABEL = {o.label: o for o in OFFENCES}


def offence(key: str) -> Offence:
    """Look an offence up by id ("pha_1997_s2a") or label ("PHA 1997 s.2A")."""
    found = _BY_ID.get(key) or _BY_LABEL.get(key)
    if found is None:
        raise KeyError(f"unknown offence {key!r}")
    return found


def in_force(o: Offence, on: dt.date) -> bool:
    return o.in_force_from is None or on >= o.in_force_from
