"""The behaviour ids of design.md §4.3 and how they relate to the examples in PHA 1997 s.2A(3).

The first seven ids mirror s.2A(3)(a)-(g). The list in s.2A(3) is not exhaustive, so other acts can be
"associated with stalking" too; for those the letters give the example they are closest to.
`distinguishes_stalking` is Fourfold's recording-support judgement (not a legal test): contact alone is
also the ordinary stuff of harassment, so when contact is the only act associated with stalking the
recommendation looks for fixation or obsession (FOUR, domain.md §5.1) before saying stalking.
`points_to_fixation` marks acts aimed at the person rather than at a quarrel (following, monitoring,
tracking, unwanted gifts, fake accounts): where the records show the conduct arises from a dispute, these keep
the course stalking; damage, cameras, posts or turning up at a shop are also the ordinary means of a neighbour
or business dispute (Fourfold's judgement, from the FOUR test; not a legal rule)."""

from __future__ import annotations

from dataclasses import dataclass

from fourfold.law import sources as src
from fourfold.law.sources import Source

S2A3_EXAMPLES: dict[str, str] = {
    "a": "following a person",
    "b": "contacting, or attempting to contact, a person by any means",
    "c": "publishing any statement or other material relating or purporting to relate to a person, "
    "or purporting to originate from a person",
    "d": "monitoring the use by a person of the internet, email or any other form of "
    "electronic communication",
    "e": "loitering in any place (whether public or private)",
    "f": "interfering with any property in the possession of a person",
    "g": "watching or spying on a person",
}


@dataclass(frozen=True)
class Behaviour:
    id: str
    label: str
    s2a3_example: str | None  # the s.2A(3) letter this behaviour is (one of the seven statutory examples)
    analogous_to: tuple[str, ...]  # s.2A(3) letters an act outside the list is closest to
    associated_with_stalking: bool
    distinguishes_stalking: bool  # on its own points to stalking rather than harassment
    source: Source
    note: str = ""
    points_to_fixation: bool = False  # aimed at the person, not at a dispute (stays stalking in a dispute)

    @property
    def s2a3_letters(self) -> tuple[str, ...]:
        return (self.s2a3_example,) if self.s2a3_example else self.analogous_to


def _b(
    id: str,
    label: str,
    example: str | None,
    analogous: tuple[str, ...] = (),
    associated: bool = True,
    distinguishes: bool = True,
    source: Source = src.PHA_S2A,
    note: str = "",
    fixation: bool = False,
) -> Behaviour:
    return Behaviour(id, label, example, analogous, associated, distinguishes, source, note, fixation)


BEHAVIOURS: tuple[Behaviour, ...] = (
    _b("following", "Following", "a", fixation=True),
    _b(
        "contacting",
        "Contacting or trying to contact",
        "b",
        distinguishes=False,
        note="Contact alone is common to harassment; stalking when fixation or obsession is shown.",
    ),
    _b("publishing_material", "Publishing material about the victim or as the victim", "c"),
    _b(
        "monitoring_online",
        "Monitoring internet, email or other electronic communication",
        "d",
        fixation=True,
    ),
    _b("loitering", "Loitering", "e"),
    _b("interfering_property", "Interfering with property", "f"),
    _b("watching_spying", "Watching or spying", "g"),
    _b("turning_up_home", "Turning up at the victim's home", None, ("e", "a"), source=src.SDASH),
    _b("turning_up_work", "Turning up at the victim's work", None, ("e", "a"), source=src.SDASH),
    _b(
        "gifts",
        "Sending unwanted gifts",
        None,
        ("b",),
        note="Unwanted gifts are contact by other means.",
        fixation=True,
    ),
    _b(
        "threats",
        "Threats",
        None,
        associated=False,
        distinguishes=False,
        source=src.PHA_S4A,
        note="Goes to fear of violence (s.4, s.4A) and risk, not to whether the acts are stalking.",
    ),
    _b(
        "violence",
        "Violence",
        None,
        associated=False,
        distinguishes=False,
        source=src.SDASH,
        note="A separate offence and a risk factor (S-DASH Q8); not an act associated with stalking as such.",
    ),
    _b(
        "third_party_contact",
        "Contacting or harassing third parties",
        None,
        ("b",),
        distinguishes=False,
        source=src.SDASH,
        note="Attempting to contact a person through others (stalking by proxy); contact-type, so needs "
        "fixation or obsession on its own.",
    ),
    _b("fake_accounts", "Fake online accounts", None, ("b", "c"), fixation=True),
    _b("tracking_device", "Tracking device or spyware", None, ("d", "g"), fixation=True),
    _b(
        "breach_of_order",
        "Breach of a court order",
        None,
        associated=False,
        distinguishes=False,
        source=src.BREACHES_HMICFRS,
        note="A separate offence (SPA 2019 s.8 or PHA 1997 s.5(5)) and part of the pattern.",
    ),
)
BEHAVIOUR_IDS: tuple[str, ...] = tuple(b.id for b in BEHAVIOURS)
_BY_ID = {b.id: b for b in BEHAVIOURS}


def behaviour(behaviour_id: str) -> Behaviour:
    found = _BY_ID.get(behaviour_id)
    if found is None:
        raise KeyError(
            f"unknown behaviour id {behaviour_id!r} (design.md §4.3 lists {', '.join(BEHAVIOUR_IDS)})"
        )
    return found


def associated_with_stalking(behaviour_id: str) -> bool:
    return behaviour(behaviour_id).associated_with_stalking
