"""A tiny, fast template language for narratives.

`[a|b|c]` picks one alternative (an empty alternative is allowed: `[|approx ]`); `{slot}` is filled from a
mapping, also inside alternatives. Templates are compiled once into parts so rendering a million narratives
stays cheap. Alternatives do not nest: write the combinations out instead.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

# A part is a literal string, a slot ("{name}") or a choice between sub-templates.
Slot = tuple[str, str]  # ("slot", name)
Choice = tuple[str, tuple[tuple, ...]]  # ("choice", (compiled alternative, ...))
Template = tuple  # tuple of str | Slot | Choice

_TOKEN = re.compile(r"\[([^\[\]]*)\]|\{([A-Za-z_0-9]+)\}")
_SLOT = re.compile(r"\{([A-Za-z_0-9]+)\}")


def _compile_flat(text: str) -> Template:
    parts: list[object] = []
    pos = 0
    for m in _SLOT.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        parts.append(("slot", m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return tuple(parts)


def compile_template(text: str) -> Template:
    parts: list[object] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        if m.group(1) is not None:
            parts.append(("choice", tuple(_compile_flat(alt) for alt in m.group(1).split("|"))))
        else:
            parts.append(("slot", m.group(2)))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    if any(isinstance(p, str) and ("[" in p or "]" in p) for p in parts):
        raise ValueError(f"unbalanced or nested brackets in template: {text!r}")
    return tuple(parts)


def compile_all(texts: Sequence[str]) -> tuple[Template, ...]:
    return tuple(compile_template(t) for t in texts)


def render(parts: Template, rng: random.Random, slots: Mapping[str, str]) -> str:
    out: list[str] = []
    for p in parts:
        if p.__class__ is str:
            out.append(p)
        elif p[0] == "slot":
            out.append(slots[p[1]])
        else:
            alts = p[1]
            out.append(render(alts[int(rng.random() * len(alts))], rng, slots))
    return "".join(out)


def pick(templates: Sequence[Template], rng: random.Random, slots: Mapping[str, str]) -> str:
    return render(templates[int(rng.random() * len(templates))], rng, slots)


def count_phrasings(templates: Sequence[Template]) -> int:
    """How many distinct surface forms a table can produce, ignoring slot values (for the docs)."""

    def n(t: Template) -> int:
        total = 1
        for p in t:
            if p.__class__ is not str and p[0] == "choice":
                total *= sum(n(a) for a in p[1])
        return total

    return sum(n(t) for t in templates)
