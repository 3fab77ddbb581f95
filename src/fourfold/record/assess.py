"""Recording recommendation for one course of conduct (contract C in helpers/contracts.md).

Decision list (docs/law.md explains each step):
1. Conduct on fewer than two occasions is not a course of conduct (PHA 1997 s.7(3)): "none".
2. No conduct, fear or distress described at all, or no act and the records say the conduct is not aimed
   at the victim ("not directed at IP"): "none".
3. Otherwise harassment (PHA 1997 s.1). It is stalking (s.2A) when the acts are ones associated with
   stalking: any act that on its own points to stalking, or contact-type acts with fixation or obsession
   (FOUR); and, under the April 2020 rule, any former partner's course of conduct unless the police are
   satisfied it is harassment only. Where the records show the conduct arises from a dispute or grievance
   (neighbours, a business, money) and show no fixation on the person (no fixated or obsessional cue, no act
   aimed at the person such as following, monitoring, tracking or gifts), harassment is recommended with the
   reason. Stalking offences exist only from 25 Nov 2012.
4. Stalking with fear of violence on two occasions, or serious alarm or distress with substantial adverse
   effect, is s.4A; harassment with fear of violence on two occasions is s.4.
5. The regime on the latest record date decides the class, the code, the principal crime and the
   included classifications.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fourfold.law import offences as off
from fourfold.law.behaviours import BEHAVIOURS, behaviour
from fourfold.law.config import LawConfig, active_config
from fourfold.law.offences import Offence, in_force
from fourfold.law.regimes import Regime, regime_for
from fourfold.law.seriousness import most_serious, seriousness_key

FOUR_ELEMENTS: tuple[str, ...] = ("fixated", "obsessive", "unwanted", "repeated")
RELATIONSHIPS: frozenset[str] = frozenset(
    {
        "current_partner",
        "ex_partner",
        "family",
        "acquaintance",
        "colleague",
        "neighbour",
        "stranger",
        "online_only",
        "unknown",
    }
)
CLASSIFICATIONS: tuple[str, ...] = ("stalking", "harassment", "none")
# Recorded classes that show a course of conduct was recognised as harassment (or more): 8L harassment,
# 8M aggravated harassment, 8Q stalking (domain.md §2.2).
HARASSMENT_OR_MORE: frozenset[str] = frozenset({"8L", "8M", "8Q"})
# Words that state fixation or obsession with the person outright; persistence despite warnings ("ignored",
# "continues") is also read as "obsessive" (FOUR) but is as common in a dispute as in stalking.
_MONEY = re.compile(r"money|refund|paid|payment|deposit|debt|bill|cash|compensation", re.IGNORECASE)
_STATED_OBSESSION = re.compile(r"obsess|infatuat|besott|fixat|in love|\blove", re.IGNORECASE)


@dataclass(frozen=True)
class BehaviourEvidence:
    behaviour: str  # design.md §4.3 id
    record_id: str
    evidence: str  # the text span
    on: dt.date  # date of the record


@dataclass(frozen=True)
class CourseEvidence:
    record_dates: list[dt.date]  # one per record in the course, chronological
    occasions: int  # best estimate, counting repetition stated in narratives
    behaviours: list[BehaviourEvidence]
    four: dict[str, list[tuple[str, str]]]  # element -> [(record_id, evidence)]
    fear_of_violence_occasions: int  # summed across records
    serious_alarm_distress: bool
    relationship: str | None
    recorded_classes: list[str]  # e.g. ["8L", "8R", ""]
    suspect_known: bool
    dispute: list[tuple[str, str]] = field(default_factory=list)  # (record_id, evidence): a dispute context
    not_targeted: list[tuple[str, str]] = field(default_factory=list)  # (record_id, "not directed at IP")
    wanted: list[tuple[str, str]] = field(default_factory=list)  # (record_id, "message each other daily")
    harassment_only: list[tuple[str, str]] = field(default_factory=list)  # a recorded "harassment only"
    lawful_purpose: list[tuple[str, str]] = field(default_factory=list)  # (record_id, "process server")
    # The words behind serious_alarm_distress, when known: s.4A(1)(b)(ii) needs an effect on daily life.
    distress_evidence: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Recommendation:
    classification: str  # "stalking" | "harassment" | "none"
    offence: str | None  # "PHA 1997 s.4A" | "PHA 1997 s.2A" | "PHA 1997 s.4" | "PHA 1997 s.2" | None
    hocr_class: str | None  # "8Q" | "8L" | None
    ho_offence_code: str | None
    regime: str  # regime id (fourfold.law.regimes)
    rationale: str  # plain English
    principal_crime: str | None
    included_classifications: list[str]
    why_not_stalking: str | None = None  # set whenever harassment is recommended
    recorded_in_addition: list[str] = field(default_factory=list)  # 2018-2023 regimes
    considerations: list[str] = field(default_factory=list)  # prompts for the reviewer
    stalking_acts: list[str] = field(default_factory=list)  # behaviour ids associated with stalking
    s4a_limb: str | None = None  # "fear_of_violence" | "serious_alarm_distress"
    occasions: int = 0  # occasions the decision used
    decided_on: dt.date | None = None  # the record date whose regime applied
    regime_title: str = ""

    def to_dict(self) -> dict[str, Any]:
        """design.md §4.3 "recommendation" object, plus Fourfold's extra keys."""
        return {
            "classification": self.classification,
            "offence": self.offence,
            "hocr_class": self.hocr_class,
            "ho_offence_code": self.ho_offence_code,
            "regime": self.regime,
            "rationale": self.rationale,
            "principal_crime": self.principal_crime,
            "included_classifications": list(self.included_classifications),
            "recorded_in_addition": list(self.recorded_in_addition),
            "why_not_stalking": self.why_not_stalking,
            "considerations": list(self.considerations),
            "stalking_acts": list(self.stalking_acts),
            "s4a_limb": self.s4a_limb,
            "occasions": self.occasions,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "regime_title": self.regime_title,
        }


def as_date(value: object, what: str = "record date") -> dt.date:
    """A date from a date or date-time (pandas Timestamps included); anything else is a clear error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"{what} {value!r} is not a date")


def as_count(name: str, value: object) -> int:
    """A whole number >= 0 (numpy integers accepted)."""
    try:
        n = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}") from None
    if isinstance(value, bool) or n < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    return int(n)


def relationship_of(value: object) -> str | None:
    """design.md §4.2 relationship, or None when blank or missing (None, "", NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        v = value.strip().lower()
        if not v:
            return None
        if v in RELATIONSHIPS:
            return v
    raise ValueError(f"unknown relationship {value!r}")


def recorded_set(recorded_classes: Iterable[object]) -> set[str]:
    """Recorded counting-rule classes, upper-case, blanks and missing values left out."""
    return {c.strip().upper() for c in recorded_classes if isinstance(c, str) and c.strip()}


def _validate(ev: CourseEvidence) -> tuple[list[dt.date], int, int, str | None]:
    """Check the evidence; return the sorted dates, occasions, fear occasions and relationship."""
    if not ev.record_dates:
        raise ValueError("a course of conduct needs at least one record date")
    dates = sorted(as_date(d) for d in ev.record_dates)
    occasions = as_count("occasions", ev.occasions)
    fear = as_count("fear_of_violence_occasions", ev.fear_of_violence_occasions)
    for b in ev.behaviours:
        try:
            behaviour(b.behaviour)
        except KeyError as exc:
            raise ValueError(exc.args[0]) from None
        as_date(b.on, f"date of behaviour {b.behaviour!r}")
    unknown = set(ev.four) - set(FOUR_ELEMENTS)
    if unknown:
        raise ValueError(f"unknown FOUR elements: {', '.join(sorted(unknown))}")
    return dates, occasions, fear, relationship_of(ev.relationship)


def _labels(ids: list[str]) -> str:
    parts = []
    for i in ids:
        b = behaviour(i)
        letters = "/".join(b.s2a3_letters)
        how = (
            ""
            if not letters
            else f" (s.2A(3)({letters}))"
            if b.s2a3_example
            else f" (like s.2A(3)({letters}))"
        )
        parts.append(b.label.lower() + how)
    return ", ".join(parts)


def _span(dates: list[dt.date]) -> str:
    first, last = min(dates), max(dates)
    return (
        f"on {first.isoformat()}" if first == last else f"between {first.isoformat()} and {last.isoformat()}"
    )


def _breach_offence(on: dt.date) -> tuple[Offence, str]:
    # SPA 2019 s.8 (from 20 Jan 2020) or PHA 1997 s.5(5): both 5 years; the records do not say which order.
    if in_force(off.SPA_S8, on):
        return off.SPA_S8, "SPA 2019 s.8 or PHA 1997 s.5(5) (breach of the order in force)"
    return off.PHA_S5_5, "PHA 1997 s.5(5) (breach of a restraining order)"


def assess_course(ev: CourseEvidence, *, config: LawConfig | None = None) -> Recommendation:
    """Recommend how a course of conduct should be recorded, with a plain-English rationale."""
    dates, estimated_occasions, fear_occasions, relationship = _validate(ev)
    cfg = config or active_config()
    decided_on = dates[-1]  # the whole course is known by the latest record: its regime decides
    regime = regime_for(decided_on, cfg)
    first_regime = regime_for(dates[0], cfg)
    seen = {e.behaviour for e in ev.behaviours}
    present = [b.id for b in BEHAVIOURS if b.id in seen]  # table order
    stalking_acts = [i for i in present if behaviour(i).associated_with_stalking]
    distinct_acts = [i for i in stalking_acts if behaviour(i).distinguishes_stalking]
    fixation = bool(ev.four.get("fixated")) or bool(ev.four.get("obsessive"))
    behaviour_days = {as_date(e.on) for e in ev.behaviours}
    # Behaviours evidenced on different days are separate occasions even if the estimate says fewer.
    occasions = max(estimated_occasions, len(behaviour_days))
    considerations: list[str] = []
    if first_regime.id != regime.id:
        considerations.append(
            f"The records span two or more counting-rule regimes ({first_regime.title}; {regime.title}); "
            f"the regime on the latest record date ({decided_on.isoformat()}) is applied."
        )
    if not ev.suspect_known:
        considerations.append(
            "The suspect is not identified; the crime is still recorded on the victim's account "
            "(Crime Recording Rules section A), and the course can be linked when the suspect is found."
        )

    def make(**kw: Any) -> Recommendation:
        return Recommendation(
            regime=regime.id, regime_title=regime.title, decided_on=decided_on, occasions=occasions, **kw
        )

    def no_offence(text: str, **kw: Any) -> Recommendation:
        """Classification "none": no harassment or stalking offence to record, with the reason."""
        return make(
            classification="none",
            offence=None,
            hocr_class=None,
            ho_offence_code=None,
            rationale=text,
            principal_crime=None,
            included_classifications=[],
            considerations=considerations,
            **kw,
        )

    # PHA 1997 s.7(3): a course of conduct must involve conduct on at least two occasions.
    if occasions < 2:
        text = (
            f"Conduct on only {occasions} occasion{'s' if occasions != 1 else ''} was found "
            f"({_span(dates)}). "
            "A course of conduct needs conduct on at least two occasions (PHA 1997 s.7(3)), so no harassment "
            "or stalking offence is recommended yet."
        )
        if stalking_acts:
            text += (
                f" Acts associated with stalking were seen ({_labels(stalking_acts)}): look for "
                "other reports "
                "involving the same people, which would make this a course of conduct."
            )
        considerations.append(
            "Consider single-incident offences the record may disclose (for example a distressing message, "
            "MCA 1988 s.1) and record that decision."
        )
        return no_offence(text, stalking_acts=stalking_acts)

    conduct = bool(present) or fear_occasions > 0 or ev.serious_alarm_distress
    # "Unwanted" alone is the victim's view: harassment needs conduct by the suspect (PHA 1997 s.1, s.7).
    if not conduct:
        text = (
            f"Records on {occasions} occasions were linked ({_span(dates)}), but none "
            "describes conduct by the "
            "suspect, fear or distress, so there is no harassment (PHA 1997 s.1) to record."
        )
        return no_offence(text)

    # PHA 1997 s.1(1): harassment *of another*. Distress with no act, where the records say the conduct is not
    # aimed at the victim (general noise, "not directed at IP"), is not harassment of them.
    if not present and ev.not_targeted:
        record_id, cue = ev.not_targeted[0]
        text = (
            f"Records on {occasions} occasions were linked ({_span(dates)}). They describe no act aimed "
            f"at the victim, and record {record_id} says the conduct is not aimed at them "
            f"(\u201c{cue}\u201d), so there is no harassment of the victim (PHA 1997 s.1(1)) to record. "
            "Reconsider if the victim says the conduct is aimed at them."
        )
        return no_offence(text)

    # Harassment is conduct the victim does not want (PHA 1997 s.1; s.7(2) alarm or distress): where the
    # records say the contact is wanted and show nothing unwanted, no fear and no distress, there is none.
    if ev.wanted and not ev.four.get("unwanted") and fear_occasions == 0 and not ev.serious_alarm_distress:
        record_id, cue = ev.wanted[0]
        text = (
            f"Records on {occasions} occasions were linked ({_span(dates)}), but record {record_id} says the "
            f"contact is wanted (\u201c{cue}\u201d) and none says it is unwanted or caused fear or distress, "
            "so there is no harassment (PHA 1997 s.1) to record. Reconsider if the victim says otherwise."
        )
        return no_offence(text)

    steps = [
        f"Conduct on {occasions} occasions {_span(dates)} is a course of conduct (PHA 1997 s.7(3)) that "
        "amounts to harassment (s.1): "
        + (
            f"the records describe {_labels(present)}."
            if present
            else "the victim describes unwanted conduct."
        )
    ]
    ex_partner = relationship == "ex_partner"
    ex_partner_rule = ex_partner and regime.ex_partner_stalking_default
    why_not: str | None = None
    stalking = False
    if not in_force(off.PHA_S2A, decided_on):
        why_not = (
            f"Stalking offences (PHA 1997 ss.2A and 4A) came into force on {off.PHA_S2A.in_force_from}; "
            "this course ended before then, so it can only be harassment."
        )
    elif (decided := _recorded_not_stalking(ev, stalking_acts)) is not None:
        why_not = decided
    elif (dispute := _dispute_without_fixation(ev, stalking_acts, ex_partner)) is not None:
        why_not = dispute
    elif distinct_acts:
        stalking = True
        steps.append(
            f"The acts are ones associated with stalking (s.2A): {_labels(stalking_acts)}, so it is stalking."
        )
    elif stalking_acts and fixation:
        stalking = True
        fixation_parts = [k for k in ("fixated", "obsessive") if ev.four.get(k)]
        steps.append(
            f"The acts ({_labels(stalking_acts)}) are associated with stalking and the records show "
            f"{' and '.join(fixation_parts)} behaviour (FOUR), so it is stalking, not harassment only."
        )
    elif ex_partner_rule:
        stalking = True
        if stalking_acts or fixation:
            steps.append(
                "The suspect is a former partner: since April 2020 such a course of conduct is recorded as "
                "stalking unless the police are satisfied it is harassment only, and the acts "
                f"({_labels(stalking_acts) or 'fixated or obsessive conduct'}) are associated with stalking."
            )
        else:
            steps.append(
                "The suspect is a former partner: since April 2020 such a course of conduct is recorded as "
                "stalking unless the police are satisfied it is harassment only. No act associated with "
                "stalking (s.2A(3)) was found in the records, so a reviewer may be satisfied it "
                "is harassment "
                "only; if so, record harassment and write down why."
            )
    elif stalking_acts:
        why_not = (
            "Why not stalking: the only acts associated with stalking are contact "
            f"({_labels(stalking_acts)}). "
            "Contact is also the ordinary conduct of harassment, and the records show no "
            "fixated or obsessive "
            "behaviour (FOUR), so harassment is recommended. Reconsider stalking if the victim describes "
            "fixation or obsession, or following, watching, loitering or other acts associated with stalking."
        )
    else:
        conduct_text = _labels(present) if present else "unwanted conduct without a specific act"
        why_not = (
            f"Why not stalking: no act associated with stalking (s.2A(3): following, contact, publishing, "
            f"monitoring, loitering, interfering with property, watching) was found; the conduct is "
            f"{conduct_text}."
        )
    if why_not and ex_partner and not regime.ex_partner_stalking_default:
        why_not += (
            f" The April 2020 ex-partner rule did not apply on {decided_on.isoformat()} ({regime.title})."
        )
    if why_not:
        steps.append(why_not)

    # Offence: s.4A limbs and s.4 need fear of violence on at least two occasions (or, for s.4A, serious
    # alarm or distress with a substantial adverse effect on usual day-to-day activities).
    fear_twice = fear_occasions >= 2
    limb: str | None = None
    if stalking:
        if fear_twice:
            course_offence, limb = off.PHA_S4A, "fear_of_violence"
            steps.append(
                f"The victim feared violence on {fear_occasions} occasions, so it is stalking "
                "involving fear of violence (s.4A(1)(b)(i))."
            )
        elif ev.serious_alarm_distress and substantial_effect(ev):
            course_offence, limb = off.PHA_S4A, "serious_alarm_distress"
            steps.append(
                "The conduct caused serious alarm or distress with a substantial adverse effect on the "
                "victim's usual day-to-day activities, so it is s.4A stalking (s.4A(1)(b)(ii))."
            )
        else:
            course_offence = off.PHA_S2A
            steps.append(
                "Neither s.4A limb is shown (fear of violence on two occasions, or serious alarm or distress "
                "with substantial adverse effect), so the offence is s.2A stalking."
            )
            if ev.serious_alarm_distress:
                steps.append(
                    "The records show distress but no change to the victim's usual day-to-day "
                    "activities (moving, leaving or changing work or study, stopping going out); ask the "
                    "victim, as that would make it s.4A(1)(b)(ii)."
                )
    else:
        if fear_twice:
            course_offence = off.PHA_S4
            steps.append(
                f"The victim feared violence on {fear_occasions} occasions, so it is putting "
                "people in fear of violence (s.4)."
            )
        else:
            course_offence = off.PHA_S2
            if ev.serious_alarm_distress:
                steps.append(
                    "Serious alarm or distress raises stalking to s.4A but does not change "
                    "harassment, so the "
                    "offence is s.2 harassment."
                )
    if fear_occasions == 1:
        steps.append(
            "Fear of violence was described on one occasion only; s.4 and s.4A(1)(b)(i) need "
            "two, so watch for "
            "a further occasion."
        )
    hocr_class = regime.stalking_class if stalking else course_offence.hocr_class
    code = cfg.ho_offence_code(course_offence.id) or course_offence.code_for(limb or "")
    if code is None:
        considerations.append(f"{course_offence.label}: {course_offence.code_note}")
    principal, included, in_addition = _principal_crime(course_offence, present, regime, decided_on, steps)
    classification = "stalking" if stalking else "harassment"
    steps.append(
        f"Under the counting rules in force on {decided_on.isoformat()} ({regime.title}) it is recorded as "
        f"{classification} ({course_offence.label}, class {hocr_class}"
        + (f", Home Office code {code}" if code else "")
        + ")."
    )
    _considerations(considerations, course_offence, stalking, present, ev, regime, decided_on, cfg)
    return make(
        classification=classification,
        offence=course_offence.label,
        hocr_class=hocr_class,
        ho_offence_code=code,
        rationale=" ".join(steps),
        principal_crime=principal,
        included_classifications=included,
        why_not_stalking=why_not,
        recorded_in_addition=in_addition,
        considerations=considerations,
        stalking_acts=stalking_acts,
        s4a_limb=limb,
    )


# s.4A(1)(b)(ii): serious alarm or distress "which has a substantial adverse effect on B's usual day-to-day
# activities". Distress alone (anxiety, not sleeping, fear, extra locks, taxis) is not that effect; a change
# to where the victim lives, works or studies, or giving up going out or an activity, is.
_DAILY_LIFE_EFFECT = re.compile(
    "|".join(
        (
            r"\b(move|moved|moving|relocat\w*|fle[de]|refuge|safe house|emergency accommodation)",
            r"\bstay(s|ed|ing)? (with|at)|\bsleep(s|ing)? at",
            r"\bchang\w* (her |his |my |their )?(job|school|shift|work|course|module|campus|name|address)",
            r"\b(stop\w*|gave up|give(n)? up|quit|cancel\w*|withdr\w*|resign\w*)",
            r"\b(off work|off sick|signed off|sick (leave|note)|absent|work\w* from home|unable to work)",
            r"\b(reduced (her|his|my) hours|lost (her|his|my) job|left (her|his|my) (job|work|course))",
            r"\b(not|never) (been )?(back|returned|gone back) to (work|school|college|university)",
            r"\bunable to (go|return)|\b(not|rarely) (leave|go out|left)|won't go out",
            r"\b(stay|stays|stayed|remain\w*) (in|indoors|inside)|adverse effect",
        )
    ),
    re.IGNORECASE,
)


def substantial_effect(ev: CourseEvidence) -> bool:
    """Whether the distress evidence shows an effect on usual day-to-day activities (s.4A(1)(b)(ii)); without
    the words (older callers) the flag alone is trusted."""
    if not ev.distress_evidence:
        return ev.serious_alarm_distress
    return any(_DAILY_LIFE_EFFECT.search(text) for _rid, text in ev.distress_evidence)


def _strong_fixation(ev: CourseEvidence) -> bool:
    """Fixation on the person stated outright or shown by knowledge of her whereabouts ("knows where she is");
    weaker cues ("asking for what he is owed", "until I get my money back") do not count here."""
    fixated = [text for _rid, text in ev.four.get("fixated", []) if not _MONEY.search(text)]
    obsessive = [text for _rid, text in ev.four.get("obsessive", [])]
    return any(_STATED_OBSESSION.search(t) or "where" in t.lower() for t in fixated) or any(
        _STATED_OBSESSION.search(t) for t in obsessive
    )


def _recorded_not_stalking(ev: CourseEvidence, stalking_acts: list[str]) -> str | None:
    """The "why not stalking" reason when a record already states a reasoned decision that the course is not
    stalking (the police/CPS protocol asks for one) and nothing found contradicts it, else None. Under the
    April 2020 rule this is how a former partner's course is recorded as harassment only."""
    if not ev.harassment_only or not stalking_acts:
        return None
    if any(behaviour(b).points_to_fixation for b in stalking_acts) or _strong_fixation(ev):
        return None
    record_id, cue = ev.harassment_only[0]
    return (
        f"Why not stalking: record {record_id} records a decision that this is not stalking "
        f"(\u201c{cue}\u201d; since April 2020 a former partner's course is recorded as stalking unless the "
        "police are satisfied it is harassment only), and nothing found contradicts it: no following, "
        "monitoring, tracking, unwanted gifts or fake accounts, and no stated fixation. Harassment is "
        "recommended as recorded."
    )


def _dispute_without_fixation(ev: CourseEvidence, stalking_acts: list[str], ex_partner: bool) -> str | None:
    """The "why not stalking" reason when the acts are the means of a dispute, else None.

    FOUR (College of Policing; domain.md §5.1): stalking is fixated and obsessive conduct aimed at the
    person. A neighbour or business dispute can involve damage, cameras, posts or turning up, yet be about the
    quarrel, not the person; that is harassment (PHA 1997 s.2/s.4) unless fixation shows. A former partner is
    never treated this way: the April 2020 rule asks for stalking unless the police are satisfied otherwise.
    """
    if not ev.dispute or not stalking_acts or ex_partner:
        return None
    if any(behaviour(b).points_to_fixation for b in stalking_acts) or _strong_fixation(ev):
        return None  # "until I get my money back" is fixed on the grievance, not on the person
    record_id, cue = ev.dispute[0]
    return (
        f"Why not stalking: the conduct arises from a dispute (\u201c{cue}\u201d, record {record_id}) and "
        "the records show no fixation on the victim: the acts associated with stalking "
        f"({_labels(stalking_acts)}) are the means of the quarrel, and there is no following, monitoring, "
        "tracking, unwanted gift or fixated or obsessional cue (FOUR). Harassment is recommended. Reconsider "
        "stalking if the conduct goes beyond the dispute or is aimed at the person (following, watching her "
        "movements, contact about her private life)."
    )


def _principal_crime(
    course_offence: Offence, present: list[str], regime: Regime, on: dt.date, steps: list[str]
) -> tuple[str, list[str], list[str]]:
    """Principal crime rule (HOCR section F) and its 2018 exception and 2023 return (domain.md §2.3)."""
    others: list[tuple[Offence, str]] = []
    if "breach_of_order" in present:
        others.append(_breach_offence(on))
    if not others:
        return course_offence.label, [], []
    ranked = sorted([(course_offence, course_offence.label), *others], key=lambda p: seriousness_key(p[0]))
    top = most_serious(o for o, _ in ranked)
    principal_label = next(label for o, label in ranked if o is top)
    rest = [label for o, label in reversed(ranked) if o is not top]
    if regime.included_classifications:
        steps.append(
            f"The principal crime is {principal_label} (highest maximum sentence); "
            + (
                f"{rest[0]} is logged inside it as an included classification"
                if len(rest) == 1
                else f"{', '.join(rest)} are logged inside it as included classifications"
            )
            + " so it stays searchable."
        )
        return principal_label, rest, []
    if regime.course_of_conduct_in_addition:
        steps.append(
            f"The principal crime is {principal_label}; under the 2018 rule the course of "
            "conduct and the most "
            f"serious other offence are both recorded, so {', '.join(rest)} is recorded in addition."
        )
        return principal_label, [], rest
    steps.append(
        f"The principal crime is {principal_label}; under the principal crime rule then in force "
        f"{', '.join(rest)} would not be recorded separately."
    )
    return principal_label, [], []


def _considerations(
    out: list[str],
    course_offence: Offence,
    stalking: bool,
    present: list[str],
    ev: CourseEvidence,
    regime: Regime,
    on: dt.date,
    cfg: LawConfig,
) -> None:
    if ev.lawful_purpose:
        record_id, cue = ev.lawful_purpose[0]
        # PHA 1997 s.1(3): not harassment if pursued to prevent or detect crime, under an enactment or rule of
        # law, or if reasonable in the particular circumstances.
        out.append(
            f"Record {record_id} suggests the suspect acted in a role with a lawful purpose "
            f"(\u201c{cue}\u201d). A course pursued under a rule of law, to prevent or detect crime, or "
            "that was reasonable is not harassment (PHA 1997 s.1(3)): check whether the conduct went "
            "beyond that purpose before recording."
        )
    if stalking:
        out.append(
            "Do not use a Police Information Notice (2018 protocol); outcomes 8, 21 and 22 are discouraged "
            "for stalking."
        )
        if in_force(off.SPA_S8, on):
            out.append("Consider a Stalking Protection Order (SPA 2019 s.1), including an interim order.")
    if "breach_of_order" in present:
        out.append(
            "A breach of an order was reported: record the breach and treat it as part of the pattern."
        )
    if "violence" in present or "interfering_property" in present:
        out.append(
            "Violence or interference with property was described: classify that offence too; if its maximum "
            "sentence is higher it becomes the principal crime."
        )
    relationship = relationship_of(ev.relationship)
    personally_connected = relationship in {"current_partner", "family"} or (
        relationship == "ex_partner" and on >= cfg.ccb_former_partners_from
    )
    if personally_connected:
        # SCA 2015 s.76 (5 years) against the course offence for the principal crime (domain.md §2.4).
        ccb = off.SCA_S76
        compare = (
            f"which would outrank {course_offence.label} as principal crime"
            if seriousness_key(ccb) > seriousness_key(course_offence)
            else f"though {course_offence.label} would stay the principal crime"
        )
        out.append(
            "The people are personally connected: consider controlling or coercive behaviour "
            f"(SCA 2015 s.76, "
            f"5 years), {compare}."
        )


def is_misrecorded(rec: Recommendation, recorded_classes: list[str]) -> bool:
    """True when the records do not show what is recommended.

    Stalking needs its class (8Q; 8L before April 2014) on at least one record; harassment is satisfied by
    8L, 8M or 8Q (a stalking record is not called misrecorded because Fourfold saw less than the recorder);
    "none" is never misrecorded, because Fourfold then has too little evidence to say a record is wrong.
    """
    recorded = recorded_set(recorded_classes)
    if rec.classification == "stalking":
        return rec.hocr_class not in recorded
    if rec.classification == "harassment":
        return not (recorded & HARASSMENT_OR_MORE)
    if rec.classification == "none":
        return False
    raise ValueError(f"unknown classification {rec.classification!r}")
