"""The spaCy pipeline: `blank("en")` plus rule components, each with one job.

fourfold_normaliser   token.norm_ = canonical stem (abbreviations, misspellings, lemma-ish form)
sentencizer           sentence boundaries
fourfold_behaviours   behaviour patterns          -> doc.spans["behaviour"]
fourfold_four         FOUR cue patterns           -> doc.spans["four"]
fourfold_s4a          s.4A limb cue patterns      -> doc.spans["s4a"]
fourfold_relationship relationship cue patterns   -> doc.spans["relationship"]
fourfold_quantities   counts, frequencies, periods -> doc.spans["repetition"] + doc.user_data
fourfold_attribution  drops acts done by the victim or by officers (moved to doc.spans["excluded"])
fourfold_scope        drops negated, denied and hypothetical items (moved to doc.spans["excluded"])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy
import spacy
from spacy.attrs import IS_PUNCT, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from fourfold.narrative import patterns
from fourfold.narrative.matcher import TokenMatcher
from fourfold.narrative.normalise import stem
from fourfold.narrative.sentences import sent_end, sent_start

TABLES: dict[str, dict[str, list[str]]] = {
    "behaviours": patterns.BEHAVIOURS,
    "four": patterns.FOUR_CUES,
    "s4a": patterns.S4A_CUES,
    "relationship": patterns.RELATIONSHIP_CUES,
    "context": patterns.CONTEXT_CUES,
}
SPAN_KEYS = {
    "behaviours": "behaviour",
    "four": "four",
    "s4a": "s4a",
    "relationship": "relationship",
    "context": "context",
}


_APOSTROPHE_S = frozenset({"'s", "'S", "’s", "’S"})
_CLITIC_HOSTS = frozenset("he she it that there who what where here this everyone someone nobody".split())


_WORD_CACHE: dict[str, tuple[str, int, str]] = {}  # token text -> (stem, stem hash, lower case)


def _word(text: str, strings: Any) -> tuple[str, int, str]:
    hit = _WORD_CACHE.get(text)
    if hit is None:
        # every number reads the same to the patterns ("40 texts"); quantities read the text itself
        norm = "0" if text.isdigit() else stem(text)
        if len(_WORD_CACHE) > 200_000:
            _WORD_CACHE.clear()
        hit = _WORD_CACHE[text] = (norm, strings.add(norm), text.lower())
    return hit


@Language.component("fourfold_normaliser")
def normaliser(doc: Doc) -> Doc:
    # token attributes as plain lists, read through arrays: making Token objects is the slowest thing here
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_PUNCT])
    norms: list[str] = []
    lowers: list[str] = []
    hashes: list[int] = []
    for orth in arr[:, 0].tolist():
        text = strings[orth]
        if text in _APOSTROPHE_S:
            # "IP's work" is a possessive, "he's been" a verb: only after a pronoun is it "is"/"has"
            norm = "be" if lowers and lowers[-1] in _CLITIC_HOSTS else "'s"
            norms.append(norm)
            hashes.append(strings.add(norm))
            lowers.append(text.lower())
            continue
        norm, h, low = _word(text, strings)
        norms.append(norm)
        hashes.append(h)
        lowers.append(low)
    if hashes:
        doc.from_array([NORM], numpy.asarray(hashes, dtype="uint64").reshape(-1, 1))
    doc.user_data["ff_norms"] = norms
    doc.user_data["ff_lower"] = lowers
    doc.user_data["ff_punct"] = [bool(x) for x in arr[:, 1].tolist()]
    return doc


_COMBINED: TokenMatcher | None = None


def _combined_matcher() -> TokenMatcher:
    """One TokenMatcher over every table, labels written "table\x00label"."""
    global _COMBINED
    if _COMBINED is None:
        _COMBINED = TokenMatcher()
        for table, labels in TABLES.items():
            for label, specs in labels.items():
                compiled = [p for spec in specs for p in patterns.compile_patterns(spec)]
                _COMBINED.add(f"{table}\x00{label}", compiled)
    return _COMBINED


@Language.factory("fourfold_matcher", default_config={"table": "behaviours"})
def make_matcher(nlp: Language, name: str, table: str) -> PatternMatcher:
    return PatternMatcher(nlp, table)


class PatternMatcher:
    """Runs one pattern table and stores the longest non-overlapping match per label in doc.spans."""

    def __init__(self, nlp: Language, table: str) -> None:
        self.key = SPAN_KEYS[table]
        self.table = table
        self.matcher = _combined_matcher()
        self.requires: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        if table == "behaviours":
            for label, rules in patterns.REQUIRES_CONTEXT.items():
                self.requires[label] = [
                    (patterns.stem_set(trigger), patterns.stem_set("|".join(ctx)))
                    for trigger, ctx in rules.items()
                ]

    def __call__(self, doc: Doc) -> Doc:
        by_label: dict[str, list[Span]] = {}
        norms = doc.user_data["ff_norms"]
        matches = doc.user_data.get("ff_matches")
        if matches is None:
            # all four tables in one pass over the tokens; each component then takes its own table's matches
            matches = {t: [] for t in TABLES}
            for key, start, end in self.matcher(norms, doc.user_data["ff_punct"]):
                table, label = key.split("\x00")
                matches[table].append((label, start, end))
            doc.user_data["ff_matches"] = matches
        for label, start, end in matches[self.table]:
            span = Span(doc, start, end, label=label)
            if self._lacks_context(label, span):
                continue
            after = norms[end] if end < len(doc) else ""
            if label == "contacting" and norms[start] == "call" and after in {"a", "an"}:
                continue  # "calling her a fraud" is name-calling, not a phone call
            if label == "third_party_contact" and end < len(doc) and norms[end] == "request":
                continue  # "sending her friend requests": the friend is part of the noun, not a third party
            if end - start == 1 and norms[start] == _SEPARATE and after in _NOT_PARTING:
                continue  # "three separate occasions" is not a separation
            if (
                label == "watching_spying"
                and norms[start] == stem("watch")
                and ((norms[start + 1] if start + 1 < len(doc) else "") in _WARNING_AFTER_WATCH)
            ):
                continue  # "watch yourself when you lock up": a warning, not watching
            if label == "tracking_device" and end - start == 1 and after in _RECORD_NOUNS:
                continue  # "the firm's GPS log shows ...": evidence of someone's route, not a tracker
            if (
                label == "third_party_contact"
                and norms[start] == stem("contact")
                and (norms[start + 1] if start + 1 < len(doc) else "") in _CONTACT_NOUN_AFTER
            ):
                continue  # "contact arrangements are a family court matter"
            if label == "turning_up_work" and any(n in _CHILD_NOUNS for n in norms[start:end]):
                continue  # "outside her daughter's school" is the child's place, not the victim's work
            if label in _TO_THIRD_LABELS and self._to_third_party(doc, end):
                continue  # "sent explicit messages to her followers": contact with others, not the victim
            if label == "contacting" and self._not_suspect_contact(doc, start, end):
                continue
            if label == "threats" and self._belief_not_threat(doc, start):
                continue
            if label == "violence" and end - start == 1 and self._not_violence(doc, start):
                continue
            by_label.setdefault(label, []).append(span)
        kept: list[Span] = []
        for spans in by_label.values():
            kept.extend(filter_spans(spans))
        doc.spans[self.key] = sorted(kept, key=lambda s: (s.start, s.label_))
        return doc

    @staticmethod
    def _not_suspect_contact(doc: Doc, start: int, end: int) -> bool:
        """ "Rec'd call from VIC" (how the report came in); "her mum received calls" (a third party's)."""
        norms = doc.user_data["ff_norms"]
        first = sent_start(doc, start)
        head = start - first <= 3 or (start > 0 and doc[start - 1].text in {":", "-", "\u2013"})
        if head and "call" in norms[start:end] and end < len(doc) and norms[end] in {"from", ":", "-"}:
            return True  # a report channel at the head of the log line ("101 call:", "call from IP -")
        if norms[start] in _RECEIVE:
            for j in range(start - 1, max(first, start - 6) - 1, -1):
                if norms[j] in _THIRD_NOUNS:
                    return True
                if norms[j] in _VICTIM_REFS or doc.user_data["ff_lower"][j] in {"she", "he", "i"}:
                    return False
        return False

    @staticmethod
    def _to_third_party(doc: Doc, end: int) -> bool:
        norms = doc.user_data["ff_norms"]
        if end >= len(doc) or norms[end] != "to":
            return False
        k = end + 1
        if k < len(doc) and norms[k] in _POSS_WORDS:
            k += 1
        return k < len(doc) and norms[k] in _THIRD_NOUNS

    @staticmethod
    def _belief_not_threat(doc: Doc, start: int) -> bool:
        """ "IP thinks he will kill her" is the victim's fear, not a threat, unless words were spoken."""
        norms = doc.user_data["ff_norms"]
        if norms[start] not in _WOULD_STEMS:
            return False
        left = set(norms[max(sent_start(doc, start), start - 8) : start])
        return bool(left & _BELIEF) and not (left & _SPEECH)

    @staticmethod
    def _not_violence(doc: Doc, start: int) -> bool:
        """ "panic attacks", "fence panels kicked in": a one-word violent verb needs a person acted on."""
        norms = doc.user_data["ff_norms"]
        prev = norms[start - 1] if start else ""
        if prev in {"panic", "heart", "anxiety"}:
            return True
        if prev in _PROPERTY_NOUNS or (start > 1 and prev == "be" and norms[start - 2] in _PROPERTY_NOUNS):
            return True
        return False

    def _lacks_context(self, label: str, span: Span) -> bool:
        """Single broad words (e.g. "hit", "tracking") need a supporting word nearby in the sentence."""
        rules = self.requires.get(label)
        if not rules or len(span) > 1:
            return False
        norms = span.doc.user_data["ff_norms"]
        word = norms[span.start]
        lo, hi = sent_start(span.doc, span.start), sent_end(span.doc, span.start)
        window = {
            norms[j] for j in range(max(lo, span.start - 4), min(hi, span.start + 5)) if j != span.start
        }
        for trigger, ctx in rules:
            if word in trigger:
                return not (window & ctx)
        return False


# ---------------------------------------------------------------------------------------------- attribution

_SEPARATE = stem("separate")
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})
_INNER_NEGATION = frozenset({"no", "not", "n't", "never", "nothing"})
_HYPHEN_PREFIXES = frozenset("ex non co step self half great in".split())
_CHILD_NOUNS = patterns.stem_set("daughter|son|child|children|kid|kids|grandson|granddaughter|nephew|niece")
_TO_THIRD_LABELS = frozenset({"contacting"})
# "watch yourself", "watch your back", "watch out": a warning (a threat, read as such), not watching her.
_WARNING_AFTER_WATCH = patterns.stem_set("yourself|himself|herself|themselves|out|back|it")
# "the GPS log shows him on his route": location data used as evidence, not a device on the victim.
_RECORD_NOUNS = patterns.stem_set("log|logs|data|history|record|records|show|shows|showed|evidence|report")
# "contact arrangements", "contact centre": contact with a child under a family arrangement, not with others.
_CONTACT_NOUN_AFTER = patterns.stem_set(
    "arrangement|arrangements|centre|center|order|orders|time|visit|visits"
)
_POSS_WORDS = patterns.stem_set("her|his|their|my|our|the|victim|'s")
_NOT_PARTING = patterns.stem_set(
    "occasion|occasions|incident|incidents|time|times|report|reports|day|days|call|"
    "calls|matter|matters|room|rooms|address|addresses|offence|offences|crime|entry"
)
_THIRD_NOUNS = patterns.stem_set(patterns.CLASSES["THIRD"] + "|staff|people|neighbour|colleague")
_WOULD_STEMS = patterns.stem_set(patterns.CLASSES["WOULD"] + "|'ll")
_BELIEF = patterns.stem_set("think|believe|fear|worry|worried|concern|concerned|scared|afraid|feel|convinced")
_SPEECH = patterns.stem_set(
    "say|tell|text|message|shout|scream|write|threaten|warn|state|post|voicemail|email|vow"
)
_PROPERTY_NOUNS = patterns.stem_set(
    patterns.CLASSES["PROPERTY"] + "|panel|fence|door|window|letter|note|card|package|leaflet"
)

_REPORTING = patterns.stem_set("report|state|say|explain|claim|allege|disclose|describe|add|confirm")
_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}
_SUBJECT_PRONOUNS = {"she": "f", "he": "m"}
_VICTIM_REFS = {stem(w) for w in "victim informant caller complainant applicant claimant client".split()}
_SUSPECT_REFS = {
    stem(w) for w in "suspect ex offender perpetrator accused defendant respondent male man stranger".split()
}
_OFFICER_REFS = {
    stem(w)
    for w in (
        "officer officers police pc ps pcso oic we crew patrol unit cad idva isva isac advocate caseworker "
        "practitioner handler"
    ).split()
}
_FIRST_PERSON = {"i"}
_RECEIVE = {stem(w) for w in "receive get".split()}
_PARTICIPLE_END = ("ed", "en", "nt", "ght", "wn")
_ATTRIBUTED_KEYS = ("behaviour",)
_AUX_OR_ADVERB = {
    stem(w)
    for w in (
        "have has had be is was were been being do did does will would can could may might must shall should "
        "also then now again repeatedly just still later previously recently allegedly reportedly herself "
        "himself themselves never not n't constantly continually regularly often frequently already even "
        "apparently first once twice subsequently immediately"
    ).split()
}
# A role or place noun after "her"/"his" makes it a possessive, not the person acted on ("rang her mum").
_POSSESSED = patterns.stem_set(patterns.CLASSES["THIRD"] + "|" + patterns.CLASSES["WORK"]) - {stem("home")}
_OBJECT_LABELS = {"contacting", "following", "watching_spying", "violence", "threats"}


def _pronoun_roles(doc: Doc) -> dict[str, str]:
    """Which subject pronoun ("she"/"he") refers to the victim: the object of the suspect's acts
    ("followed her", "rang him") tells the victim's pronoun."""
    lowers = set(doc.user_data["ff_lower"])
    has_f = bool(lowers & _FEMALE)
    has_m = bool(lowers & _MALE)
    if not (has_f and has_m):
        return {}  # one gender only: a pronoun subject could be either party
    tally = {"f": 1, "m": 0}  # prior: most reported stalking victims are women (CSEW)
    for span in doc.spans.get("behaviour", []):
        for tok in span[1:]:
            if tok.lower_ in ("her", "him"):
                tally["f" if tok.lower_ == "her" else "m"] += 1
                break
    victim = "m" if tally["m"] > tally["f"] else "f"
    return {p: ("victim" if g == victim else "suspect") for p, g in _SUBJECT_PRONOUNS.items()}


def _starts_clause(doc: Doc, i: int) -> bool:
    """After "and": an auxiliary or a subject starts a new finite clause ("... and has moved house")."""
    if i >= len(doc):
        return True
    tok = doc[i]
    return (
        tok.norm_ in {"have", "be", "do"}
        or tok.lower_ in {"she", "he", "they", "i", "we", "it"}
        or (tok.norm_ in _VICTIM_REFS or tok.norm_ in _SUSPECT_REFS)
    )


def clause_left(
    doc: Doc, start: int, limit: int = 10, through_and: bool = False, through_or: bool = False
) -> list[Token]:
    """Tokens to the left of `start` in the same clause, nearest first (optionally across "and"/"or", or
    across "or"/"nor" only)."""
    out: list[Token] = []
    i = start - 1
    first = sent_start(doc, start)
    while i >= first and len(out) < limit:
        tok = doc[i]
        if through_and and tok.lower_ in {"and", "or"} and not _starts_clause(doc, i + 1):
            pass
        elif through_or and tok.lower_ in {"or", "nor"} and not _starts_clause(doc, i + 1):
            pass  # "he has never threatened me or come to my house": the negation covers both
        elif tok.text == "-" and i > 0 and doc[i - 1].lower_ in _HYPHEN_PREFIXES and not tok.whitespace_:
            pass  # a hyphen inside a word ("ex-partner") does not end the clause
        elif tok.lower_ in patterns.CLAUSE_BREAK or tok.text in {",", ";", ":", "(", ")", "-", "--"}:
            break
        out.append(tok)
        i -= 1
    return out


def _possessive_object(doc: Doc, span: Span) -> bool:
    """ "rang her mum", "phoned her workplace": the her/his in the act is a possessive, not its object."""
    near = list(span[1:3]) if len(span) > 2 else [*span[1:], *doc[span.end : span.end + 1]]
    for tok in near:  # "kept ringing my mum": the words just after a short match count too
        if tok.lower_ in {"her", "his", "their", "victim", "my", "our"} or tok.norm_ == "victim":
            nxt = tok.i + 1
            if nxt < len(doc) and doc[nxt].norm_ == "'s":
                nxt += 1  # "rang IP's mum"
            if nxt < len(doc) and doc[nxt].norm_ in _POSSESSED:
                return True
            break
    # "ringing IP Graham ROGERS's sister": a possessive a few words on
    for j in range(span.start + 1, min(len(doc) - 1, span.end + 3)):
        if doc[j].norm_ == "'s":
            k = j + 1
            if k < len(doc) and doc[k].norm_ in {"new", "former", "best", "close", "elderly", "own"}:
                k += 1
            return k < len(doc) and doc[k].norm_ in _POSSESSED
        if doc[j].is_punct:
            break
    return False


def agent_of(doc: Doc, span: Span, roles: dict[str, str], direct: bool = True) -> str:
    """ "victim", "officer" or "suspect" (the default) for the act in `span`, read from its clause."""
    if span[0].norm_ in _RECEIVE or span[0].norm_ == "feel" or any(t.norm_ == "be" for t in span[:2]):
        return "suspect"  # "IP received 40 calls", "was followed": the victim is on the receiving end
    left = clause_left(doc, span.start)
    if not left and span[0].norm_ == "attend" and span.start == sent_start(doc, span.start):
        return "officer"  # "Attended IP's address." - a log line with no subject is the officers' own
    if not left and span.start == sent_start(doc, span.start) and span.label_ == "contacting":
        obj = [t for t in span[1:4] if t.norm_ in _VICTIM_REFS or t.lower_ in {"ip", "vic"}]
        if obj:
            return "officer"  # "Spoke to client, who disclosed ...": a note with no subject is the writer's
    # the subject is the clause's first person mention (English is subject-first)
    subject = ""
    between: list[Token] = []
    for idx, tok in enumerate(left):
        low = tok.lower_
        role = ""
        if tok.norm_ in _VICTIM_REFS or low in _FIRST_PERSON:
            role = "victim"
        elif tok.norm_ in _OFFICER_REFS:
            role = "officer"
        elif tok.norm_ in _SUSPECT_REFS:
            role = "suspect"
        elif low in roles:
            role = roles[low]
        elif low in _SUBJECT_PRONOUNS or low == "they":
            role = "suspect"
        if role and not direct:
            # nearest subject wins for repetition; a noun right after a verb is that verb's object
            prev = doc[tok.i - 1] if tok.i > 0 else None
            is_object = (
                low not in _SUBJECT_PRONOUNS
                and prev is not None
                and prev.is_alpha
                and (prev.norm_ not in _AUX_OR_ADVERB and prev.lower_ not in {"and", "or", "that"})
                and prev.norm_ not in _REPORTING  # "client reports ex-partner continues": a new clause
                and not (prev.norm_ in _VICTIM_REFS and prev.lower_ != prev.norm_)  # "IPS EX": possessor
            )
            if doc[tok.i + 1].norm_ == "'s" if tok.i + 1 < len(doc) else False:
                continue  # "client's former landlord": the possessor is not the subject
            if low in {"her", "him", "them"} or is_object:
                continue
            subject, between = role, left[:idx]
            break
        if role:
            subject = role
            between = left[:idx]
            prev_tok = doc[tok.i - 1] if tok.i > 0 else None
            if (
                role == "victim"
                and low not in {"her", "him", "them", "me"}
                # '"i'll make you pay"', 'SUSP SAID I WILL KILL YOU': a quoted first person is the speaker's
                and not (prev_tok is not None and prev_tok.text in _QUOTES)
                # a threat is the content of his words: 'told her she will be sorry'
                and not (
                    (low in {"i", "we"} or span.label_ == "threats")
                    and any(t.norm_ in _SPEECH for t in left[idx + 1 :])
                )
                and (
                    # a subject pronoun is a subject wherever it stands
                    low in {"i", "she", "he", "we", "they"}
                    or prev_tok is None
                    or not prev_tok.is_alpha
                    or prev_tok.norm_ in _AUX_OR_ADVERB
                    or prev_tok.lower_ in {"that", "and", "but", "then"}
                )
                and all(t.norm_ in _AUX_OR_ADVERB for t in between)
                and not any(t.norm_ in ("be", "get") for t in between)
            ):
                break  # "she had checked his page": the nearest subject is the actor
    if subject in ("", "suspect"):
        return "suspect"
    if not direct and any(t.norm_ in ("be", "get") or t.norm_ in _RECEIVE for t in between):
        return "suspect"  # "she was in fear on both occasions", "IP has received 40 calls"
    if direct and any(t.norm_ not in _AUX_OR_ADVERB and not t.is_punct for t in between):
        return (
            "suspect"  # the victim is not the subject of this verb ("IP found a tracker", "IP states he ...")
        )
    passive = any(t.norm_ in ("be", "get") or t.norm_ in _RECEIVE for t in between) and (
        span[0].lower_.endswith(_PARTICIPLE_END) or span[0].norm_ != span[0].lower_
    )
    return "suspect" if passive else subject


@Language.component("fourfold_attribution")
def attribution(doc: Doc) -> Doc:
    roles = _pronoun_roles(doc)
    doc.user_data["ff_roles"] = roles
    excluded = list(doc.spans["excluded"]) if "excluded" in doc.spans else []
    for key in _ATTRIBUTED_KEYS:
        if key not in doc.spans:
            continue
        kept = []
        for span in doc.spans[key]:
            if span.label_ in _OBJECT_LABELS and _possessive_object(doc, span):
                excluded.append(Span(doc, span.start, span.end, label=f"{key}:{span.label_}:possessive"))
                continue
            agent = agent_of(doc, span, roles)
            if agent == "suspect":
                kept.append(span)
            else:
                excluded.append(Span(doc, span.start, span.end, label=f"{key}:{span.label_}:{agent}_act"))
        doc.spans[key] = kept
    repetition = []
    for span in doc.spans.get("repetition", []):
        if agent_of(doc, span, roles, direct=False) == "suspect":  # "IP rang susp 6 times": her repetition
            repetition.append(span)
        else:
            excluded.append(Span(doc, span.start, span.end, label=f"repetition:{span.label_}:victim_act"))
    doc.spans["repetition"] = repetition
    doc.spans["excluded"] = excluded
    return doc


# ---------------------------------------------------------------------------------------------------- scope

_REQUEST_WORDS = frozenset(
    "told tell asked ask asks advised advise advice request requested beg begged warned warn want wants "
    "wanted wish threaten threatens threatened threatening intend intends plan plans".split()
)
_REQUEST_LINK = frozenset("to not that".split())
_FEAR_WORDS = frozenset(
    "afraid scared frightened fear fears feared fearing terrified petrified worried worry".split()
)


# Openings that deny everything after them in the sentence ("no suggestion that ...", "no evidence of ...").
_DENIAL_HEADS = frozenset({"suggestion", "evidence", "indication", "allegation", "report", "sign", "record"})


def _denied_in_sentence(doc: Doc, start: int) -> bool:
    """ "no suggestion|evidence|indication ... that/of" earlier in the sentence, or "nothing to suggest"."""
    lowers = doc.user_data["ff_lower"]
    for j in range(sent_start(doc, start), max(sent_start(doc, start), start - 1)):
        low, nxt = lowers[j], lowers[j + 1] if j + 1 < len(lowers) else ""
        if low == "no" and nxt in _DENIAL_HEADS and j + 2 < start and lowers[j + 2] in {"that", "of"}:
            return True
        if low == "nothing" and nxt == "to" and j + 2 < start and lowers[j + 2] in {"suggest", "indicate"}:
            return True
    return False


_FELT = frozenset("felt feel feels feeling thought thinks think believed believes believe".split())


def _only_felt(doc: Doc, start: int) -> bool:
    """ "felt/thought (that) she was being followed": the victim's impression, not a reported act."""
    lowers = doc.user_data["ff_lower"]
    if start < len(lowers) and lowers[start] == "being":
        start += 1  # the span itself may begin "being watched"
    lo = max(sent_start(doc, start), start - 6)
    if start - 1 < lo or lowers[start - 1] != "being":
        return False
    return any(lowers[j] in _FELT for j in range(lo, start - 1))


_LIST_NEGATION = frozenset({"no", "not", "never", "without", "nor"})


def _in_negated_list(doc: Doc, start: int) -> bool:
    """The span is an item of a comma-separated list governed by a negation: "NO FOLLOWING, MONITORING,
    LOITERING OR CONTACT". Items are one or two words; an item that starts a clause ("..., he texted") ends
    the list."""
    lowers = doc.user_data["ff_lower"]
    first = sent_start(doc, start)
    i, words, commas = start - 1, 0, 0
    while i >= first and start - i <= 12:
        low = lowers[i]
        if low in _LIST_NEGATION:
            return commas > 0 and words <= 2
        if low == ",":
            if (i + 1 < start and _starts_clause(doc, i + 1)) or (words == 0 and commas) or words > 2:
                return False
            commas, words = commas + 1, 0
        elif low in {"or", "and"}:
            if words > 2:
                return False
        elif low.isalpha():
            words += 1
            if words > 2:
                return False
        else:
            return False
        i -= 1
    return False


def scope_of(doc: Doc, span: Span, key: str) -> str:
    """ "negated", "hypothetical" or "" for an item, from the words before it in its clause."""
    left = clause_left(doc, span.start, limit=8, through_and=True)
    negation_reach = len(clause_left(doc, span.start, limit=8, through_or=True))
    if key == "behaviour" and _only_felt(doc, span.start):
        return "hypothetical"  # "she felt she was being followed (but no one there on checks)": a perception
    if key in {"behaviour", "context"} and (
        _denied_in_sentence(doc, span.start) or _in_negated_list(doc, span.start)
    ):
        return "negated"  # "no suggestion that he visited her home"; "no following, monitoring, loitering"
    is_threat = key == "behaviour" and span.label_ == "threats"
    if (
        key == "behaviour"
        and span.label_ != "breach_of_order"
        and any(t.lower_ in _INNER_NEGATION for t in span[1:])
    ):
        if not any(t.lower_ in patterns.NEGATION_CANCEL for t in span):
            return "negated"  # "her friend has had no contact from him": the negation is inside the match
    seen: list[Token] = []  # tokens between the cue and the span (nearest first)
    for n, tok in enumerate(left):
        low = tok.lower_
        if n < negation_reach and (low in patterns.NEGATION or tok.norm_ == "not"):
            if not any(
                t.lower_ in patterns.NEGATION_CANCEL or t.norm_ in {"stop", "leav", "giv"} for t in seen
            ):
                if not any(t.lower_ in patterns.NEGATION_CANCEL for t in span):
                    return "negated"
        if low in patterns.HYPOTHETICAL:
            if key == "four" and span[0].lower_ in patterns.NEGATION and low in {"will", "'ll", "wo"}:
                pass  # "he will not take no for an answer": a present refusal
            elif is_threat and low in patterns.HYPOTHETICAL_NOT_FOR_THREATS:
                pass
            elif (
                is_threat
                and low in {"if", "unless"}
                and any(t.norm_ in _SPEECH for t in doc[max(0, tok.i - 4) : tok.i])
            ):
                pass  # "said if she goes to the police he will hurt her": a conditional threat is a threat
            elif low in _REQUEST_WORDS:
                links = [t for t in seen if t.lower_ in _REQUEST_LINK]
                if span[0].lower_ in _REQUEST_LINK or any(span.start - t.i <= 3 for t in links):
                    return "hypothetical"
            elif key != "behaviour" and low in _FEAR_WORDS:
                pass
            else:
                return "hypothetical"
        if n < 2 and low in {"would", "could", "'d"} and not is_threat:
            if key == "four" and span[0].lower_ in patterns.NEGATION:
                pass  # "could not accept it was over" is a stated attitude, not a possibility
            elif low == "would" and _habitual(doc, span.start):
                pass  # "he would drive past her house several times a day": past habit, not a possibility
            else:
                return "hypothetical"  # "said he would stab her": a threat or a possibility, not the act
        seen.append(tok)
    return ""


_HABITUAL = frozenset(
    "every each daily nightly weekly often regularly repeatedly constantly always frequently usually "
    "several numerous most".split()
)
_HYPOTHESIS = frozenset(
    "if unless say said says tell told think thought fear feared worry worried threaten".split()
)


def _habitual(doc: Doc, i: int) -> bool:
    """ "would" of past habit: the sentence says how often, and no condition, speech or belief frames it."""
    lo, hi = sent_start(doc, i), sent_end(doc, i)
    lowers = doc.user_data["ff_lower"]
    words = set(lowers[lo:hi])
    return bool(words & _HABITUAL) and not (set(lowers[lo:i]) & _HYPOTHESIS)


_SCOPED_KEYS = ("behaviour", "four", "s4a", "repetition", "context")


@Language.component("fourfold_scope")
def scope(doc: Doc) -> Doc:
    excluded = list(doc.spans["excluded"]) if "excluded" in doc.spans else []
    for key in _SCOPED_KEYS:
        if key not in doc.spans:
            continue
        kept = []
        for span in doc.spans[key]:
            verdict = scope_of(doc, span, key)
            if verdict:
                excluded.append(Span(doc, span.start, span.end, label=f"{key}:{span.label_}:{verdict}"))
            else:
                kept.append(span)
        doc.spans[key] = kept
    doc.spans["excluded"] = excluded
    return doc


# ----------------------------------------------------------------------------------------------- quantities

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "couple": 2,
    "both": 2,
    "few": 3,
    "several": 3,
    "numerous": 4,
    "multiple": 3,
    "many": 5,
    "various": 3,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 100,
    "countless": 20,
    "lots": 5,
    "loads": 5,
    "some": 2,
}
_VAGUE = {"several", "numerous", "multiple", "many", "various", "few", "lots", "loads", "some", "countless"}
_COUNT_UNITS = {
    stem(w)
    for w in (
        "time occasion call phonecall text message email voicemail letter visit incident dm note attempt "
        "occurrence whatsapp post comment request card gift parcel account profile report date evening "
        "night morning afternoon day week weekend"
    ).split()
}
_TIME_POINT_AFTER = frozenset({"after", "before", "ago", "later", "earlier", "beforehand", "afterwards"})
_PLURAL_CONTACT = {stem(w) for w in "call text message email voicemail letter dm note whatsapp".split()}
_DAY_UNITS = {
    stem("day"): 1,
    stem("night"): 1,
    stem("evening"): 1,
    stem("morning"): 1,
    stem("afternoon"): 1,
    stem("date"): 1,
    stem("weekend"): 7,
}
_PERIOD_DAYS = {
    "hour": 0,
    "day": 1,
    "night": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
    "weekend": 2,
}
_PERIOD = {stem(k): v for k, v in _PERIOD_DAYS.items()}
_RATE_PERIOD = {
    stem("day"): 1.0,
    stem("night"): 1.0,
    stem("evening"): 1.0,
    stem("morning"): 1.0,
    stem("week"): 1 / 7,
    stem("month"): 1 / 30,
    stem("hour"): 8.0,
    stem("weekend"): 1 / 7,
}
_EVERY = {"every", "each", "daily", "nightly", "weekly", "hourly", "most"}
_DURATION_PREP = {"for", "over", "in", "during", "within", "across", "past", "last", "previous", "since"}
_REPEAT_WORDS = {
    stem(w): 2
    for w in (
        "again repeatedly constantly continually persistently regularly frequently daily nightly weekly "
        "hourly incessantly relentlessly ongoing repeated another second 2nd third 3rd keep continue "
        "incessant relentless bombard bombarding bombarded inundate inundated "
        "twice wherever whenever everywhere"
    ).split()
}
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS.pop("may", None)  # "may" is too often the verb; "since May" still caught below by capital letter
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAYS.update({d[:3]: i for d, i in list(_WEEKDAYS.items())})
_WEEKDAYS.update({"tues": 1, "weds": 2, "thurs": 3})


def _number(low: str) -> int | None:
    low = low.rstrip("+")
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    txt = re.sub(r"[,+]", "", low)
    if txt.isdigit() and len(txt) <= 5:
        return int(txt)
    m = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", txt)
    return int(m.group(1)) if m else None


@Language.component("fourfold_quantities")
def quantities(doc: Doc) -> Doc:
    """Counts ("40 calls", "on four occasions"), rates ("daily", "10 times a day"), periods ("for 3 weeks")
    and anchors ("since Monday", "since March") -> repetition spans and doc.user_data["ff_quant"]."""
    found: list[dict[str, Any]] = []
    spans: list[Span] = []
    weekdays: set[int] = set()
    weekday_tokens: list[int] = []
    contact_tokens = {t.i for s in doc.spans.get("behaviour", []) if s.label_ == "contacting" for t in s}
    n = len(doc)
    norms: list[str] = doc.user_data["ff_norms"]
    lowers: list[str] = doc.user_data["ff_lower"]
    punct: list[bool] = doc.user_data["ff_punct"]
    i = 0
    while i < n:
        low = lowers[i]
        norm = norms[i]
        num = _number(low) if (low[0].isdigit() or low in _NUMBER_WORDS) else None
        # "on N occasions", "N calls", "N times a day"
        if num is not None:
            j = i + 1
            if j < n and lowers[j] in {"+", "x", "-"}:
                j += 1
            if j < n and lowers[j] == "of":
                j += 1
            k = j
            while k < min(n, j + 3) and norms[k] not in _COUNT_UNITS and norms[k] not in _PERIOD:
                if punct[k]:
                    break
                k += 1
            if k < n and k < j + 3:
                unit = norms[k]
                prev = lowers[i - 1] if i > 0 else ""
                is_period = unit in _PERIOD and (
                    prev in _DURATION_PREP
                    or prev in {"the", "a", "an"}
                    or (i > 1 and lowers[i - 2] in _DURATION_PREP)
                    or (prev == "of" and i > 1 and lowers[i - 2] == "period")
                )
                if is_period and not (prev == "on" or (i > 1 and lowers[i - 2] == "on")):
                    days = num * _PERIOD[unit]
                    found.append({"kind": "period", "days": days, "start": i, "end": k + 1})
                    spans.append(Span(doc, i if prev not in _DURATION_PREP else i - 1, k + 1, label="period"))
                    i = k + 1
                    continue
                # "two weeks after they split", "three days ago": a point in time, not two occasions
                time_point = unit in _PERIOD and k + 1 < n and lowers[k + 1] in _TIME_POINT_AFTER
                if unit in _COUNT_UNITS and not (unit in _PERIOD and low in {"a", "an"}) and not time_point:
                    end = k + 1
                    rate_per = None
                    # "N times a day", "10 times per week", "20 times a night"
                    if (
                        end + 1 < n
                        and lowers[end] in {"a", "an", "per", "each", "every"}
                        and (norms[end + 1] in _RATE_PERIOD)
                    ):
                        rate_per = norms[end + 1]
                        end += 2
                    if rate_per is not None:
                        found.append(
                            {"kind": "rate", "per_day": num * _RATE_PERIOD[rate_per], "start": i, "end": end}
                        )
                        spans.append(Span(doc, i, end, label="rate"))
                    elif low not in {"a", "an", "one"} and not (num == 1):
                        value = num if unit not in _DAY_UNITS or low not in {"a", "an"} else 1
                        found.append(
                            {"kind": "count", "value": value, "vague": low in _VAGUE, "start": i, "end": end}
                        )
                        spans.append(Span(doc, i, end, label="count"))
                    i = end
                    continue
        # "every day", "each night", "daily", "most evenings"
        if low in _EVERY:
            if low in {"daily", "nightly", "weekly", "hourly"}:
                per = {"daily": 1.0, "nightly": 1.0, "weekly": 1 / 7, "hourly": 8.0}[low]
                found.append({"kind": "rate", "per_day": per, "start": i, "end": i + 1})
                spans.append(Span(doc, i, i + 1, label="rate"))
                i += 1
                continue
            if i + 1 < n and norms[i + 1] in _RATE_PERIOD:
                per = _RATE_PERIOD[norms[i + 1]] * (0.7 if low == "most" else 1.0)
                found.append({"kind": "rate", "per_day": per, "start": i, "end": i + 2})
                spans.append(Span(doc, i, i + 2, label="rate"))
                i += 2
                continue
            if i + 1 < n and lowers[i + 1] in {"time", "occasion"}:
                found.append({"kind": "count", "value": 2, "vague": True, "start": i, "end": i + 2})
                spans.append(Span(doc, i, i + 2, label="count"))
                i += 2
                continue
        # "a fortnight", "a week" after a duration preposition
        if (
            low in {"a", "an"}
            and i + 1 < n
            and norms[i + 1] in _PERIOD
            and i > 0
            and (lowers[i - 1] in _DURATION_PREP)
        ):
            found.append({"kind": "period", "days": _PERIOD[norms[i + 1]], "start": i - 1, "end": i + 2})
            spans.append(Span(doc, i - 1, i + 2, label="period"))
            i += 2
            continue
        if low in {"twice", "thrice"}:
            found.append(
                {
                    "kind": "count",
                    "value": 2 if low == "twice" else 3,
                    "vague": False,
                    "start": i,
                    "end": i + 1,
                }
            )
            spans.append(Span(doc, i, i + 1, label="count"))
            i += 1
            continue
        # "since Monday", "since March", "since last week", "since she ended it in March"
        if low == "since":
            anchor = _since_anchor(doc, i)
            if anchor is not None:
                found.append(anchor)
                spans.append(Span(doc, i, anchor["end"], label="since"))
                i = anchor["end"]
                continue
        # "this week", "this month", "last month", "the last fortnight", "over the weekend"
        if (
            low in {"this", "last", "past"}
            and i + 1 < n
            and norms[i + 1] in _PERIOD
            and (norms[i + 1] not in {stem("night"), stem("day")})
        ):
            days = _PERIOD[norms[i + 1]]
            found.append({"kind": "period", "days": days, "weak": True, "start": i, "end": i + 2})
            i += 2
            continue
        # plural messages, calls, texts: more than one contact ("sent her abusive messages")
        if norm in _PLURAL_CONTACT and low != norm and low.endswith("s") and i in contact_tokens:
            found.append({"kind": "count", "value": 2, "vague": True, "start": i, "end": i + 1})
            spans.append(Span(doc, i, i + 1, label="count"))
            i += 1
            continue
        if low in _WEEKDAYS and not (i > 0 and lowers[i - 1] == "since"):
            weekdays.add(_WEEKDAYS[low])
            weekday_tokens.append(i)
        if norm in _REPEAT_WORDS and low.isalpha() and not _is_police_process(lowers, i):
            found.append({"kind": "repeat", "value": 2, "start": i, "end": i + 1})
            spans.append(Span(doc, i, i + 1, label="repeat"))
        i += 1
    if len(weekdays) >= 2:  # "on Monday and Wednesday": separate days named
        first, last = weekday_tokens[0], weekday_tokens[-1]
        found.append(
            {"kind": "count", "value": len(weekdays), "vague": False, "start": first, "end": last + 1}
        )
        spans.append(Span(doc, first, last + 1, label="count"))
    doc.user_data["ff_quant"] = found
    doc.spans["repetition"] = spans
    return doc


# Words about the police's own process, not the suspect's conduct ("enquiries ongoing").
_PROCESS_WORDS = {
    "enquiries",
    "enquiry",
    "inquiries",
    "inquiry",
    "investigation",
    "investigations",
    "case",
    "matter",
}


def _is_police_process(lowers: list[str], i: int) -> bool:
    """True when a repeat word describes the police process ("Enquiries ongoing"), not repeated conduct."""
    return lowers[i] == "ongoing" and (
        (i > 0 and lowers[i - 1] in _PROCESS_WORDS)
        or (i > 1 and lowers[i - 1] in {"are", "is", "remain", "remains"} and lowers[i - 2] in _PROCESS_WORDS)
    )


def _since_anchor(doc: Doc, i: int) -> dict[str, Any] | None:
    for j in range(i + 1, min(len(doc), i + 10)):
        tok = doc[j]
        low = tok.lower_.rstrip(".")
        if tok.is_sent_start or tok.text in {";"}:
            return None
        if low in _WEEKDAYS:
            return {"kind": "since_weekday", "weekday": _WEEKDAYS[low], "start": i, "end": j + 1}
        if low in _MONTHS or (tok.text in {"May", "MAY"}):
            return {"kind": "since_month", "month": _MONTHS.get(low, 5), "start": i, "end": j + 1}
        if low in {"last", "past"} and j + 1 < len(doc) and doc[j + 1].norm_ in _PERIOD:
            return {"kind": "period", "days": _PERIOD[doc[j + 1].norm_], "start": i, "end": j + 2}
        if low in {"christmas", "xmas"}:
            return {"kind": "since_month", "month": 12, "day": 25, "start": i, "end": j + 1}
        if low == "yesterday":
            return {"kind": "period", "days": 1, "start": i, "end": j + 1}
    return None


# ------------------------------------------------------------------------------------------------- building

_SPECIAL_CASES = ["o/s", "O/S", "O/s", "w/", "W/", "s/", "S/", "b/f", "B/F", "g/f", "G/F", "rec'd", "REC'D"]


def build_pipeline() -> Language:
    """A fresh `blank("en")` pipeline with the Fourfold rule components."""
    nlp = spacy.blank("en")
    for case in _SPECIAL_CASES:
        nlp.tokenizer.add_special_case(case, [{"ORTH": case}])
    nlp.add_pipe("fourfold_normaliser")
    nlp.add_pipe("sentencizer")
    for table in TABLES:
        nlp.add_pipe("fourfold_matcher", name=f"fourfold_{table}", config={"table": table})
    nlp.add_pipe("fourfold_quantities")
    nlp.add_pipe("fourfold_attribution")
    nlp.add_pipe("fourfold_scope")
    return nlp


_NLP: Language | None = None


def get_pipeline() -> Language:
    """The process-wide pipeline (built once)."""
    global _NLP
    if _NLP is None:
        _NLP = build_pipeline()
    return _NLP


def run(texts: Iterable[str], batch_size: int = 256) -> Iterable[Doc]:
    return get_pipeline().pipe(texts, batch_size=batch_size)
