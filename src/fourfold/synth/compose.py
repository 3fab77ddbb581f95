"""Composing one officer-style narrative from phrase tables, and officers' habits (capitals, typos)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from fourfold.synth import phrases as P
from fourfold.synth.people import Person, ch, misspell, ri
from fourfold.synth.templating import pick

_EX_WORDS = {
    "M": ("partner", "bf", "boyfriend", "husband", "partner"),
    "F": ("partner", "gf", "girlfriend", "wife"),
}
_PRON = {"M": ("he", "him", "his"), "F": ("she", "her", "her")}


def fmt_time(rng: random.Random) -> str:
    h, m = ri(rng, 0, 23), ch(rng, (0, 0, 5, 10, 15, 20, 30, 40, 45, 50))
    style = rng.random()
    if style < 0.6:
        return f"{h:02d}{m:02d}hrs"
    if style < 0.85:
        return f"{h:02d}:{m:02d}"
    return f"{(h % 12) or 12}.{m:02d}{'am' if h < 12 else 'pm'}"


def suspect_as_written(rng: random.Random, p: Person, relationship: str, named: bool) -> str:
    """How the narrative refers to the suspect. `named` forces the full name to appear."""
    fn, sn = p.forename, p.surname
    if named:
        return ch(
            rng,
            (
                f"S/ {fn} {sn.upper()}",
                f"SUSP {fn.upper()} {sn.upper()}",
                f"{fn} {sn.upper()}",
                f"{fn} {sn}",
                f"{sn.upper()} {fn}",
                f"S/ {sn.upper()}, {fn}",
                f"{fn.upper()} {sn.upper()} (SUSP)",
            ),
        )
    forms: list[str] = ["SUSP", "S/", "the SUSP", "suspect", f"SUSP {sn.upper()}", f"{fn}"]
    if relationship == "ex_partner":
        forms += ["her ex" if p.sex == "M" else "his ex", "ex partner", f"ex {fn}"]
    return ch(rng, forms)


def victim_as_written(rng: random.Random, p: Person | None) -> str:
    if p is None:
        return ch(rng, ("the IP", "IP", "RP"))
    title = "Mr" if p.sex == "M" else ch(rng, ("Ms", "Miss", "Mrs"))
    return ch(
        rng,
        (
            "IP",
            "IP",
            "VIC",
            "the IP",
            f"IP {p.forename} {p.surname.upper()}",
            f"{title} {p.surname.upper()}",
            "V",
            "the victim",
        ),
    )


class _Slots(dict):
    """Slot values: pronouns and names given up front; counts, days, times etc. drawn only when a template
    asks for them (most narratives need few), then kept so repeated use within one narrative agrees."""

    def __init__(self, rng: random.Random, base: dict[str, str]) -> None:
        super().__init__(base)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        r = self.rng
        if key == "n":
            v = str(ch(r, _COUNTS))
        elif key == "d":
            v = str(ri(r, 2, 14))
        elif key == "w":
            v = str(ri(r, 2, 12))
        elif key == "m":
            v = str(ri(r, 1, 18))
        elif key == "date":  # normally fixed from the event's own date; this is a fallback
            v = f"{ri(r, 1, 28):02d}/{ri(r, 1, 12):02d}"
        elif key == "k":
            v = str(ri(r, 2, 9))
        elif key == "y":
            v = str(ri(r, 1, 12))
        elif key == "day":
            v = ch(r, P.DAYS)
        elif key == "month":
            v = ch(r, P.MONTHS)
        elif key == "time":
            v = fmt_time(r)
        elif key == "channel":
            v = ch(r, P.CHANNELS)
        elif key == "car":
            v = ch(r, P.CARS)
        elif key == "place":
            v = ch(r, P.WORKPLACES)
        elif key == "pub":
            v = ch(r, P.PUBS)
        elif key == "ident":
            v = "an unknown number"
        else:
            raise KeyError(key)
        self[key] = v
        return v


_COUNTS = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150)


def slots(
    rng: random.Random,
    *,
    s_text: str,
    v_text: str,
    s_sex: str,
    v_sex: str,
    ident: str = "",
    fixed: dict[str, str] | None = None,
) -> dict[str, str]:
    """Slot values for one narrative; `fixed` holds values that stay the same across a course (workplace,
    car, the shop), so one victim does not work at a different place in every record."""
    sp = _PRON.get(s_sex, ("they", "them", "their"))
    vp = _PRON.get(v_sex, ("she", "her", "her"))
    base = {
        "S": s_text,
        "V": v_text,
        "s_he": sp[0],
        "s_him": sp[1],
        "s_his": sp[2],
        "v_she": vp[0],
        "v_her": vp[1],
        "v_hers": vp[2],
    }
    words = _EX_WORDS.get(s_sex, ("partner",))
    base["s_ex"] = words[int(rng.random() * len(words))]
    if ident:
        base["ident"] = ident
    if fixed:
        base.update(fixed)
    return _Slots(rng, base)


def officer_style(rng: random.Random, text: str, typo_rate: float) -> str:
    """Habits of a busy officer: sometimes all capitals, sometimes a typo or two, squeezed spacing."""
    if typo_rate and rng.random() < typo_rate:
        words = text.split(" ")
        for _ in range(1 if rng.random() < 0.7 else 2):
            i = rng.randrange(len(words))
            w = words[i]
            if len(w) >= 5 and w.isalpha():
                words[i] = misspell(rng, w)
        text = " ".join(words)
    r = rng.random()
    if r < 0.25:
        text = text.upper()
    elif r < 0.32:
        text = text.replace(". ", ".. ").replace(" - ", "-")
    return text


def sentence_join(parts: Sequence[str]) -> str:
    out = []
    for s in parts:
        s = s.strip()
        if not s:
            continue
        if s[-1] not in ".!?\"'":
            s += "."
        out.append(s)
    return " ".join(out)


def behaviour_sentences(
    rng: random.Random, behaviours: Sequence[str], sl: dict[str, str], *, single: bool
) -> list[str]:
    table = P.SINGLE if single else P.PATTERN
    return [pick(table.get(b) or P.PATTERN[b], rng, sl) for b in behaviours]
