"""A fast generator of noisy person mentions with known truth, for tests and benchmarks of person resolution.

Synthetic only: names come from Faker's en_GB lists, phones from Ofcom's drama ranges (07700 900xxx is
reserved for fiction), e-mail domains from example.* (RFC 2606). Each mention is a copy of a true person with
noise of a named type applied, so accuracy can be reported by noise type. Vectorised where it matters: two
million mentions take well under a minute.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from fourfold.people import normalise

NOISE_TYPES = (
    "none",
    "nickname",
    "forename_typo",
    "surname_typo",
    "surname_change",
    "dob_swap",
    "dob_typo",
    "dob_missing",
    "phone_format",
    "contact_only",
    "postcode_format",
    "sparse",
)
_NICK = {
    "robert": "bob",
    "william": "bill",
    "elizabeth": "liz",
    "margaret": "peggy",
    "david": "dave",
    "james": "jim",
    "katherine": "kate",
    "thomas": "tom",
    "michael": "mike",
    "christopher": "chris",
    "stephen": "steve",
    "samuel": "sam",
    "alexander": "alex",
    "joseph": "joe",
    "susan": "sue",
    "jennifer": "jenny",
    "richard": "dick",
    "edward": "ted",
    "daniel": "danny",
    "matthew": "matt",
    "andrew": "andy",
    "anthony": "tony",
    "jonathan": "jon",
    "nicholas": "nick",
    "rebecca": "becky",
}


def _name_lists() -> tuple[list[str], list[str]]:
    from faker.providers.person.en_GB import Provider

    firsts = sorted({*Provider.first_names_male, *Provider.first_names_female, *[k.title() for k in _NICK]})
    return firsts, sorted(set(Provider.last_names))


def _typo(words: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = []
    for w in words:
        if len(w) < 3:
            out.append(w + "e")
            continue
        i = int(rng.integers(1, len(w) - 1))
        kind = int(rng.integers(0, 3))
        if kind == 0:
            out.append(w[:i] + w[i + 1 :])
        elif kind == 1:
            out.append(w[:i] + w[i + 1] + w[i] + w[i + 2 :])
        else:
            out.append(w[:i] + "aeiou"[int(rng.integers(0, 5))] + w[i + 1 :])
    return np.array(out, dtype=object)


def make_people(n_people: int, rng: np.random.Generator) -> pd.DataFrame:
    firsts, lasts = _name_lists()
    n = n_people
    dob = pd.Timestamp("1940-01-01") + pd.to_timedelta(rng.integers(0, 365 * 65, n), unit="D")
    areas = np.array(["LS", "M", "B", "BS", "NE", "S", "L", "CF", "NG", "SO", "PL", "YO", "HU", "CV", "LE"])
    outward = areas[rng.integers(0, len(areas), n)] + rng.integers(1, 30, n).astype(str)
    inward = rng.integers(1, 10, n).astype(str)
    letters = np.array(list("ABDEFGHJLNPQRSTUWXYZ"))
    inward = inward + letters[rng.integers(0, 20, n)] + letters[rng.integers(0, 20, n)]
    streets = np.array(
        [
            "High Street",
            "Church Road",
            "Station Road",
            "Park Avenue",
            "Mill Lane",
            "Victoria Road",
            "Green Lane",
            "Manor Close",
            "Queens Drive",
            "Kings Crescent",
            "Albert Terrace",
        ]
    )
    first = np.array(firsts, dtype=object)[rng.integers(0, len(firsts), n)]
    last = np.array(lasts, dtype=object)[rng.integers(0, len(lasts), n)]
    ids = np.arange(n)
    return pd.DataFrame(
        {
            "true_id": [f"T{i:08d}" for i in ids],
            "forename": first,
            "surname": last,
            "dob": dob.strftime("%Y-%m-%d"),
            "sex": np.where(rng.random(n) < 0.5, "F", "M"),
            "address": rng.integers(1, 300, n).astype(str) + " " + streets[rng.integers(0, len(streets), n)],
            "postcode": outward + " " + inward,
            "phone": [
                "07700 9" + f"{i % 100000:05d}" if i < 100000 else f"07{i % 1000000000:09d}" for i in ids
            ],
            "email": [
                f"{f.lower()}.{s.lower()}{i % 97}@example.com"
                for f, s, i in zip(first, last, ids, strict=True)
            ],
            "online_handle": [
                f"{f[:3].lower()}{s.lower()}_{i % 1000}" for f, s, i in zip(first, last, ids, strict=True)
            ],
            "person_ref": [f"NOM{i:07d}" for i in ids],
        }
    )


def make_mentions(n_mentions: int, seed: int = 1, dup_mean: float = 3.0) -> pd.DataFrame:
    """`n_mentions` mentions of about n_mentions/dup_mean people, each mention with one noise type.
    Columns: mention_id, record_id, role, true_id, noise and the person fields."""
    rng = np.random.default_rng(seed)
    n_people = max(1, int(n_mentions / dup_mean))
    people = make_people(n_people, rng)
    owner = np.concatenate([np.arange(n_people), rng.integers(0, n_people, n_mentions - n_people)])[
        :n_mentions
    ]
    rng.shuffle(owner)
    m = people.iloc[owner].reset_index(drop=True)
    weights = np.array([0.40, 0.06, 0.07, 0.06, 0.04, 0.05, 0.05, 0.06, 0.05, 0.04, 0.05, 0.07])
    noise = np.array(NOISE_TYPES)[rng.choice(len(NOISE_TYPES), size=n_mentions, p=weights / weights.sum())]
    first_seen = ~pd.Series(owner).duplicated().to_numpy()
    noise[first_seen] = "none"  # each person's first mention is clean; later ones carry the noise
    m["noise"] = noise
    # Most records do not carry every field.
    for col, keep in (
        ("phone", 0.6),
        ("email", 0.4),
        ("online_handle", 0.2),
        ("address", 0.7),
        ("postcode", 0.75),
        ("person_ref", 0.8),
    ):
        m.loc[rng.random(n_mentions) > keep, col] = None

    def sel(kind: str) -> np.ndarray:
        return (m["noise"] == kind).to_numpy()

    s = sel("nickname")
    lowered = m.loc[s, "forename"].str.lower()
    m.loc[s, "forename"] = lowered.map(_NICK).fillna(lowered).str.title()
    for col, kind in (("forename", "forename_typo"), ("surname", "surname_typo")):
        s = sel(kind)
        m.loc[s, col] = _typo(m.loc[s, col].to_numpy(), rng)
    s = sel("surname_change")
    _, lasts = _name_lists()
    m.loc[s, "surname"] = np.array(lasts, dtype=object)[rng.integers(0, len(lasts), int(s.sum()))]
    s = sel("dob_swap")
    d = m.loc[s, "dob"].str
    m.loc[s, "dob"] = np.where(d[8:].astype(int) <= 12, d[:4] + "-" + d[8:] + "-" + d[5:7], m.loc[s, "dob"])
    s = sel("dob_typo")
    d = m.loc[s, "dob"]
    digit = rng.integers(0, 10, int(s.sum())).astype(str)
    m.loc[s, "dob"] = d.str[:9] + digit
    m.loc[sel("dob_missing"), "dob"] = None
    s = sel("phone_format")
    m.loc[s, "phone"] = people["phone"].to_numpy()[owner[s]]
    m.loc[s, "phone"] = "+44 " + m.loc[s, "phone"].str[1:]
    s = sel("contact_only")
    m.loc[s, "phone"] = people["phone"].to_numpy()[owner[s]]
    m.loc[s, ["forename", "dob", "address", "postcode", "person_ref"]] = None
    s = sel("postcode_format")
    m.loc[s, "postcode"] = people["postcode"].to_numpy()[owner[s]]
    m.loc[s, "postcode"] = m.loc[s, "postcode"].str.replace(" ", "").str.lower()
    s = sel("sparse")
    m.loc[s, ["dob", "phone", "email", "online_handle", "address", "person_ref"]] = None
    # Force references: a few records carry another person's reference (collision) by mistake.
    s = rng.random(n_mentions) < 0.01
    m.loc[s, "person_ref"] = people["person_ref"].to_numpy()[rng.integers(0, n_people, int(s.sum()))]
    m["mention_id"] = [f"R{i:08d}:{'victim' if i % 2 == 0 else 'suspect'}" for i in range(n_mentions)]
    m["record_id"] = m["mention_id"].str.split(":").str[0]
    m["role"] = m["mention_id"].str.split(":").str[1]
    return m[
        [
            "mention_id",
            "record_id",
            "role",
            "true_id",
            "noise",
            *normalise.PERSON_FIELDS,
        ]
    ]
