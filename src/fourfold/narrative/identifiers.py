"""Identifiers mentioned in a narrative: phones, emails, online handles, vehicle registrations, names.

Found on the original text (regular expressions and `phonenumbers`), so spans are exact character offsets.
"""

from __future__ import annotations

import re
from typing import Any

import phonenumbers

from fourfold.narrative.evidence import Identifier, Span
from fourfold.narrative.normalise import stem

_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)")
_HANDLE_WORD = re.compile(
    r"\b(?:handle|username|user name|account name|profile name|gamertag|called)\s*(?:is|of|:)?\s*"
    r"(?!@)([A-Za-z0-9_]*[_0-9][A-Za-z0-9_.]*)",
    re.IGNORECASE,
)
# UK registrations (DVLA): current AB12 CDE; prefix A123 BCD; suffix ABC 123D. Older formats need a cue word.
_VRM_CURRENT = re.compile(r"\b([A-Z]{2}[0-9]{2})\s?([A-Z]{3})\b")
_VRM_OLDER = re.compile(r"\b(?:[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}[A-Z])\b")
_VRM_CUE = re.compile(
    r"(?:reg|registration|vrm|index|plate|veh|vehicle|car|van)\W{0,3}\w{0,12}\W{0,3}$", re.I
)

_NAME_TRIGGER = re.compile(
    r"\b(?:susp(?:ect)?|s/|named as|name(?:d)? is|known as|identified as|calls? himself|calls? herself|"
    r"ex[- ]?(?:partner|boyfriend|girlfriend|husband|wife|bf|gf)|(?:boy|girl)friend|husband|wife|partner|"
    r"neighbour|colleague|mr|mrs|ms|miss)\b[\s:,(\-]*",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"([A-Z][A-Za-z'\-]{1,24})")
# Words that follow a trigger but are not names (checked on the stem, so verb forms are covered).
_NOT_NAME = frozenset(
    stem(w)
    for w in (
        "the a an and has have had is was were be been who which that this then than also now still again "
        "states stated says said reports reported denies denied attended arrested sent called rang texted "
        "messaged followed turned came went left made told keeps kept continues continued dob tel phone "
        "mobile address lives living email aged age unknown male female man woman is not no nfa ip vic "
        "victim "
        "susp suspect his her him she he they them it on in at to from with by for of as or but if when "
        "while whilst after before since police officers officer pc ps oic words advice arrest arrested "
        "interview interviewed charged bailed released present previously believed thought appears "
        "approx approximately about around over under mr mrs ms miss dr has got gets get keep keeping "
        "name named known identified via using uses used drives drove driving owns owner vehicle car van "
        "reg registration number account handle online instagram facebook twitter tiktok snapchat whatsapp "
        "told asked tried would could should will can may might must did does do dont didnt hasnt isnt "
        "ex partner boyfriend girlfriend husband wife neighbour colleague friend mother father brother "
        "sister son daughter family relationship ended split since because so very really just only "
        "currently recently stalking harassment breach order bail conditions outside o/s w/ s/ hrs"
    ).split()
)


_PHONE_HINT = re.compile(r"(?:\+|\b0)\d[\d \-()]{7,}\d")


def _add_phones(text: str, add: Any) -> None:
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for pm in matcher:
        e164 = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
        add("phone", e164, pm.start, pm.end)


def find_identifiers(text: str) -> list[Identifier]:
    """Every identifier in the text, normalised, with its span; ordered by position."""
    found: list[Identifier] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(kind: str, value: str, a: int, b: int) -> None:
        if value and free(a, b):
            found.append(Identifier(kind=kind, value=value, span=Span(a, b, text[a:b])))
            taken.append((a, b))

    for m in _EMAIL.finditer(text):
        add("email", m.group(0).lower(), m.start(), m.end())
    for m in _HANDLE.finditer(text):
        add("handle", m.group(1).lower(), m.start(), m.end())
    for m in _HANDLE_WORD.finditer(text):
        add("handle", m.group(1).lower().rstrip("."), m.start(1), m.end(1))
    if _PHONE_HINT.search(
        text
    ):  # the phonenumbers matcher is slow: run it only where digits could be a number
        _add_phones(text, add)
    for m in _VRM_CURRENT.finditer(text):
        add("vrm", (m.group(1) + m.group(2)).upper(), m.start(), m.end())
    for m in _VRM_OLDER.finditer(text):
        if _VRM_CUE.search(text[max(0, m.start() - 40) : m.start()]):
            add("vrm", m.group(0).replace(" ", "").upper(), m.start(), m.end())
    for m in _NAME_TRIGGER.finditer(text):
        _add_name(text, m.end(), add)
    found.sort(key=lambda i: i.span.start)
    return found


_VOCAB: set[str] = set()


def _pattern_vocabulary() -> set[str]:
    """Every stem the pattern tables use: in ALL-CAPS logs such a word after "SUSP" is not a name."""
    if not _VOCAB:
        from fourfold.narrative import patterns

        for table in (patterns.BEHAVIOURS, patterns.FOUR_CUES, patterns.S4A_CUES, patterns.RELATIONSHIP_CUES):
            for specs in table.values():
                for spec in specs:
                    for pat in patterns.compile_patterns(spec):
                        for tok in pat:
                            norm = tok.get("NORM")
                            if isinstance(norm, dict):
                                _VOCAB.update(norm["IN"])
                            elif isinstance(norm, str):
                                _VOCAB.add(norm)
    return _VOCAB


def _is_name_word(word: str) -> bool:
    st = stem(word)
    if st in _NOT_NAME or word.lower() in _NOT_NAME:
        return False
    if word.isupper():  # police-log capitals: every word is capitalised, so be stricter
        if st in _pattern_vocabulary() or word.endswith(("ED", "ING")) or len(word) < 3:
            return False
    return True


def _add_name(text: str, pos: int, add: object) -> None:
    words: list[re.Match[str]] = []
    cursor = pos
    while len(words) < 2:
        m = _NAME_WORD.match(text, cursor)
        if not m or not _is_name_word(m.group(1)):
            break
        words.append(m)
        gap = re.match(r"[ \t]+", text[m.end() :])
        if not gap:
            break
        cursor = m.end() + gap.end()
    if not words:
        return
    value = " ".join(w.group(1).capitalize() if w.group(1).isupper() else w.group(1) for w in words)
    add("name", value, words[0].start(), words[-1].end())  # type: ignore[operator]
