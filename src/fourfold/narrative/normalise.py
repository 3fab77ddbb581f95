"""Police-log normalisation: abbreviations, misspellings and a small stemmer ("lemma-ish" forms).

The pipeline never rewrites the text (every span must point into the original); instead each token's
``norm_`` is set to the canonical stem computed here, and all pattern tables are compiled through the
same function, so "FOLLOWED", "following" and "folowed" all meet the pattern word "follow".
"""

from __future__ import annotations

from functools import lru_cache

# Abbreviations in incident logs (reference/glossary.md) -> the plain word they stand for.
ABBREVIATIONS: dict[str, str] = {
    "ip": "victim",
    "ips": "victim",
    "ip's": "victim",
    "vic": "victim",
    "vics": "victim",
    "vic's": "victim",
    "complainant": "victim",
    "susp": "suspect",
    "susps": "suspect",
    "susp's": "suspect",
    "s/": "suspect",
    "o/s": "outside",
    "w/": "with",
    "approx": "approximately",
    "approx.": "approximately",
    "c.": "approximately",
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "rec'd": "received",
    "recd": "received",
    "msg": "message",
    "msgs": "messages",
    "msged": "messaged",
    "txt": "text",
    "txts": "texts",
    "txted": "texted",
    "tel": "phone",
    "ph": "phone",
    "mob": "mobile",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "veh": "vehicle",
    "reg": "registration",
    "addr": "address",
    "wks": "weeks",
    "wk": "week",
    "mths": "months",
    "yrs": "years",
    "dm": "message",
    "dms": "messages",
    "dm'd": "messaged",
    "vm": "voicemail",
    "cctv": "camera",
    "nmo": "order",
    "spo": "order",
    "ispo": "order",
    "dvpo": "order",
    "dvpn": "order",
    "dapo": "order",
    "ro": "order",
    "whatsapps": "messages",
    "whatsapped": "messaged",
    "fb": "facebook",
    "insta": "instagram",
    "ig": "instagram",
    "convo": "conversation",
    "b/f": "boyfriend",
    "g/f": "girlfriend",
    "mum's": "mum",
    "outsde": "outside",
    "v": "victim",
    "v's": "victim",
    "rp": "informant",
    "inf": "informant",
    "c/s": "caller",
}

# Common misspellings in officers' writing -> the intended word.
MISSPELLINGS: dict[str, str] = {
    "harrassment": "harassment",
    "harrasment": "harassment",
    "harasment": "harassment",
    "harrassed": "harassed",
    "harrased": "harassed",
    "harrassing": "harassing",
    "recieved": "received",
    "recieve": "receive",
    "beleives": "believes",
    "beleive": "believe",
    "folowed": "followed",
    "followd": "followed",
    "folowing": "following",
    "follwing": "following",
    "threatend": "threatened",
    "thretened": "threatened",
    "theatened": "threatened",
    "threatning": "threatening",
    "wating": "waiting",
    "loitring": "loitering",
    "loiterring": "loitering",
    "adress": "address",
    "adresses": "addresses",
    "persistant": "persistent",
    "tresspass": "trespass",
    "neighbor": "neighbour",
    "neighbors": "neighbours",
    "nieghbour": "neighbour",
    "neigbour": "neighbour",
    "colleage": "colleague",
    "collegue": "colleague",
    "agressive": "aggressive",
    "untill": "until",
    "stalkin": "stalking",
    "messsages": "messages",
    "mesages": "messages",
    "voicemale": "voicemail",
    "continously": "continuously",
    "constanly": "constantly",
    "everyday": "every day",
    "tyers": "tyres",
    "tires": "tyres",
    "wont": "not",
    "dont": "not",
    "cant": "not",
    "didnt": "not",
    "doesnt": "not",
    "isnt": "not",
    "hasnt": "not",
    "havent": "not",
    "tire": "tyre",
}

# Irregular verb and noun forms -> base form, before stemming.
IRREGULAR: dict[str, str] = {
    "came": "come",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "sent": "send",
    "left": "leave",
    "sat": "sit",
    "stood": "stand",
    "took": "take",
    "taken": "take",
    "made": "make",
    "told": "tell",
    "said": "say",
    "says": "say",
    "saw": "see",
    "seen": "see",
    "rang": "ring",
    "rung": "ring",
    "wrote": "write",
    "written": "write",
    "gave": "give",
    "given": "give",
    "brought": "bring",
    "threw": "throw",
    "thrown": "throw",
    "broke": "break",
    "broken": "break",
    "kept": "keep",
    "drove": "drive",
    "driven": "drive",
    "found": "find",
    "knew": "know",
    "known": "know",
    "knows": "know",
    "met": "meet",
    "got": "get",
    "gotten": "get",
    "bought": "buy",
    "began": "begin",
    "begun": "begin",
    "ran": "run",
    "spoke": "speak",
    "spoken": "speak",
    "held": "hold",
    "hid": "hide",
    "hidden": "hide",
    "stole": "steal",
    "stolen": "steal",
    "fled": "flee",
    "struck": "strike",
    "stuck": "stick",
    "slit": "slit",
    "shot": "shoot",
    "fought": "fight",
    "caught": "catch",
    "thought": "think",
    "felt": "feel",
    "heard": "hear",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "being": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "wives": "wife",
    "lives": "live",
    "knives": "knife",
    "shelves": "shelf",
    "bit": "bite",
    "spat": "spit",
    "wo": "will",
    "ca": "can",
    "'ll": "will",
    "'d": "would",
    "n't": "not",
    "sold": "sell",
    "paid": "pay",
    "laid": "lay",
    "lay": "lie",
    "lying": "lie",
    "dying": "die",
    "tying": "tie",
    "texts": "text",
    "texted": "text",
    "texting": "text",
    "emails": "email",
    "emailed": "email",
    "news": "news",
    "always": "always",
    "has-been": "be",
    "bus": "bus",
    "gps": "gps",
    "cctv": "camera",
    "this": "this",
    "his": "his",
    "hers": "hers",
    "its": "its",
    "yes": "yes",
    "us": "us",
    "address": "address",
    "across": "across",
    "business": "business",
    "dress": "dress",
    "glasses": "glass",
    "during": "during",
    "evening": "evening",
    "evenings": "evening",
    "morning": "morning",
    "mornings": "morning",
    "nothing": "nothing",
    "something": "something",
    "anything": "anything",
    "everything": "everything",
    "ring": "ring",
    "thing": "thing",
    "things": "thing",
    "bring": "bring",
    "sibling": "sibling",
    "building": "building",
    "wedding": "wedding",
    "ceiling": "ceiling",
    "parking": "parking",
    "shed": "shed",
    "bed": "bed",
    "red": "red",
    "need": "need",
    "indeed": "indeed",
    "feed": "feed",
    "speed": "speed",
    "seed": "seed",
    "hundred": "hundred",
    "hundreds": "hundred",
    "note": "note",
    "notes": "note",
    "series": "series",
    "police": "police",
    "species": "species",
}


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """Lower-case, expand abbreviations and fix misspellings (no stemming)."""
    w = word.lower().replace("\u2019", "'")
    w = ABBREVIATIONS.get(w, w)
    return MISSPELLINGS.get(w, w)


def _stem_word(w: str) -> str:
    if w in IRREGULAR:
        base = IRREGULAR[w]
        return base if base == w or base in IRREGULAR else _stem_word(base)
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return _trim_e(base)
    if w.endswith("es") and len(w) > 4 and not w.endswith("ses"):
        return _trim_e(w[:-2])
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return _trim_e(w[:-1])
    return _trim_e(w)


def _trim_e(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The canonical, stemmed form used by every pattern table ("FOLOWED" -> "follow")."""
    w = canonical(word)
    if " " in w:  # an expansion to two words ("everyday" -> "every day") keeps its first word
        w = w.split(" ")[0]
    return _stem_word(w)
