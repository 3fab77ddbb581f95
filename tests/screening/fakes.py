"""A tiny stand-in for contract A, for unit tests of the pipeline's own stages (not for end-to-end tests)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class BehaviourHit:
    behaviour: str
    span: Span


@dataclass
class Identifier:
    kind: str
    value: str
    span: Span


@dataclass
class FakeEvidence:
    behaviours: list[BehaviourHit] = field(default_factory=list)
    four: dict[str, list[Span]] = field(default_factory=dict)
    fear_of_violence: list[Span] = field(default_factory=list)
    fear_occasions: int = 0
    serious_alarm_distress: list[Span] = field(default_factory=list)
    occasions: int = 0
    span_days: int | None = None
    repetition: list[Span] = field(default_factory=list)
    relationship: str | None = None
    relationship_spans: list[Span] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)


PATTERNS = {
    "following": r"followed",
    "contacting": r"messaged|called",
    "turning_up_home": r"outside (?:my|her|his) house",
    "threats": r"threatened",
}


def _spans(pattern: str, text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in re.finditer(pattern, text, re.IGNORECASE)]


def fake_analyse(text: str) -> FakeEvidence:
    ev = FakeEvidence()
    for behaviour, pattern in PATTERNS.items():
        ev.behaviours += [BehaviourHit(behaviour, s) for s in _spans(pattern, text)]
    ev.fear_of_violence = _spans(r"scared (?:he|she) will hurt me", text)
    ev.fear_occasions = len(ev.fear_of_violence)
    ev.serious_alarm_distress = _spans(r"stopped going to work", text)
    ev.four = {
        "fixated": _spans(r"obsessed", text),
        "obsessive": [],
        "unwanted": _spans(r"unwanted", text),
        "repeated": _spans(r"again", text),
    }
    times = re.search(r"(\d+) times", text)
    ev.repetition = _spans(r"\d+ times", text)
    ev.occasions = int(times.group(1)) if times else (1 if ev.behaviours else 0)
    if re.search(r"ex-partner", text):
        ev.relationship = "ex_partner"
        ev.relationship_spans = _spans("ex-partner", text)
    ev.identifiers = [
        Identifier("phone", "+44" + m.group(1)[1:], Span(m.start(), m.end(), m.group(0)))
        for m in re.finditer(r"\b(07\d{9})\b", text)
    ]
    return ev


def fake_analyse_many(
    texts: Iterable[str], n_process: int = 1, batch_size: int = 256
) -> Iterator[FakeEvidence]:
    for text in texts:
        yield fake_analyse(text)
