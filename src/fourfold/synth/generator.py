"""The synthetic force: streams `records.csv` and `truth.jsonl` in bounded memory.

Records are produced in date order. Each of N slots is either the next background incident or, when a
planned course of conduct has an event due, that event. Courses are started at a paced rate so the share of
records that belong to them matches the configuration; their future events wait in a heap (bounded by the
number of active courses).
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fourfold.synth import compose as C
from fourfold.synth import phrases as P
from fourfold.synth.config import SynthConfig
from fourfold.synth.people import Person, PersonFactory, build_pools, ch, ri
from fourfold.synth.scenarios import Course, Event, Planner, choose
from fourfold.synth.templating import pick

PERSON_COLS = ("ref", "forename", "surname", "dob", "sex", "address", "postcode", "phone", "email")
RECORD_COLUMNS: tuple[str, ...] = (
    "record_id",
    "reported_at",
    "occurred_at",
    "record_type",
    "force",
    "recorded_class",
    "offence_code",
    "relationship",
    *(f"victim_{c}" for c in PERSON_COLS),
    *(f"suspect_{c}" for c in PERSON_COLS),
    "suspect_online_handle",
    "narrative",
)
RELATIONSHIPS = (
    "current_partner",
    "ex_partner",
    "family",
    "acquaintance",
    "colleague",
    "neighbour",
    "stranger",
    "online_only",
    "unknown",
)

# Background kinds: (weight, has_victim_person, suspect probability, relationships, classes)
BACKGROUND_KINDS: dict[str, tuple[float, bool, float, tuple[str, ...], tuple[str, ...]]] = {
    "assault": (0.13, True, 0.7, ("stranger", "acquaintance", "unknown", ""), ("105A", "105A", "8N")),
    "criminal_damage": (0.13, True, 0.2, ("unknown", "", "neighbour"), ("58A", "58C", "58C", "58D")),
    "public_order": (0.08, False, 0.6, ("stranger", ""), ("9B", "9B", "")),
    "neighbour_noise": (0.08, True, 0.7, ("neighbour",), ("",)),
    "welfare": (0.12, True, 0.0, ("",), ("",)),
    "theft": (0.18, True, 0.25, ("stranger", "unknown", ""), ("46", "45", "49", "49")),
    "domestic": (
        0.12,
        True,
        1.0,
        ("current_partner", "current_partner", "family", "ex_partner"),
        ("", "", "105A"),
    ),
    "bail_breach": (0.04, False, 1.0, ("",), ("",)),
    "malicious_comms": (
        0.06,
        True,
        0.9,
        ("acquaintance", "ex_partner", "online_only", "family"),
        ("8R", "8R", ""),
    ),
    # Decoys: one-off incidents in stalking-like words.
    "decoy_ex_text": (0.015, True, 1.0, ("ex_partner",), ("", "", "8R")),
    "decoy_road_rage": (0.01, True, 0.4, ("stranger", ""), ("", "9B")),
    "decoy_collect_belongings": (0.01, True, 1.0, ("ex_partner",), ("",)),
    "decoy_argument": (0.01, True, 1.0, ("acquaintance", "stranger", "neighbour"), ("", "9B")),
    "decoy_mistaken_following": (0.005, True, 0.0, ("",), ("",)),
    "decoy_drunk_messages": (0.01, True, 1.0, ("ex_partner", "acquaintance"), ("",)),
}
_KIND_WEIGHTS = tuple((k, v[0]) for k, v in BACKGROUND_KINDS.items())


@dataclass
class SynthStats:
    records: int = 0
    course_records: int = 0
    stalking_records: int = 0
    courses: int = 0
    mentions: int = 0


class _Pool:
    """A bounded pool of people who turn up again in unrelated records (repeat callers, known offenders)."""

    def __init__(self, rng: random.Random, size: int = 4000) -> None:
        self.rng = rng
        self.size = size
        self.people: list[Person] = []

    def get_or_make(self, make: Callable[[], Person], reuse: float = 0.08) -> Person:
        r = self.rng
        if self.people and r.random() < reuse:
            return ch(r, self.people)
        p = make()
        if r.random() < 0.05:
            if len(self.people) < self.size:
                self.people.append(p)
            else:
                self.people[r.randrange(self.size)] = p
        return p


def _stream(seed: int, name: str) -> random.Random:
    return random.Random(f"fourfold-synth:{seed}:{name}")  # str seeds hash with SHA-512: stable across runs


def generate(config: SynthConfig, out_dir: Path, progress: Callable[[int], None] | None = None) -> SynthStats:
    out_dir.mkdir(parents=True, exist_ok=True)
    pools = build_pools(config.seed)
    factory = PersonFactory(pools, _stream(config.seed, "people"), config.noise)
    planner = Planner(_stream(config.seed, "scenarios"), factory, config.noise.narrative_typo)
    rng = _stream(config.seed, "background")
    pool = _Pool(_stream(config.seed, "pool"))
    stats = SynthStats()

    n = config.records
    start = dt.datetime.combine(config.start, dt.time(0, 0))
    end = dt.datetime.combine(config.end, dt.time(23, 59))
    total_s = (end - start).total_seconds()
    heap: list[tuple[dt.datetime, int, Event]] = []
    seq = 0
    planned_stalking = 0
    planned_other = 0
    pending = 0
    year_tag = config.start.year % 100

    with (
        open(out_dir / "records.csv", "w", newline="", encoding="utf-8") as rf,
        open(out_dir / "truth.jsonl", "w", encoding="utf-8") as tf,
    ):
        w = csv.writer(rf)
        w.writerow(RECORD_COLUMNS)
        for i in range(n):
            slot_time = start + dt.timedelta(seconds=total_s * (i + rng.random()) / n)
            remaining_slots = n - i
            # Pace course starts so planned course records keep up with the configured rates.
            for kind in ("stalking", "other"):
                rate = config.stalking_rate if kind == "stalking" else config.other_course_rate
                planned = planned_stalking if kind == "stalking" else planned_other
                while planned < rate * (i + 1) and remaining_slots - pending >= 2:
                    plan = planner.plan_stalking if kind == "stalking" else planner.plan_other
                    events = plan(slot_time, end, remaining_slots - pending)
                    if not events:
                        break
                    for e in events:
                        seq += 1
                        heapq.heappush(heap, (e.when, seq, e))
                    pending += len(events)
                    planned += len(events)
                    stats.courses += len({id(e.course) for e in events})
                if kind == "stalking":
                    planned_stalking = planned
                else:
                    planned_other = planned
            if heap and (heap[0][0] <= slot_time or pending >= remaining_slots):
                _, _, ev = heapq.heappop(heap)
                pending -= 1
            else:
                ev = _background(rng, factory, pool, slot_time)
            record_id = f"REF{year_tag:02d}-{i + 1:07d}"
            _emit(w, tf, ev, record_id, config, factory, rng, stats)
            if progress is not None and (i + 1) % 10000 == 0:
                progress(10000)
        if progress is not None:
            progress(n % 10000)
    return stats


def _emit(
    w: csv.writer,  # type: ignore[valid-type]
    tf,
    ev: Event,
    record_id: str,
    config: SynthConfig,
    factory: PersonFactory,
    rng: random.Random,
    stats: SynthStats,
) -> None:
    if ev.move_victim and ev.victim is not None:
        factory.move(ev.victim)
    if ev.new_phone_victim and ev.victim is not None:
        factory.change_phone(ev.victim)
    if ev.new_phone_suspect and ev.suspect is not None:
        factory.change_phone(ev.suspect)
    row: list[str] = [record_id]
    when = ev.when
    occurred = when - dt.timedelta(minutes=ri(rng, 0, 600)) if rng.random() < 0.7 else when
    row.append(when.isoformat(timespec="seconds") if rng.random() < 0.9 else when.date().isoformat())
    row.append(occurred.isoformat(timespec="seconds") if rng.random() < 0.8 else "")
    row.append("crime" if ev.recorded_class else "incident")
    row.append(config.force)
    row.append(ev.recorded_class)
    row.append(ev.offence_code)
    row.append(ev.relationship)
    lines: list[str] = []
    if ev.victim is not None:
        vals, tags = factory.render(ev.victim)
        row.extend(vals[c] for c in PERSON_COLS)
        lines.append(_mention(record_id, "victim", ev.victim.person_id, "columns", tags))
    else:
        row.extend("" for _ in PERSON_COLS)
    if ev.suspect is not None and ev.suspect_mode == "columns":
        vals, tags = factory.render(ev.suspect, with_handle=True)
        row.extend(vals[c] for c in PERSON_COLS)
        row.append(vals["online_handle"])
        lines.append(_mention(record_id, "suspect", ev.suspect.person_id, "columns", tags))
    else:
        row.extend("" for _ in PERSON_COLS)
        row.append(ev.suspect_handle)
        if ev.suspect is not None and ev.suspect_mode == "narrative":
            lines.append(_mention(record_id, "suspect", ev.suspect.person_id, "narrative", []))
    row.append(ev.narrative)
    w.writerow(row)
    stats.records += 1
    stats.mentions += len(lines)
    course = ev.course
    if course is not None:
        stats.course_records += 1
        if course.label != "none":
            stats.stalking_records += 1
        course.record_ids.append(record_id)
        course.record_behaviours[record_id] = ev.behaviours
        course.classes.append(ev.recorded_class)
        course.remaining -= 1
        if course.remaining == 0:
            lines.append(_course_line(course))
    if lines:
        tf.write("\n".join(lines))
        tf.write("\n")


def _mention(record_id: str, role: str, person_id: str, source: str, tags: list[str]) -> str:
    # Same JSON as json.dumps writes (ids and tags are plain ASCII), without its cost on the hot path.
    noise = ", ".join(f'"{t}"' for t in tags)
    return (
        f'{{"type": "mention", "record_id": "{record_id}", "role": "{role}", "person_id": "{person_id}", '
        f'"source": "{source}", "noise": [{noise}]}}'
    )


def _course_line(c: Course) -> str:
    return json.dumps(
        {
            "type": "course",
            "course_id": c.course_id,
            "victim_person_id": c.victim.person_id,
            "suspect_person_id": c.suspect.person_id if c.suspect is not None else None,
            "record_ids": c.record_ids,
            "label": c.label,
            "offence": c.offence,
            "behaviours": sorted(c.behaviours),
            "scenario": c.scenario,
            "cross_record": c.cross_record,
            "recorded_class_correct": c.recorded_class_correct(),
            "relationship": c.relationship,
            "record_behaviours": c.record_behaviours,
        }
    )


def _background(rng: random.Random, factory: PersonFactory, pool: _Pool, when: dt.datetime) -> Event:
    kind: str = choose(rng, _KIND_WEIGHTS)  # type: ignore[assignment]
    _, has_victim, p_suspect, rels, classes = BACKGROUND_KINDS[kind]
    victim = pool.get_or_make(factory.new_person) if has_victim else None
    suspect = pool.get_or_make(factory.new_person) if rng.random() < p_suspect else None
    if kind == "domestic" and victim is not None and suspect is not None and suspect.sex == victim.sex:
        suspect = factory.new_person("M" if victim.sex == "F" else "F")
    relationship = ch(rng, rels)
    mode = "columns"
    if suspect is None:
        mode = "none"
    elif rng.random() < 0.07:
        mode = "narrative"
    s_text = ""
    if suspect is not None:
        s_text = C.suspect_as_written(rng, suspect, relationship, named=(mode == "narrative"))
    elif kind in ("assault", "criminal_damage", "theft"):
        s_text = ch(rng, ("unknown male", "an unknown offender", "a male"))
    else:
        s_text = "a person"
    sl = C.slots(
        rng,
        s_text=s_text or "a person",
        v_text=C.victim_as_written(rng, victim),
        s_sex=suspect.sex if suspect else "?",
        v_sex=victim.sex if victim else "F",
        ident=suspect.phones[-1] if suspect else "",
    )
    text = pick(P.BACKGROUND[kind], rng, sl)
    if mode == "narrative" and s_text not in text:
        text += " " + pick(P.VICTIM_SUSPECTS, rng, sl)  # named only here, so the narrative must name them
    narrative = C.officer_style(rng, C.sentence_join([text]), factory.noise.narrative_typo)
    return Event(
        when=when,
        course=None,
        victim=victim,
        suspect=suspect,
        suspect_mode=mode,
        relationship=relationship,
        recorded_class=ch(rng, classes),
        offence_code="",
        narrative=narrative,
        behaviours=[],
    )
