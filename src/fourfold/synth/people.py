"""Synthetic people and how records hold them (with noise).

Names, streets and towns are drawn once from Faker's en_GB provider into pools (seeded per instance), then
sampled with `random.Random` streams: fast, deterministic for a seed, no global state. Combinations are
random, so they are not real people.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from fourfold.synth.config import NoiseConfig

PERSON_FIELDS = ("ref", "forename", "surname", "dob", "sex", "address", "postcode", "phone", "email")
SUSPECT_EXTRA = ("online_handle",)
T = TypeVar("T")
OPTIONAL_FIELDS = ("dob", "sex", "address", "postcode", "phone", "email", "online_handle")

# Very common full names, so that several different people share one (a classic false match).
COMMON_NAMES = (
    ("M", "John", "Smith"),
    ("M", "David", "Jones"),
    ("F", "Sarah", "Williams"),
    ("M", "James", "Taylor"),
    ("F", "Emma", "Brown"),
    ("M", "Mohammed", "Khan"),
    ("F", "Claire", "Davies"),
    ("M", "Paul", "Evans"),
    ("F", "Lisa", "Wilson"),
    ("M", "Michael", "Thomas"),
    ("F", "Rebecca", "Roberts"),
    ("M", "Daniel", "Walker"),
)

_COMMON_F = tuple((f, s) for x, f, s in COMMON_NAMES if x == "F")
_COMMON_M = tuple((f, s) for x, f, s in COMMON_NAMES if x == "M")
_DOB_ANCHOR = dt.date(2024, 6, 30).toordinal()
_HANDLE_WORDS = (
    "shadow",
    "wolf",
    "angel",
    "dark",
    "king",
    "queen",
    "ghost",
    "silent",
    "watcher",
    "lonely",
    "red",
    "storm",
    "raven",
    "tiger",
    "lucky",
    "baby",
    "boss",
    "ninja",
    "dreamer",
    "rebel",
    "viper",
    "moon",
    "sky",
    "truth",
)
_EMAIL_DOMAINS = (
    "gmail.com",
    "hotmail.co.uk",
    "yahoo.co.uk",
    "outlook.com",
    "btinternet.com",
    "icloud.com",
    "live.co.uk",
    "aol.com",
    "sky.com",
)
_KEY_NEIGHBOURS = {
    "a": "qs",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "q": "w",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}


@dataclass(slots=True)
class Person:
    person_id: str
    sex: str
    forename: str
    surname: str
    dob: dt.date
    refs: list[str]
    phones: list[str]
    addresses: list[tuple[str, str]]  # (address, postcode), oldest first
    email: str
    handle: str
    nicknames: list[str] = field(default_factory=list)


@dataclass
class Pools:
    male: list[str]
    female: list[str]
    surnames: list[str]
    streets: list[str]
    towns: list[str]
    postcodes: list[str]
    businesses: list[str]
    nicknames: dict[str, list[str]]
    # Name origins as (weight in thousandths, male, female, surnames): mostly British names, with Irish, South
    # Asian and Polish names as a UK force's records hold them (apostrophes and diacritics included).
    origins: list[tuple[int, list[str], list[str], list[str]]] = field(default_factory=list)


_POSTCODE_AREAS = (
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CT",
    "CV",
    "CW",
    "DA",
    "DE",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "EX",
    "GL",
    "GU",
    "HD",
    "HG",
    "HP",
    "HR",
    "HU",
    "HX",
    "IP",
    "LA",
    "LE",
    "LN",
    "LS",
    "LU",
    "ME",
    "MK",
    "NE",
    "NG",
    "NN",
    "NR",
    "OL",
    "OX",
    "PE",
    "PL",
    "PO",
    "PR",
    "RG",
    "S",
    "SK",
    "SL",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SY",
    "TA",
    "TF",
    "TN",
    "TQ",
    "TS",
    "WA",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
)
_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the inward code of UK postcodes
_STREET_WORDS = (
    "Mill",
    "Church",
    "Station",
    "Park",
    "Victoria",
    "Queens",
    "Kings",
    "High",
    "Oak",
    "Elm",
    "Chapel",
    "School",
    "Manor",
    "Green",
    "Meadow",
    "Orchard",
    "Bridge",
    "Forge",
    "Windmill",
    "Beech",
    "Willow",
    "Cedar",
    "Albert",
    "York",
    "Grange",
    "Hill",
    "Brook",
    "Priory",
    "Abbey",
    "Market",
    "North",
    "South",
    "West",
    "Springfield",
    "Highfield",
    "Fairfield",
    "Ash",
    "Rowan",
    "Hawthorn",
    "Lime",
    "Cherry",
)
_STREET_TYPES = (
    "Road",
    "Road",
    "Street",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Drive",
    "Way",
    "Crescent",
    "Grove",
    "Gardens",
    "Terrace",
    "Place",
    "Court",
    "Walk",
    "View",
    "Rise",
    "Mews",
)
_TOWN_HEADS = (
    "Ash",
    "Brad",
    "Castle",
    "Church",
    "Lang",
    "Mill",
    "North",
    "Ox",
    "Sand",
    "Stan",
    "Wood",
    "Whit",
    "Ald",
    "Bar",
    "Cold",
    "Hamp",
    "Kings",
    "Long",
    "Mar",
    "Nether",
    "Over",
    "Rad",
    "Shel",
    "Thorn",
    "Upper",
    "Wal",
    "Wes",
    "Brom",
    "Clay",
    "Eden",
    "Fern",
    "Gran",
    "Hal",
    "Kel",
    "Lyn",
    "Red",
)
_TOWN_TAILS = (
    "ford",
    "ton",
    "ley",
    "bury",
    "field",
    "ham",
    "wick",
    "worth",
    "by",
    "stead",
    "bridge",
    "combe",
    "thorpe",
    "well",
    "den",
    "mouth",
    "hurst",
    "dale",
    "borough",
    "minster",
)


@functools.lru_cache(maxsize=20000)
def _ascii(name: str) -> str:
    """A name as it appears in an email address: lower case ASCII, no spaces, hyphens or apostrophes."""
    folded = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    return "".join(c for c in folded if c.isascii() and c.isalpha())


@functools.lru_cache(maxsize=4)
def build_pools(seed: int) -> Pools:
    """Draw name pools from Faker en_GB (seeded per instance, no global state); build UK-style streets, towns
    and postcodes from parts (Faker's en_GB streets and towns read as American)."""
    from faker import Faker
    from nicknames import NickNamer

    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(f"fourfold-synth:{seed}:pools")
    male = sorted({fake.first_name_male() for _ in range(900)})
    female = sorted({fake.first_name_female() for _ in range(900)})
    surnames = sorted({fake.last_name() for _ in range(2500)})
    street_heads = list(_STREET_WORDS) + surnames[:150]
    streets = sorted({f"{rng.choice(street_heads)} {rng.choice(_STREET_TYPES)}" for _ in range(3000)})
    towns = sorted({rng.choice(_TOWN_HEADS) + rng.choice(_TOWN_TAILS) for _ in range(250)})
    postcodes = sorted(
        {
            f"{rng.choice(_POSTCODE_AREAS)}{rng.randint(1, 30)} {rng.randint(0, 9)}"
            f"{rng.choice(_UNIT_LETTERS)}{rng.choice(_UNIT_LETTERS)}"
            for _ in range(20000)
        }
    )
    businesses = sorted({fake.company() for _ in range(200)})
    namer = NickNamer()
    nick: dict[str, list[str]] = {}
    for name in male + female + [n for _, n, _ in COMMON_NAMES]:
        options = sorted(
            n for n in namer.nicknames_of(name.lower()) if len(n) > 2 and n != name.lower()
        )  # sorted: sets vary by hash
        if options:
            nick[name] = [o.capitalize() for o in options]
    origins: list[tuple[int, list[str], list[str], list[str]]] = [(750, male, female, surnames)]
    for locale, weight in (("en_IE", 110), ("en_IN", 110), ("pl_PL", 30)):
        other = Faker(locale)
        other.seed_instance(seed)
        origins.append(
            (
                weight,
                sorted({other.first_name_male() for _ in range(600)}),
                sorted({other.first_name_female() for _ in range(600)}),
                sorted({other.last_name() for _ in range(1500)}),
            )
        )
    for _, m, f, _ in origins[1:]:
        for name in m + f:
            options = sorted(n for n in namer.nicknames_of(name.lower()) if len(n) > 2 and n != name.lower())
            if options:
                nick[name] = [o.capitalize() for o in options]
    return Pools(male, female, surnames, streets, towns, postcodes, businesses, nick, origins)


def ch(rng: random.Random, seq: Sequence[T]) -> T:
    """rng.choice without its overhead (the generator calls this millions of times)."""
    return seq[int(rng.random() * len(seq))]


def ri(rng: random.Random, a: int, b: int) -> int:
    """rng.randint(a, b) without its overhead."""
    return a + int(rng.random() * (b - a + 1))


def uk_mobile(rng: random.Random) -> str:
    digits = f"07{ri(rng, 300, 999)}{ri(rng, 100000, 999999)}"
    style = rng.random()
    if style < 0.5:
        return digits
    if style < 0.8:
        return f"{digits[:5]} {digits[5:]}"
    return "+44" + digits[1:]


def misspell(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word + word[-1]
    i = ri(rng, 1, len(word) - 2)
    op = ri(rng, 0, 3)
    if op == 0:  # swap adjacent letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:  # drop a letter
        return word[:i] + word[i + 1 :]
    if op == 2:  # double a letter
        return word[:i] + word[i] + word[i:]
    near = _KEY_NEIGHBOURS.get(word[i].lower(), "e")
    return word[:i] + ch(rng, near) + word[i + 1 :]


class PersonFactory:
    """Makes people and renders them as a record would hold them."""

    def __init__(self, pools: Pools, rng: random.Random, noise: NoiseConfig) -> None:
        self.pools = pools
        self.rng = rng
        self.noise = noise
        self._count = 0
        self._refs = 0

    def _new_ref(self) -> str:
        self._refs += 1
        # A permutation of the counter, so refs look unordered but never collide.
        return f"NOM{(self._refs * 48271 + 12345) % 100_000_000:08d}"

    def new_address(self) -> tuple[str, str]:
        r = self.rng
        number = ri(r, 1, 220)
        if r.random() < 0.1:
            line = f"Flat {ri(r, 1, 40)}, {number} {ch(r, self.pools.streets)}"
        else:
            line = f"{number} {ch(r, self.pools.streets)}"
        return f"{line}, {ch(r, self.pools.towns)}", ch(r, self.pools.postcodes)

    def new_person(self, sex: str | None = None, min_age: int = 16, max_age: int = 80) -> Person:
        # Hot path (about 1.3 people per record): one 256-bit draw split by successive divmod instead of a
        # dozen separate choice() calls. Deterministic for the stream like any other draw.
        b = self.rng.getrandbits(256)
        pools = self.pools
        nz = self.noise
        self._count += 1
        if sex is None:
            sex = "F" if b & 1 else "M"
        b >>= 1
        b, x = divmod(b, 10000)
        if x < nz.common_name * 10000:
            choices = _COMMON_F if sex == "F" else _COMMON_M
            b, k = divmod(b, len(choices))
            forename, surname = choices[k]
        else:
            b, x = divmod(b, 1000)
            origin = pools.origins[-1]
            for candidate in pools.origins:
                if x < candidate[0]:
                    origin = candidate
                    break
                x -= candidate[0]
            _, male, female, surnames = origin
            names = female if sex == "F" else male
            b, k = divmod(b, len(names))
            forename = names[k]
            b, k = divmod(b, len(surnames))
            surname = surnames[k]
        span = (max_age - min_age) * 365 + 1
        b, k = divmod(b, span)
        dob = dt.date.fromordinal(_DOB_ANCHOR - min_age * 365 - k)
        b, x = divmod(b, 1000)
        refs = [self._new_ref()]
        if x < nz.extra_refs * 1000:
            refs.append(self._new_ref())
            if x >= nz.extra_refs * 750:
                refs.append(self._new_ref())
        b, k = divmod(b, 3)
        sep = (".", "", "_")[k]
        b, k = divmod(b, 166)
        num = str(k + 1) if k < 99 else ""
        b, k = divmod(b, len(_EMAIL_DOMAINS))
        local = f"{_ascii(forename)}{sep}{_ascii(surname)}{num}"
        email = f"{local}@{_EMAIL_DOMAINS[k]}"
        b, k = divmod(b, 700)
        b, k2 = divmod(b, 900000)
        digits = f"07{300 + k}{100000 + k2}"
        b, k = divmod(b, 10)
        phone = digits if k < 5 else (f"{digits[:5]} {digits[5:]}" if k < 8 else "+44" + digits[1:])
        b, k = divmod(b, 220)
        b, flat = divmod(b, 400)
        b, si = divmod(b, len(pools.streets))
        b, ti = divmod(b, len(pools.towns))
        b, pi = divmod(b, len(pools.postcodes))
        line = (
            f"{k + 1} {pools.streets[si]}" if flat >= 40 else f"Flat {flat + 1}, {k + 1} {pools.streets[si]}"
        )
        return Person(
            person_id=f"P{self._count:08d}",
            sex=sex,
            forename=forename,
            surname=surname,
            dob=dob,
            refs=refs,
            phones=[phone],
            addresses=[(f"{line}, {pools.towns[ti]}", pools.postcodes[pi])],
            email=email,
            handle="",
            nicknames=pools.nicknames.get(forename, []),
        )

    def handle_of(self, p: Person) -> str:
        """The person's online handle, made on first use (most people never need one)."""
        if not p.handle:
            r = self.rng
            first = ch(r, (p.forename.lower()[:4], ch(r, _HANDLE_WORDS)))
            p.handle = f"{ch(r, _HANDLE_WORDS)}{ch(r, ('_', '', '.'))}{first}{ri(r, 1, 999)}".replace("'", "")
        return p.handle

    def change_phone(self, p: Person) -> None:
        p.phones.append(uk_mobile(self.rng))

    def move(self, p: Person) -> None:
        p.addresses.append(self.new_address())

    def render(self, p: Person, *, with_handle: bool = False) -> tuple[dict[str, str], list[str]]:
        """One record's view of a person: the column values and the noise applied (for the truth file)."""
        r = self.rng
        nz = self.noise
        tags: list[str] = []
        ref = p.refs[0]
        if len(p.refs) > 1 and r.random() < 0.5:
            ref = ch(r, p.refs[1:])
            tags.append("alt_ref")
        forename, surname = p.forename, p.surname
        if p.nicknames and r.random() < nz.nickname:
            forename = ch(r, p.nicknames)
            tags.append("nickname")
        if r.random() < nz.misspelling:
            if r.random() < 0.5:
                forename = misspell(r, forename)
            else:
                surname = misspell(r, surname)
            tags.append("misspelling")
        dob = p.dob
        if dob.day <= 12 and dob.day != dob.month and r.random() < nz.dob_swap:
            dob = dt.date(dob.year, dob.day, dob.month)  # day/month swapped on entry
            tags.append("dob_swap")
        address, postcode = p.addresses[-1]
        if len(p.addresses) > 1:
            tags.append("moved_address")
        phone = p.phones[-1]
        if len(p.phones) > 1:
            tags.append("new_phone")
        row = {
            "ref": ref,
            "forename": forename,
            "surname": surname,
            "dob": dob.isoformat(),
            "sex": p.sex,
            "address": address,
            "postcode": postcode,
            "phone": phone,
            "email": p.email,
        }
        if with_handle:
            row["online_handle"] = self.handle_of(p) if r.random() < 0.3 else ""
        for f in OPTIONAL_FIELDS:
            if f in row and row[f] and r.random() < nz.missing_field:
                row[f] = ""
                tags.append(f"missing:{f}")
        return row, tags
