"""How many occasions of conduct one narrative states, read strictly enough for one record to stand alone.

A course of conduct is conduct on at least two occasions (PHA 1997 s.7(3)); repetition stated inside one
record can supply them (Kelly v DPP [2002] EWHC 1428 (Admin): calls minutes apart can be separate occasions).
Because a single record then becomes a course of conduct on its own, the repetition must be explicit and be
about the suspect's conduct. Contract A gives the narrative's repetition spans and an occasions estimate; this
module keeps that estimate only when at least one repetition span
- is a statement of earlier occasions ("8 previous calls re same", "for the 6th time", "repeat behaviour"), or
- shares a sentence with a behaviour of the suspect and is not a loose word: a bare "another" ("went into
  another house") or "ongoing" / "continues" without a stated period ("Enquiries ongoing") does not count;
and the sentence does not itself confine the repeated acts to one episode ("40 times on one night"): fact and
degree (Lau v DPP [2000] 1 FLR 799): a record that calls its repeated acts a single episode is read as one
occasion, with its repetition span still shown as evidence.
Otherwise the record counts as one occasion.
"""

from __future__ import annotations

import re
from typing import Any

# Sentence ends: . ! ? ; or a line break, not after common abbreviations used in police narratives.
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bapprox)[.!?;]+\s+|\n+"
)
_EARLIER = re.compile(r"\bprevious\b|\bprior\b|\brepeat\b|\b\d+\s*(?:st|nd|rd|th)\b|\bbefore\b", re.I)
_LOOSE = re.compile(r"^\s*(?:another|ongoing|continues|continuing|again)\s*$", re.I)
_PERIOD = re.compile(
    r"\bsince\b|\bfor\s+(?:\d+|a|an|one|two|three|four|five|six|several|many|the\s+(?:past|last))\s+"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|yrs?)\b|\bover\s+the\s+(?:past|last)\b",
    re.I,
)
_ONE_EPISODE = re.compile(
    r"\b(?:on|in|during|over)\s+(?:one|a\s+single)\s+(?:evening|night|afternoon|morning|day|sitting|occasion)\b",
    re.I,
)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of `text`."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds or [(0, len(text))]


def _sentence_of(bounds: list[tuple[int, int]], offset: int) -> int:
    for i, (start, end) in enumerate(bounds):
        if start <= offset < end:
            return i
    return len(bounds) - 1


def counted_repetition(text: str, evidence: dict[str, Any]) -> list[list[Any]]:
    """The repetition spans ([start, end, text]) that count as explicit repetition of the suspect's
    conduct."""
    repetition = evidence.get("repetition") or []
    if not repetition:
        return []
    bounds = sentence_bounds(text)
    conduct_sentences = {_sentence_of(bounds, int(b[1])) for b in evidence.get("behaviours") or []}
    kept: list[list[Any]] = []
    for span in repetition:
        start, _end, words = int(span[0]), int(span[1]), str(span[2])
        index = _sentence_of(bounds, start)
        s_start, s_end = bounds[index]
        sentence = text[s_start:s_end]
        if _ONE_EPISODE.search(sentence) and not _EARLIER.search(words):
            continue
        if _EARLIER.search(words):
            kept.append(span)  # earlier occasions stated ("8 previous calls re same", "for the 6th time")
        elif _LOOSE.match(words):
            # "again" with the conduct it repeats; "ongoing" / "continues" only with a stated period
            # ("ongoing since 19th October"), never on its own ("Enquiries ongoing", "another house").
            word = words.strip().lower()
            if (word == "again" and index in conduct_sentences) or (
                word != "another" and conduct_sentences and _PERIOD.search(sentence)
            ):
                kept.append(span)
        elif index in conduct_sentences:
            kept.append(span)  # "texted her 40 times", "repeatedly", "every morning", "most nights"
    return kept


def stated_occasions(text: str, evidence: dict[str, Any]) -> int:
    """Occasions this one narrative states (>= 1 when it describes any conduct, else 0)."""
    estimate = int(evidence.get("occasions") or 0)
    if estimate <= 1:
        return estimate
    if counted_repetition(text, evidence):
        return estimate
    return 1
