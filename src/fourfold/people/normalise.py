"""Standardising person fields before linkage: one function per field, each total (never raises).

Police nominal records carry the same person with nicknames, typing errors, swapped day and month of birth,
phones in a dozen formats and postcodes with or without the space. Each function here maps a raw value to the
form the linkage model compares, or to None when nothing usable is left. Nothing is dropped silently: a value
that cannot be parsed (a date of birth that is not a date) is kept in a cleaned raw form so that it can
still be compared as a string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

# Values that forces type into a field when it is unknown; they identify nobody.
_PLACEHOLDERS = frozenset(
    {
        "",
        "unknown",
        "unk",
        "n/a",
        "na",
        "nk",
        "not known",
        "none",
        "nil",
        "null",
        "nan",
        "-",
        "?",
        "tbc",
        "nfa",
    }
)

PERSON_FIELDS = (
    "person_ref",
    "forename",
    "surname",
    "dob",
    "sex",
    "address",
    "postcode",
    "phone",
    "email",
    "online_handle",
)
# Sex alone identifies nobody; every other field can.
IDENTIFYING_FIELDS = tuple(f for f in PERSON_FIELDS if f != "sex")


def _clean(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    text = str(value).strip()
    if text.lower() in _PLACEHOLDERS:
        return None
    return text


def name(value: object) -> str | None:
    """Lower case, letters only (hyphens and apostrophes removed, spaces collapsed)."""
    text = _clean(value)
    if text is None:
        return None
    text = re.sub(r"[^a-z ]", "", text.lower().replace("-", " "))
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


@lru_cache(maxsize=1)
def _nicknamer():  # type: ignore[no-untyped-def]
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=200_000)
def forename_aliases(first: str) -> tuple[str, ...]:
    """The name and every formal name it is a nickname of (Bob -> bob, bobby, robert, ...), sorted."""
    token = first.split(" ")[0]
    return tuple(sorted({token} | set(_nicknamer().canonicals_of(token))))


@lru_cache(maxsize=200_000)
def forename_canonical(first: str) -> str:
    """One representative formal name for blocking: a name that is itself formal stays; a nickname maps to
    the formal name with the most known nicknames (Dave -> david, Liz -> elizabeth). Imperfect for nicknames
    of several names (Bill), which is why the model compares whole alias sets, not this key."""
    token = first.split(" ")[0]
    nn = _nicknamer()
    if nn.nicknames_of(token):
        return token
    candidates = {token} | set(nn.canonicals_of(token))
    return sorted(candidates, key=lambda k: (-len(nn.nicknames_of(k)), k))[0]


def soundex(text: str | None) -> str | None:
    """American Soundex code of the first word (Russell and Odell's 1918 patent scheme)."""
    if not text:
        return None
    word = re.sub(r"[^a-z]", "", text.split(" ")[0])
    if not word:
        return None
    codes = {}
    for digit, letters in (
        ("1", "bfpv"),
        ("2", "cgjkqsxz"),
        ("3", "dt"),
        ("4", "l"),
        ("5", "mn"),
        ("6", "r"),
    ):
        for letter in letters:
            codes[letter] = digit
    out = word[0].upper()
    previous = codes.get(word[0], "")
    for letter in word[1:]:
        code = codes.get(letter, "")
        if code and code != previous:
            out += code
        if letter not in "hw":
            previous = code
        if len(out) == 4:
            break
    return out.ljust(4, "0")


_DOB_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%Y%m%d",
    "%d/%m/%y",
    "%Y/%m/%d",
    "%d %b %Y",
    "%d %B %Y",
)


def dob(value: object) -> str | None:
    """ISO date (YYYY-MM-DD) when the value parses as a date (UK day-first order); otherwise the digits of
    the raw value, so a mistyped date (31 February) is still compared as text rather than lost."""
    text = _clean(value)
    if text is None:
        return None
    text = text.split("T")[0].split(" 00:00")[0].strip()
    for fmt in _DOB_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if fmt == "%d/%m/%y" and parsed.year > dt.date.today().year:
            parsed = parsed.replace(year=parsed.year - 100)
        return parsed.isoformat()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 8 and digits[:2] in {"19", "20"}:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    return digits or None


def dob_swapped(iso: str | None) -> str | None:
    """The date of birth with day and month exchanged, when that is also a date (typed US-style)."""
    if not iso or len(iso) != 10:
        return None
    year, month, day = iso[:4], iso[5:7], iso[8:]
    if month == day:
        return None
    try:
        return dt.date(int(year), int(day), int(month)).isoformat()
    except ValueError:
        return None


def phone(value: object, region: str = "GB") -> str | None:
    """E.164 (+447700900123) via `phonenumbers`; digits only when the number cannot be parsed."""
    text = _clean(value)
    if text is None:
        return None
    return _phone(text, region)


@lru_cache(maxsize=500_000)
def _phone(text: str, region: str) -> str | None:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text, region)
        if phonenumbers.is_possible_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    digits = re.sub(r"\D", "", text)
    return digits if len(digits) >= 6 else None


def email(value: object) -> str | None:
    """Lower case without surrounding spaces or a mailto: prefix; None unless it has one @."""
    text = _clean(value)
    if text is None:
        return None
    text = text.lower().removeprefix("mailto:").strip(" <>.,;")
    return text if text.count("@") == 1 and not text.startswith("@") and not text.endswith("@") else None


def email_user(address: str | None) -> str | None:
    """The part before @ with dots and +tags removed, to match the same user across providers."""
    if not address:
        return None
    user = address.split("@")[0].split("+")[0].replace(".", "")
    return user or None


def handle(value: object) -> str | None:
    """Online handle: lower case without a leading @ or profile URL."""
    text = _clean(value)
    if text is None:
        return None
    text = text.lower().strip()
    text = re.sub(r"^https?://(www\.)?[^/]+/", "", text).strip("/")
    text = text.lstrip("@").strip()
    return text or None


_UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def postcode(value: object) -> str | None:
    """UK postcode in standard form (outward code, space, inward code: "LS1 4AP"); other values upper-cased
    without spaces so that non-UK codes still compare."""
    text = _clean(value)
    if text is None:
        return None
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    if not compact:
        return None
    match = _UK_POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else compact


def postcode_parts(code: str | None) -> tuple[str | None, str | None]:
    """(sector, outward) of a standard UK postcode ("LS1 4", "LS1"); for other codes, prefixes of it."""
    if not code:
        return None, None
    if " " in code:
        outward, inward = code.split(" ", 1)
        return f"{outward} {inward[0]}", outward
    return code[:-1] or None, code[:-2] or None


def address(value: object) -> str | None:
    """Lower case, punctuation removed, common street words abbreviated the same way."""
    text = _clean(value)
    if text is None:
        return None
    text = re.sub(r"[^a-z0-9 ]", " ", text.lower())
    words = [_STREET_WORDS.get(w, w) for w in text.split()]
    return " ".join(words) or None


_STREET_WORDS = {
    "street": "st",
    "road": "rd",
    "avenue": "ave",
    "lane": "ln",
    "drive": "dr",
    "close": "cl",
    "court": "ct",
    "crescent": "cres",
    "place": "pl",
    "gardens": "gdns",
    "terrace": "ter",
    "square": "sq",
    "flat": "flt",
}


def house_number(standard_address: str | None) -> str | None:
    """The first number in a standardised address (house or flat number), for blocking with a birth date."""
    if not standard_address:
        return None
    match = re.search(r"\b\d+[a-z]?\b", standard_address)
    return match.group(0) if match else None


def sex(value: object) -> str | None:
    text = _clean(value)
    if text is None:
        return None
    first = text[0].upper()
    return first if first in {"M", "F"} else text.upper()


def ref(value: object) -> str | None:
    text = _clean(value)
    return re.sub(r"\s+", "", text.upper()) if text else None


def _map_unique(values: pd.Series, func: Callable[[object], object]) -> pd.Series:
    """Apply `func` once per distinct value (names and postcodes repeat a great deal across mentions)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.array([func(u) for u in uniques] + [func(None)], dtype=object)
    return pd.Series(mapped[codes], index=values.index, dtype=object)


def standardise(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns the model compares, from whatever person fields `frame` has (missing ones become null)."""
    n = len(frame)

    def col(field: str) -> pd.Series:
        if field in frame.columns:
            return frame[field].astype(object)
        return pd.Series([None] * n, index=frame.index, dtype=object)

    out = pd.DataFrame(index=frame.index)
    out["person_ref"] = _map_unique(col("person_ref"), ref)
    forenames = _map_unique(col("forename"), name)
    out["forename"] = forenames
    out["forename_aliases"] = _map_unique(forenames, lambda v: list(forename_aliases(v)) if v else None)
    out["forename_canon"] = _map_unique(forenames, lambda v: forename_canonical(v) if v else None)
    surnames = _map_unique(col("surname"), name)
    out["surname"] = surnames
    out["surname_soundex"] = _map_unique(surnames, soundex)
    dobs = _map_unique(col("dob"), dob)
    out["dob"] = dobs
    out["dob_swapped"] = _map_unique(dobs, dob_swapped)
    out["dob_year"] = _map_unique(dobs, lambda v: v[:4] if v and len(v) >= 4 else None)
    out["sex"] = _map_unique(col("sex"), sex)
    addresses = _map_unique(col("address"), address)
    out["address"] = addresses
    out["address_number"] = _map_unique(addresses, house_number)
    codes = _map_unique(col("postcode"), postcode)
    out["postcode"] = codes
    out["postcode_sector"] = _map_unique(codes, lambda c: postcode_parts(c)[0])
    out["postcode_outward"] = _map_unique(codes, lambda c: postcode_parts(c)[1])
    out["phone"] = _map_unique(col("phone"), phone)
    emails = _map_unique(col("email"), email)
    out["email"] = emails
    out["email_user"] = _map_unique(emails, email_user)
    out["online_handle"] = _map_unique(col("online_handle"), handle)
    return out


def has_identity(std: pd.DataFrame) -> pd.Series:
    """True for rows with at least one identifying field (an unknown suspect has none)."""
    return std[list(IDENTIFYING_FIELDS)].notna().any(axis=1)
