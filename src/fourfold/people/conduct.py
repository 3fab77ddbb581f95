"""Courses of conduct: victim–suspect pairs assembled across records.

A course of conduct is conduct on at least two occasions by the same person towards the same victim
(Protection from Harassment Act 1997 s.7(3)(a)); it only becomes visible when that person's records are put
together. Records are grouped by resolved (victim_id, suspect_id). A record whose suspect is unknown is
attached to a known suspect when an identifier it carries (the suspect's phone, e-mail, handle or vehicle in
its own fields, or one its narrative mentions) is, in another record, tied to exactly one known suspect —
through that record's suspect fields or its narrative. Each such attachment is reported in `linked_via`.
A record whose suspect fields are empty but whose narrative names, by surname, exactly one of the suspects
already known in the same victim's records (near in time) is attached to that suspect too ("IP suspects
Marie CALLAGHAN again"); the name is matched only within one victim's records, never across the force.
Same-victim records whose suspect stays unknown are offered as `possible_record_ids` to every course of that
victim whose dates they fall near, and are also kept together as the victim's course with an unknown suspect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from fourfold.people import normalise

# Identifier kinds that point at one person or their vehicle; names are left to person resolution.
LINKING_KINDS = ("phone", "email", "handle", "vrm")
# How far before the first or after the last record of a course an unknown-suspect record still "fits in
# time". A design choice (about six months), not a legal rule: PHA 1997 sets no time limit on a course.
FIT_DAYS = 183
# A surname shorter than this, or one that is also an everyday English word, is too weak to link on.
MIN_SURNAME_CHARS = 3
COMMON_WORDS = frozenset(
    """
    a an and are as at be been but by can did do for from had has have he her him his if in into is it its
    may me my no not now of off on or our out over she so than that the their them then there they this to
    too up us was we were what when where who will with you your young old new long little short small big
    rose white black green brown grey gray hall hill wood woods field fields bell bird fox wolf lamb king
    knight page day days june april august summer winter march love hope joy faith grace park lane street
    road house home bank banks ford brook mill miles stone stones well wells west north south east dale marsh
    moor rice cook price cash sharp strong strange good best sweet bright fair
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass
class Course:
    """Contract B: one victim and one suspect (None when unknown) with their records in date order."""

    victim_id: str
    suspect_id: str | None
    record_ids: list[str]
    possible_record_ids: list[dict[str, str]] = field(default_factory=list)
    linked_via: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "victim_id": self.victim_id,
            "suspect_id": self.suspect_id,
            "record_ids": list(self.record_ids),
            "possible_record_ids": list(self.possible_record_ids),
            "linked_via": list(self.linked_via),
        }


def normalise_identifier(kind: str, value: object) -> str | None:
    """The form identifiers are matched in: E.164 phones, lower-case e-mails and handles, upper VRMs."""
    kind = (kind or "").lower()
    if kind == "phone":
        return normalise.phone(value)
    if kind == "email":
        return normalise.email(value)
    if kind in ("handle", "online_handle"):
        return normalise.handle(value)
    if kind == "vrm":
        text = normalise._clean(value)
        return "".join(text.upper().split()) if text else None
    return None


def _kind(kind: str) -> str:
    return "handle" if kind == "online_handle" else kind


def _present(value: object) -> bool:
    return normalise._clean(value) is not None


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp.date()


def assemble_courses(records: pd.DataFrame, identifiers: pd.DataFrame) -> list[Course]:
    """Contract B. `records`: record_id, reported_at, victim_id, suspect_id (may be None), relationship and
    optionally suspect_phone, suspect_email, suspect_online_handle. `identifiers`: record_id, kind, value
    found in each record's narrative. Returns one Course per (victim, suspect) with at least one record,
    sorted by victim, then suspect."""
    missing = {"record_id", "victim_id", "suspect_id"} - set(records.columns)
    if missing:
        raise ValueError(f"records lack column(s): {', '.join(sorted(missing))}")
    recs = records.copy()
    recs["record_id"] = recs["record_id"].astype(str)
    recs["_date"] = [_date(v) for v in recs["reported_at"]] if "reported_at" in recs else None
    date_of = dict(zip(recs["record_id"], recs["_date"], strict=True))
    victim_of = {
        r: (str(v) if _present(v) else None)
        for r, v in zip(recs["record_id"], recs["victim_id"], strict=True)
    }
    suspect_of = {
        r: (str(s) if _present(s) else None)
        for r, s in zip(recs["record_id"], recs["suspect_id"], strict=True)
    }

    # Identifiers each record carries: (kind, value, source) — its own suspect fields, then its narrative.
    carried: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for column, kind in (
        ("suspect_phone", "phone"),
        ("suspect_email", "email"),
        ("suspect_online_handle", "handle"),
    ):
        if column in recs.columns:
            for rid, value in zip(recs["record_id"], recs[column], strict=True):
                norm = normalise_identifier(kind, value)
                if norm:
                    carried[rid].append((kind, norm, "suspect field"))
    if identifiers is not None and len(identifiers):
        for rid, kind, value in zip(
            identifiers["record_id"].astype(str),
            identifiers["kind"].astype(str),
            identifiers["value"],
            strict=True,
        ):
            kind = _kind(kind.lower())
            if kind in LINKING_KINDS and rid in suspect_of:
                norm = normalise_identifier(kind, value)
                if norm:
                    carried[rid].append((kind, norm, "narrative"))

    # Attach unknown-suspect records through identifiers tied to exactly one known suspect; repeat so that a
    # record attached in one round can lend its own identifiers to the next.
    attached: dict[str, tuple[str, dict[str, str]]] = {}
    for _round in range(5):
        owners: dict[tuple[str, str], dict[str, str]] = defaultdict(
            dict
        )  # (kind, value) -> suspect -> record
        for rid, items in carried.items():
            suspect = suspect_of.get(rid) or (attached[rid][0] if rid in attached else None)
            if suspect is None:
                continue
            for kind, value, _source in items:
                owners[(kind, value)].setdefault(suspect, rid)
        added = 0
        for rid, items in sorted(carried.items()):
            if suspect_of.get(rid) is not None or rid in attached:
                continue
            for kind, value, source in items:
                holders = owners.get((kind, value), {})
                if len(holders) == 1:
                    suspect, via = next(iter(holders.items()))
                    attached[rid] = (
                        suspect,
                        {
                            "record_id": rid,
                            "suspect_id": suspect,
                            "kind": kind,
                            "value": value,
                            "found_in": source,
                            "via_record_id": via,
                            "reason": f"{kind} {value} ({source} of {rid}) is tied to this suspect "
                            f"in record {via}",
                        },
                    )
                    added += 1
                    break
        if not added:
            break

    if "narrative" in recs.columns and "suspect_surname" in recs.columns:
        attached.update(_attach_by_surname(recs, victim_of, suspect_of, attached, date_of))
    if "stalking_acts" in recs.columns:
        attached.update(_attach_presumed(recs, victim_of, suspect_of, attached, date_of))

    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    linked: dict[tuple[str, str | None], list[dict[str, str]]] = defaultdict(list)
    for rid in recs["record_id"]:
        victim = victim_of[rid] or f"unresolved-victim:{rid}"  # kept, never dropped: reviewed on its own
        suspect = suspect_of[rid]
        if suspect is None and rid in attached:
            suspect = attached[rid][0]
            linked[(victim, suspect)].append(attached[rid][1])
        groups[(victim, suspect)].append(rid)

    def chrono(ids: list[str]) -> list[str]:
        return sorted(ids, key=lambda r: (date_of.get(r) or dt.date.max, r))

    courses = {
        key: Course(
            victim_id=key[0], suspect_id=key[1], record_ids=chrono(ids), linked_via=linked.get(key, [])
        )
        for key, ids in groups.items()
    }
    by_victim: dict[str, list[Course]] = defaultdict(list)
    for course in courses.values():
        by_victim[course.victim_id].append(course)
    for victim, victim_courses in by_victim.items():
        unknown = courses.get((victim, None))
        if unknown is None:
            continue
        for course in victim_courses:
            if course.suspect_id is None:
                continue
            dates = [date_of[r] for r in course.record_ids if date_of.get(r)]
            for rid in unknown.record_ids:
                reason = _fits(date_of.get(rid), dates)
                if reason:
                    course.possible_record_ids.append({"record_id": rid, "reason": reason})
    return sorted(courses.values(), key=lambda c: (c.victim_id, c.suspect_id is None, c.suspect_id or ""))


def _fits(when: dt.date | None, dates: list[dt.date]) -> str | None:
    if when is None or not dates:
        return "same victim, suspect unknown (no date to compare)" if not dates or when is None else None
    first, last = min(dates), max(dates)
    if first <= when <= last:
        return f"same victim, suspect unknown, reported within this course ({first} to {last})"
    gap = (first - when).days if when < first else (when - last).days
    if gap <= FIT_DAYS:
        side = "before the first" if when < first else "after the last"
        return f"same victim, suspect unknown, reported {gap} days {side} record of this course"
    return None


def _surname_words(text: object) -> list[str]:
    """The words of a surname field, normalised (hyphenated names give each part)."""
    value = normalise.name(text)
    return [w for w in (value or "").split() if len(w) >= MIN_SURNAME_CHARS and w not in COMMON_WORDS]


def _named_words(narrative: str) -> set[str]:
    """Words of a narrative written as a name would be (capitalised or in capitals), lower-cased."""
    return {m.group(0).lower().replace("'", "") for m in _WORD.finditer(narrative) if m.group(0)[0].isupper()}


def _attach_by_surname(
    recs: pd.DataFrame,
    victim_of: dict[str, str | None],
    suspect_of: dict[str, str | None],
    attached: dict[str, tuple[str, dict[str, str]]],
    date_of: dict[str, dt.date | None],
) -> dict[str, tuple[str, dict[str, str]]]:
    """Unknown-suspect records whose narrative names one of the same victim's known suspects by surname.

    Conduct "by the same person" (PHA 1997 s.7(3)) is shown here by the victim naming the suspect; the
    match is kept to one victim's records and to dates near that suspect's records, and is refused when the
    surname is the victim's own or when it names more than one of the victim's suspects."""
    # Only victims with an unattached unknown-suspect record that carries its narrative need looking at.
    victims = recs["record_id"].map(victim_of)
    open_text = recs["narrative"].map(lambda t: isinstance(t, str)) & recs["record_id"].map(
        lambda r: suspect_of.get(r) is None and r not in attached
    )
    wanted = set(victims[open_text].dropna())
    if not wanted:
        return {}
    recs = recs[victims.isin(wanted)]
    surnames: dict[str, dict[str, str]] = defaultdict(dict)  # suspect -> surname word -> a record giving it
    victim_surnames: dict[str, set[str]] = defaultdict(set)
    pair_dates: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    has_victim_surname = "victim_surname" in recs.columns
    for row in recs.itertuples(index=False):
        rid = str(row.record_id)
        victim = victim_of.get(rid)
        if victim is None:
            continue
        if has_victim_surname:
            victim_surnames[victim].update(_surname_words(row.victim_surname))
        suspect = suspect_of.get(rid)
        if suspect is None:
            continue
        for word in _surname_words(row.suspect_surname):
            surnames[suspect].setdefault(word, rid)
        if date_of.get(rid):
            pair_dates[(victim, suspect)].append(date_of[rid])  # type: ignore[arg-type]
    suspects_of_victim: dict[str, set[str]] = defaultdict(set)
    for victim, suspect in pair_dates:
        suspects_of_victim[victim].add(suspect)

    found: dict[str, tuple[str, dict[str, str]]] = {}
    for row in recs.itertuples(index=False):
        rid = str(row.record_id)
        victim = victim_of.get(rid)
        text = row.narrative
        if suspect_of.get(rid) is not None or rid in attached or victim is None or not isinstance(text, str):
            continue
        candidates = suspects_of_victim.get(victim)
        if not candidates:
            continue
        words = _named_words(text) - victim_surnames.get(victim, set())
        matches: dict[str, tuple[str, str]] = {}
        for suspect in sorted(candidates):
            for word, via in surnames.get(suspect, {}).items():
                if word in words and _fits(date_of.get(rid), pair_dates[(victim, suspect)]):
                    matches[suspect] = (word, via)
                    break
        if len(matches) != 1:
            continue
        suspect, (word, via) = next(iter(matches.items()))
        found[rid] = (
            suspect,
            {
                "record_id": rid,
                "suspect_id": suspect,
                "kind": "name",
                "value": word.capitalize(),
                "found_in": "narrative",
                "via_record_id": via,
                "reason": f"the narrative of {rid} names {word.capitalize()}, the surname of this victim's "
                f"suspect in record {via}",
            },
        )
    return found


def _attach_presumed(
    recs: pd.DataFrame,
    victim_of: dict[str, str | None],
    suspect_of: dict[str, str | None],
    attached: dict[str, tuple[str, dict[str, str]]],
    date_of: dict[str, dt.date | None],
) -> dict[str, tuple[str, dict[str, str]]]:
    """Unknown-suspect records describing acts aimed at the person, presumed the victim's only suspect's.

    Stalking is a pattern held as separate records: a record of the same victim that names nobody but
    describes an act associated with stalking aimed at the person (a tracker, cards on her car, a man
    waiting outside, fake accounts: `stalking_acts`, which leaves out damage, contact, threats and violence,
    the everyday crimes of strangers), reported within about six months of the only suspect the victim has
    named then, is most likely that suspect's; a course of conduct is one person's conduct on two or more
    occasions (PHA 1997 s.7(3)). The link is a presumption, marked "presumed" in `linked_via` for the
    reviewer to confirm."""
    acts = dict(zip(recs["record_id"], recs["stalking_acts"], strict=True))
    pair_dates: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    for rid, suspect in suspect_of.items():
        victim = victim_of.get(rid)
        suspect = suspect or (attached[rid][0] if rid in attached else None)
        if victim is not None and suspect is not None and date_of.get(rid):
            pair_dates[(victim, suspect)].append(date_of[rid])  # type: ignore[arg-type]
    suspects_of_victim: dict[str, list[str]] = defaultdict(list)
    for victim, suspect in pair_dates:
        suspects_of_victim[victim].append(suspect)
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for rid, suspect in suspect_of.items():
        victim, when, what = victim_of.get(rid), date_of.get(rid), acts.get(rid)
        if (
            suspect is not None
            or rid in attached
            or victim is None
            or when is None
            or not isinstance(what, str)
        ):
            continue
        if not what:
            continue
        fitting = [s for s in suspects_of_victim.get(victim, []) if _fits(when, pair_dates[(victim, s)])]
        if len(fitting) != 1:
            continue
        (only,) = fitting
        gap = min(abs((when - d).days) for d in pair_dates[(victim, only)])
        found[rid] = (
            only,
            {
                "record_id": rid,
                "suspect_id": only,
                "kind": "presumed",
                "value": what,
                "found_in": "same victim",
                "via_record_id": "",
                "reason": f"{rid} names no suspect but describes {what.replace('_', ' ')} aimed at the same "
                f"victim, {gap} days from a record of this suspect, the victim's only known suspect then: "
                "presumed to be this suspect's conduct (confirm before recording)",
            },
        )
    return found
