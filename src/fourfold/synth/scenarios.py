"""Scenarios: courses of conduct with their labels SET BY THE SCENARIO (the ground truth).

Labels follow the Protection from Harassment Act 1997: stalking is harassment whose acts are associated
with stalking (s.2A, examples in s.2A(3)); s.4A when it causes fear of violence on at least two occasions or
serious alarm or distress with a substantial adverse effect on day-to-day activities; harassment is s.2, or
s.4 with fear of violence on at least two occasions. A course of conduct needs two occasions (s.7(3)).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from fourfold.synth import compose as C
from fourfold.synth import phrases as P
from fourfold.synth.people import Person, PersonFactory, ch, ri
from fourfold.synth.templating import pick

# HOCR classes (domain.md §2.2): 8Q stalking, 8L harassment, 8R malicious communications. Marked "from memory"
# in the docs: 58A/58C criminal damage (dwelling/vehicle), 105A assault without injury, 9B public order.
OFFENCE_CODE_8Q = {
    "s2A": "195/12",
    "fear": "8/65",
    "alarm": "8/66",
}  # Home Office codes (WMP FOI, domain.md §2.2)

_MISRECORD_CLASS: dict[str, tuple[str, ...]] = {
    "contacting": ("8R", "8R", "8L", ""),
    "threats": ("8R", "8L", "9B"),
    "violence": ("105A",),
    "interfering_property": ("58C", "58A"),
    "breach_of_order": ("",),
    "publishing_material": ("8R", "8L", ""),
    "fake_accounts": ("8R", ""),
    "monitoring_online": ("", "8L"),
}


@dataclass
class Event:
    when: dt.datetime
    course: Course | None
    victim: Person | None
    suspect: Person | None
    suspect_mode: str  # columns | narrative | unidentified | none
    relationship: str
    recorded_class: str
    offence_code: str
    narrative: str
    behaviours: list[str]
    move_victim: bool = False
    new_phone_victim: bool = False
    new_phone_suspect: bool = False
    suspect_handle: str = ""


@dataclass
class Course:
    course_id: str
    scenario: str
    label: str  # stalking | harassment | none
    offence: str | None
    victim: Person
    suspect: Person | None
    cross_record: bool
    behaviours: list[str]
    record_ids: list[str] = field(default_factory=list)
    record_behaviours: dict[str, list[str]] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    remaining: int = 0
    relationship: str = ""

    def recorded_class_correct(self) -> bool:
        # Correct when the class matching the true label appears on at least one of its records; for courses
        # labelled "none", correct when none of its records carries a stalking or harassment class.
        if self.label == "stalking":
            return "8Q" in self.classes
        if self.label == "harassment":
            return "8L" in self.classes
        return not ({"8Q", "8L"} & set(self.classes))


@dataclass(frozen=True)
class Spec:
    name: str
    label: str
    relationships: tuple[str, ...]
    events: tuple[int, int]
    behaviours: tuple[str, ...]
    s4a: float = 0.5
    cross_record: bool = False
    correct_8q: bool = False
    anonymous: bool = False
    narrative_only: float = 0.15  # chance a record names the suspect only in the narrative
    unidentified: float = 0.0  # chance a record does not identify the suspect at all


STALKING_SPECS: tuple[tuple[Spec, float], ...] = (
    (
        Spec(
            "ex_partner_stalking",
            "stalking",
            ("ex_partner",),
            (2, 6),
            (
                "contacting",
                "contacting",
                "turning_up_home",
                "loitering",
                "following",
                "third_party_contact",
                "threats",
                "gifts",
                "interfering_property",
                "monitoring_online",
                "watching_spying",
                "tracking_device",
            ),
        ),
        0.26,
    ),
    (
        Spec(
            "cross_record_stalking",
            "stalking",
            ("ex_partner", "ex_partner", "acquaintance", "colleague", "stranger"),
            (3, 6),
            (
                "contacting",
                "interfering_property",
                "loitering",
                "breach_of_order",
                "turning_up_work",
                "gifts",
                "third_party_contact",
                "tracking_device",
                "following",
            ),
            s4a=0.3,
            cross_record=True,
            narrative_only=0.3,
            unidentified=0.35,
        ),
        0.16,
    ),
    (
        Spec(
            "acquaintance_stalking",
            "stalking",
            ("acquaintance",),
            (2, 5),
            (
                "contacting",
                "gifts",
                "turning_up_home",
                "following",
                "monitoring_online",
                "third_party_contact",
                "turning_up_work",
            ),
        ),
        0.08,
    ),
    (
        Spec(
            "colleague_stalking",
            "stalking",
            ("colleague",),
            (2, 5),
            ("contacting", "turning_up_work", "gifts", "following", "watching_spying", "third_party_contact"),
        ),
        0.06,
    ),
    (
        Spec(
            "stranger_stalking",
            "stalking",
            ("stranger",),
            (2, 5),
            ("following", "loitering", "watching_spying", "gifts", "turning_up_work", "contacting"),
            unidentified=0.3,
        ),
        0.05,
    ),
    (
        Spec(
            "online_anonymous_stalking",
            "stalking",
            ("online_only", "unknown"),
            (2, 5),
            ("contacting", "fake_accounts", "publishing_material", "monitoring_online", "threats"),
            anonymous=True,
        ),
        0.07,
    ),
    (
        Spec(
            "escalation_stalking",
            "stalking",
            ("ex_partner", "ex_partner", "acquaintance"),
            (3, 6),
            ("contacting", "turning_up_home", "threats", "loitering", "following"),
            s4a=1.0,
        ),
        0.06,
    ),
    (
        Spec(
            "order_breach_stalking",
            "stalking",
            ("ex_partner", "ex_partner", "acquaintance"),
            (2, 5),
            ("contacting", "turning_up_home", "loitering", "third_party_contact"),
        ),
        0.06,
    ),
    (
        Spec(
            "multi_victim_stalking",
            "stalking",
            ("acquaintance", "colleague", "stranger", "ex_partner"),
            (2, 4),
            ("contacting", "following", "gifts", "loitering", "publishing_material", "turning_up_work"),
        ),
        0.04,
    ),
    (
        Spec(
            "victim_moves_stalking",
            "stalking",
            ("ex_partner", "ex_partner", "acquaintance"),
            (3, 6),
            ("contacting", "turning_up_home", "loitering", "third_party_contact", "following"),
            s4a=1.0,
        ),
        0.04,
    ),
    (
        Spec(
            "recorded_correctly_stalking",
            "stalking",
            ("ex_partner", "ex_partner", "acquaintance", "stranger"),
            (2, 5),
            ("contacting", "turning_up_home", "following", "loitering", "threats", "gifts"),
            correct_8q=True,
        ),
        0.05,
    ),
    (
        Spec(
            "neighbour_feud_harassment",
            "harassment",
            ("neighbour",),
            (2, 5),
            ("threats", "interfering_property", "watching_spying", "publishing_material"),
            s4a=0.35,
        ),
        0.05,
    ),
    (
        Spec(
            "business_grievance_harassment",
            "harassment",
            ("acquaintance", "stranger"),
            (2, 5),
            ("contacting", "turning_up_work", "publishing_material", "threats"),
            s4a=0.25,
        ),
        0.02,
    ),
)

OTHER_SPECS: tuple[tuple[str, float], ...] = (
    ("child_contact_dispute", 0.4),
    ("repeat_noise", 0.25),
    ("repeat_shoplifting", 0.2),
    ("repeat_welfare", 0.15),
)


def _earlier_date(rng: random.Random, when: dt.datetime) -> str:
    """A date a little before the report, as officers write it (12/03, 12/03/24, 12th March)."""
    d = when - dt.timedelta(days=ri(rng, 1, 60))
    style = rng.random()
    if style < 0.5:
        return f"{d.day:02d}/{d.month:02d}"
    if style < 0.8:
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d.day}{suffix} {d.strftime('%B')}"


def choose(rng: random.Random, weighted: Sequence[tuple[object, float]]) -> object:
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for item, w in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][0]


def expected_events(spec: Spec) -> float:
    return (spec.events[0] + spec.events[1]) / 2


class Planner:
    """Plans courses of conduct: their events (records-to-be) and their truth."""

    def __init__(self, rng: random.Random, factory: PersonFactory, typo_rate: float) -> None:
        self.rng = rng
        self.factory = factory
        self.typo_rate = typo_rate
        self._courses = 0

    def _course_id(self) -> str:
        self._courses += 1
        return f"C{self._courses:07d}"

    def _times(
        self, start: dt.datetime, latest: dt.datetime, n: int, max_span_days: int
    ) -> list[dt.datetime]:
        r = self.rng
        room = max(0.0, (latest - start).total_seconds())
        span = min(room, r.uniform(10, max_span_days) * 86400)
        return sorted(start + dt.timedelta(seconds=r.random() * span) for _ in range(n))

    # ------------------------------------------------------------------ stalking and harassment
    def plan_stalking(self, start: dt.datetime, latest: dt.datetime, max_records: int) -> list[Event]:
        r = self.rng
        spec: Spec = choose(r, STALKING_SPECS)  # type: ignore[assignment]
        if spec.name == "multi_victim_stalking":
            suspect = self.factory.new_person("M" if r.random() < 0.85 else "F")
            events: list[Event] = []
            for _ in range(ri(r, 2, 3)):
                n = ri(r, *spec.events)
                if len(events) + n > max_records:
                    break
                events += self._plan_course(spec, start, latest, n, suspect=suspect)
            if events:
                return events
            spec = STALKING_SPECS[0][0]
        n = min(ri(r, *spec.events), max_records)
        if n < 2:
            return []
        return self._plan_course(spec, start, latest, n)

    def _plan_course(
        self, spec: Spec, start: dt.datetime, latest: dt.datetime, n: int, suspect: Person | None = None
    ) -> list[Event]:
        r = self.rng
        f = self.factory
        relationship = ch(r, spec.relationships)
        victim_sex = "F" if r.random() < 0.78 else "M"
        victim = f.new_person(victim_sex)
        if spec.anonymous:
            suspect = None
        elif suspect is None:
            suspect = f.new_person(("M" if victim_sex == "F" else "F") if r.random() < 0.85 else victim_sex)
        s4a = r.random() < spec.s4a
        s4a_kind = "fear" if (spec.name == "escalation_stalking" or r.random() < 0.5) else "alarm"
        times = self._times(start, latest, n, 200 if spec.label == "stalking" else 150)
        # Behaviours per record: one or two from the scenario's pool, so the course as a whole is varied.
        per_event: list[list[str]] = []
        for _ in range(n):
            k = 1 if (spec.cross_record or r.random() < 0.55) else 2
            picks = list(dict.fromkeys(ch(r, spec.behaviours) for _ in range(k)))
            per_event.append(picks)
        if spec.cross_record:
            # No single record looks like stalking: each is one ordinary-looking event of a different kind.
            pool = list(spec.behaviours)
            r.shuffle(pool)
            per_event = [[pool[i % len(pool)]] for i in range(n)]
        if spec.name == "escalation_stalking":
            per_event[-1] = ["violence", "threats"] if r.random() < 0.5 else ["violence"]
            per_event[-2] = list(dict.fromkeys(["threats", *per_event[-2]]))
        if spec.name == "order_breach_stalking":
            first_breach = ri(r, 1, n - 1)
            for i in range(first_breach, n):
                per_event[i] = list(dict.fromkeys(["breach_of_order", *per_event[i]]))
        if spec.label == "harassment" and s4a and n >= 2:
            for i in r.sample(range(n), 2):
                per_event[i] = list(dict.fromkeys(["threats", *per_event[i]]))
        # Which records carry the fear/effect statements that make it s.4A (or s.4 for harassment).
        fear_idx: set[int] = set()
        if s4a:
            if s4a_kind == "fear" or spec.label == "harassment":
                fear_idx = set(r.sample(range(n), 2)) if n >= 2 else {0}
            else:
                fear_idx = {r.randrange(n)}
        if spec.label == "stalking":
            offence = "PHA 1997 s.4A" if s4a else "PHA 1997 s.2A"
        else:
            offence = "PHA 1997 s.4" if s4a else "PHA 1997 s.2"
        course = Course(
            course_id=self._course_id(),
            scenario=spec.name,
            label=spec.label,
            offence=offence,
            victim=victim,
            suspect=suspect,
            cross_record=spec.cross_record,
            behaviours=[],
            remaining=n,
            relationship=relationship,
        )
        move_at = ri(r, 1, n - 1) if spec.name == "victim_moves_stalking" else -1
        if move_at < 0 and r.random() < f.noise.moved_address and n > 2:
            move_at = ri(r, 1, n - 1)
        phone_at = ri(r, 1, n - 1) if (r.random() < f.noise.new_phone and n > 1) else -1
        sphone_at = ri(r, 1, n - 1) if (r.random() < f.noise.new_phone and n > 1) else -1
        ident = ""
        if suspect is None:
            ident = "@" + self._handle() if r.random() < 0.6 else self._number()
        else:
            ident = suspect.phones[-1] if r.random() < 0.5 else "@" + f.handle_of(suspect)
        fixed = {"place": ch(r, P.WORKPLACES), "car": ch(r, P.CARS)}
        correct_record = r.randrange(n) if spec.correct_8q else -1
        events: list[Event] = []
        for i in range(n):
            behaviours = per_event[i]
            if spec.anonymous or suspect is None:
                mode = "none"
            elif r.random() < spec.unidentified and i < n - 1:
                mode = "unidentified"
            elif r.random() < spec.narrative_only:
                mode = "narrative"
            else:
                mode = "columns"
            rel_col = relationship
            if mode in ("unidentified", "none"):
                rel_col = "unknown" if relationship != "online_only" else "online_only"
            if r.random() < 0.08:
                rel_col = ""  # relationship not filled in
            cls, code = self._class_for(spec, behaviours, i == correct_record, s4a, s4a_kind)
            narrative = self._narrative(
                spec,
                behaviours,
                victim,
                suspect,
                mode,
                relationship,
                ident,
                first=(i == 0),
                fear=(i in fear_idx),
                s4a_kind=s4a_kind,
                moved=(move_at >= 0 and i == move_at),
                cls=cls,
                fixed={**fixed, "date": _earlier_date(r, times[i])},
            )
            events.append(
                Event(
                    when=times[i],
                    course=course,
                    victim=victim,
                    suspect=suspect,
                    suspect_mode=mode,
                    relationship=rel_col,
                    recorded_class=cls,
                    offence_code=code,
                    narrative=narrative,
                    behaviours=behaviours,
                    move_victim=(i == move_at),
                    new_phone_victim=(i == phone_at),
                    new_phone_suspect=(i == sphone_at),
                    suspect_handle=(
                        ident if spec.anonymous and ident.startswith("@") and r.random() < 0.5 else ""
                    ),
                )
            )
        for e in events:
            for b in e.behaviours:
                if b not in course.behaviours:
                    course.behaviours.append(b)
        return events

    def _handle(self) -> str:
        r = self.rng
        return f"{ch(r, ('anon', 'watching', 'ur_secret', 'noone', 'truth', 'justsaying'))}{ri(r, 1, 9999)}"

    def _number(self) -> str:
        from fourfold.synth.people import uk_mobile

        return uk_mobile(self.rng)

    def _class_for(
        self, spec: Spec, behaviours: list[str], correct: bool, s4a: bool, s4a_kind: str
    ) -> tuple[str, str]:
        r = self.rng
        if correct:
            code = OFFENCE_CODE_8Q[s4a_kind] if s4a else OFFENCE_CODE_8Q["s2A"]
            return "8Q", code
        if spec.label == "harassment":
            cls = ch(r, ("8L", "8L", "58A", "9B", "", ""))
            return cls, ""
        primary = behaviours[0]
        options = _MISRECORD_CLASS.get(primary, ("", "", "8L"))
        if spec.cross_record and "8L" in options and r.random() < 0.5:
            options = tuple(o for o in options if o != "8L") or ("",)
        return ch(r, options), ""

    def _narrative(
        self,
        spec: Spec,
        behaviours: list[str],
        victim: Person,
        suspect: Person | None,
        mode: str,
        relationship: str,
        ident: str,
        *,
        first: bool,
        fear: bool,
        s4a_kind: str,
        moved: bool,
        cls: str,
        fixed: dict[str, str],
    ) -> str:
        r = self.rng
        if suspect is None or mode == "none":
            s_text = ident or "unknown person"
            if r.random() < 0.5:
                s_text = ch(r, ("an unknown account", "unknown sender", "the account", "unknown number")) + (
                    f" ({ident})" if ident else ""
                )
            s_sex = "?"
        elif mode == "unidentified":
            s_text = ch(r, ("a male", "unknown male", "a man", "an unknown person", "someone"))
            s_sex = suspect.sex
        else:
            s_text = C.suspect_as_written(r, suspect, relationship, named=(mode == "narrative"))
            s_sex = suspect.sex
        sl = C.slots(
            r,
            s_text=s_text,
            v_text=C.victim_as_written(r, victim),
            s_sex=s_sex,
            v_sex=victim.sex,
            ident=ident,
            fixed=fixed,
        )
        opening = pick(P.OPENING, r, sl)
        parts: list[str] = []
        if spec.label == "harassment":
            table = P.NEIGHBOUR_FEUD if relationship == "neighbour" else P.BUSINESS_GRIEVANCE
            body = [pick(table[b], r, sl) for b in behaviours if b in table]
            if len(body) < len(behaviours):
                body += C.behaviour_sentences(r, [b for b in behaviours if b not in table], sl, single=False)
        else:
            body = C.behaviour_sentences(r, behaviours, sl, single=spec.cross_record)
        parts.append(opening + " ".join(s.strip().rstrip(".") + "." for s in body))
        if mode in ("narrative", "columns") and s_text not in parts[0]:
            # The event itself named no one (e.g. "a male seen outside"): the victim says who they think
            # it was. Always so when the suspect is named only in the narrative, so the truth holds.
            if mode == "narrative" or r.random() < 0.6:
                parts.append(pick(P.VICTIM_SUSPECTS, r, sl))
        rel_table = P.RELATIONSHIP_LINE.get(
            "business" if spec.name == "business_grievance_harassment" else relationship
        )
        if rel_table and mode in ("columns", "narrative") and (first or r.random() < 0.35):
            parts.append(pick(rel_table, r, sl))
        if not spec.cross_record:
            if r.random() < 0.6:
                parts.append(pick(P.HISTORY_LINE, r, sl))
            if r.random() < 0.45:
                parts.append(pick(P.VICTIM_ACTION, r, sl))
        if moved:
            parts.append(
                ch(
                    r,
                    (
                        "IP recently moved address to get away from SUSP but {} has found the new address.",
                        "IP moved house last month because of this - new address on file.",
                        "IP now living at new address (see nominal) after moving due to SUSP.",
                    ),
                ).format(sl["s_he"])
            )
        if fear:
            table = (
                P.FEAR_OF_VIOLENCE if (s4a_kind == "fear" or spec.label == "harassment") else P.FEAR_EFFECT
            )
            parts.append(pick(table, r, sl))
        if cls == "8Q":
            parts.append(pick(P.CLOSE_STALKING_8Q, r, sl))
        elif mode == "columns" and "contacting" in behaviours and r.random() < 0.3:
            parts.append(pick(P.CLOSE_SUSPECT_ARREST, r, sl))
        else:
            parts.append(pick(P.CLOSE_GENERIC, r, sl))
        return C.officer_style(r, C.sentence_join(parts), self.typo_rate)

    # ------------------------------------------------------------------ other repeated courses (label none)
    def plan_other(self, start: dt.datetime, latest: dt.datetime, max_records: int) -> list[Event]:
        r = self.rng
        f = self.factory
        name: str = choose(r, OTHER_SPECS)  # type: ignore[assignment]
        n = min(ri(r, 2, 5), max_records)
        if n < 2:
            return []
        victim = f.new_person()
        suspect: Person | None = None
        relationship = ""
        if name == "child_contact_dispute":
            suspect = f.new_person("M" if victim.sex == "F" else "F", min_age=20, max_age=55)
            relationship = "ex_partner"
        elif name == "repeat_noise":
            suspect = f.new_person()
            relationship = "neighbour"
        elif name == "repeat_shoplifting":
            suspect = f.new_person()
            relationship = "stranger"
        course = Course(
            course_id=self._course_id(),
            scenario=name,
            label="none",
            offence=None,
            victim=victim,
            suspect=suspect,
            cross_record=False,
            behaviours=[],
            remaining=n,
            relationship=relationship,
        )
        times = self._times(start, latest, n, 240)
        fixed = {
            "place": ch(r, ("Tesco", "Co-op", "Boots", "Aldi", "the Spar", "B&M")),
            "n": str(ri(r, 2, 60)),
        }
        events = []
        for i in range(n):
            s_text = C.suspect_as_written(r, suspect, relationship, named=r.random() < 0.3) if suspect else ""
            sl = C.slots(
                r,
                s_text=s_text,
                v_text=C.victim_as_written(r, victim),
                s_sex=suspect.sex if suspect else "?",
                v_sex=victim.sex,
                fixed=fixed,
            )
            text = pick(P.OTHER_COURSE[name], r, sl)
            if name == "repeat_shoplifting":
                cls = "46"
            elif name == "child_contact_dispute":
                cls = ""
            else:
                cls = ""
            events.append(
                Event(
                    when=times[i],
                    course=course,
                    victim=victim,
                    suspect=suspect,
                    suspect_mode="columns" if suspect else "none",
                    relationship=relationship,
                    recorded_class=cls,
                    offence_code="",
                    narrative=C.officer_style(r, C.sentence_join([text]), self.typo_rate),
                    behaviours=[],
                )
            )
        return events
