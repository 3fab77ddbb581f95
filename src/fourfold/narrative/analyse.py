"""Turn a processed Doc into NarrativeEvidence: behaviours, FOUR, s.4A limbs, repetition, relationship."""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing as mp
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from fourfold.narrative.evidence import FOUR_ELEMENTS, BehaviourHit, NarrativeEvidence, Span
from fourfold.narrative.identifiers import find_identifiers
from fourfold.narrative.normalise import stem
from fourfold.narrative.sentences import sent_end, sent_start

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Priority when several relationship cues appear (the closest relationship wins).
RELATIONSHIP_PRIORITY = (
    "ex_partner",
    "current_partner",
    "family",
    "colleague",
    "neighbour",
    "online_only",
    "acquaintance",
    "stranger",
)
# Role cues that name a third party when they follow a contact verb or preposition ("texted her mum").
_ROLE_LABELS = {"current_partner", "family", "colleague", "acquaintance"}
_OBJECT_MARKERS = {
    stem(w)
    for w in (
        "to at call ring phone text message email contact ask tell visit send with of from about for "
        "and or approach house home address new told"
    ).split()
}
_FIXATED_BEHAVIOURS = {"tracking_device", "monitoring_online"}
_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def _span(doc: Doc, s: SpacySpan) -> Span:
    text = doc.user_data.get("ff_text") or doc.text
    return Span(s.start_char, s.end_char, text[s.start_char : s.end_char])


def evidence_from_doc(
    doc: Doc, reported_at: dt.date | None = None, text: str | None = None
) -> NarrativeEvidence:
    """`text` is the string the doc was made from (saves rebuilding it from the tokens)."""
    doc.user_data["ff_text"] = text if text is not None else doc.text
    ev = NarrativeEvidence()
    spans = doc.spans
    for s in spans.get("behaviour", []):
        ev.behaviours.append(BehaviourHit(s.label_, _span(doc, s)))
    behaviours = ev.behaviour_ids

    # FOUR (College of Policing; domain.md §5.1)
    four: dict[str, list[Span]] = {k: [] for k in FOUR_ELEMENTS}
    for s in spans.get("four", []):
        four[s.label_].append(_span(doc, s))
    for hit in ev.behaviours:
        if hit.behaviour in _FIXATED_BEHAVIOURS:
            four["fixated"].append(hit.span)
        if hit.behaviour == "breach_of_order":
            four["obsessive"].append(hit.span)  # carrying on despite an order: persistence after being told
    if four["unwanted"]:
        first_unwanted = min(sp.start for sp in four["unwanted"])
        later = [h.span for h in ev.behaviours if h.span.start > first_unwanted]
        if later:
            four["obsessive"].append(later[0])  # the conduct went on after it was made clear it was unwanted

    # repetition and duration
    quant: list[dict[str, Any]] = doc.user_data.get("ff_quant", [])
    kept_tokens = {(s.start, s.end) for s in spans.get("repetition", [])}
    kept_starts = {s.start for s in spans.get("repetition", [])}
    usable = [
        q
        for q in quant
        if q["kind"] not in ("count", "rate", "repeat")
        or (q["start"], q["end"]) in kept_tokens
        or q["start"] in kept_starts
    ]
    ev.repetition = [_span(doc, s) for s in spans.get("repetition", []) if s.label_ != "period"]
    counts = [q["value"] for q in usable if q["kind"] in ("count", "repeat")]
    rates = [q["per_day"] for q in usable if q["kind"] == "rate"]
    periods = [q["days"] for q in usable if q["kind"] == "period" and not q.get("weak")]
    weak_periods = [q["days"] for q in usable if q["kind"] == "period" and q.get("weak")]
    for q in usable:
        if q["kind"] in ("since_weekday", "since_month") and reported_at is not None:
            periods.append(_days_since(q, reported_at))
    span_days = max(periods) if periods else (max(weak_periods) if weak_periods and rates else None)
    occasions = max(counts) if counts else 0
    if rates:
        days = span_days or (max(weak_periods) if weak_periods else None)
        per_day = max(rates)
        occasions = max(occasions, math.ceil(per_day * days) if days else 2)
    if behaviours:
        occasions = max(occasions, 2 if four["repeated"] else 1)  # "he has done this before"
        # "over an eighteen-month period he bombarded her...": conduct stated over weeks is a course of
        # conduct (PHA 1997 s.7(3): at least two occasions), read only where the period shares a sentence
        # with an act
        act_sentences = {sent_start(doc, h.start) for h in spans.get("behaviour", [])}
        for s in spans.get("repetition", []):
            if s.label_ == "period" and sent_start(doc, s.start) in act_sentences:
                days = next((q["days"] for q in quant if q["kind"] == "period" and q["end"] == s.end), 0)
                if days >= 14:
                    occasions = max(occasions, 2)
                    four["repeated"].append(_span(doc, s))
                    break
    ev.occasions = occasions
    ev.span_days = span_days
    if occasions >= 2:
        four["repeated"].extend(ev.repetition)
    ev.four = {k: _dedupe(v) for k, v in four.items()}

    # s.4A PHA 1997: (1)(b)(i) fear of violence; (1)(b)(ii) serious alarm or distress, adverse effect
    violent_context = bool(behaviours & {"threats", "violence"})
    fear_spans = [s for s in spans.get("s4a", []) if s.label_ == "fear_of_violence"]
    fear_spans += [s for s in spans.get("s4a", []) if s.label_ == "fear_general" and violent_context]
    ev.fear_of_violence = _dedupe([_span(doc, s) for s in fear_spans])
    if fear_spans:
        sentences = {sent_start(doc, s.start) for s in fear_spans}
        stated = [
            q["value"] for q in usable if q["kind"] == "count" and sent_start(doc, q["start"]) in sentences
        ]
        lowers = doc.user_data["ff_lower"]
        each_time = any(
            lowers[j] in {"each", "every"} and j + 1 < len(lowers) and lowers[j + 1] == "time"
            for st in sentences
            for j in range(st, sent_end(doc, st))
        )
        # "fear of violence on two occasions (04/05, 18/05)", "believed on BOTH occasions": the dates or the
        # "both" stated with the fear (PHA 1997 s.4(1), s.4A(1)(b)(i): fear on at least two occasions)
        dated = {
            doc[j].text
            for st in sentences
            for j in range(st, sent_end(doc, st))
            if _DAY_MONTH.fullmatch(doc[j].text)
        }
        both = any(
            lowers[j] == "both" and j + 1 < len(lowers) and lowers[j + 1] in {"occasions", "times"}
            for st in sentences
            for j in range(st, sent_end(doc, st))
        )
        ev.fear_occasions = max(
            [len(sentences), *stated, *([occasions] if each_time else []), len(dated), 2 if both else 0]
        )
    ev.serious_alarm_distress = _dedupe(
        [_span(doc, s) for s in spans.get("s4a", []) if s.label_ == "serious_alarm_distress"]
    )

    # relationship cue (design.md §4.2 values)
    rel_hits: dict[str, list[Span]] = {}
    for s in spans.get("relationship", []):
        if s.label_ in _ROLE_LABELS and _names_third_party(doc, s):
            continue
        rel_hits.setdefault(s.label_, []).append(_span(doc, s))
    for label in RELATIONSHIP_PRIORITY:
        if label in rel_hits:
            ev.relationship = label
            ev.relationship_spans = rel_hits[label]
            break

    ev.dispute = _dedupe([_span(doc, s) for s in spans.get("context", []) if s.label_ == "dispute"])
    ev.not_targeted = _dedupe([_span(doc, s) for s in spans.get("context", []) if s.label_ == "not_targeted"])
    ev.wanted = _dedupe([_span(doc, s) for s in spans.get("context", []) if s.label_ == "wanted"])
    ev.lawful_purpose = _dedupe(
        [
            _span(doc, s)
            for s in spans.get("context", [])
            if s.label_ == "lawful_purpose" and not _victim_role(doc, s)
        ]
    )
    ev.harassment_only = _dedupe(
        [_span(doc, s) for s in spans.get("context", []) if s.label_ == "harassment_only"]
    )
    ev.identifiers = find_identifiers(doc.user_data.get("ff_text") or doc.text)
    ev.excluded = [{"kind": s.label_, "span": _span(doc, s)} for s in spans.get("excluded", [])]
    return ev


_VICTIM_WORDS = frozenset("ip ip1 vic victim caller complainant informant rp she he i".split())
_ROLE_LINKS = frozenset({"is", "was", "a", "an", "as"})


def _victim_role(doc: Doc, s: SpacySpan) -> bool:
    """ "IP is a journalist", "the victim, a reporter": the role is the victim's, not the suspect's."""
    before = [t.lower_ for t in doc[max(sent_start(doc, s.start), s.start - 4) : s.start]]
    return any(w in _VICTIM_WORDS for w in before) and any(
        w in {"is", "was", "a", "an", "as"} for w in before
    )


def _names_third_party(doc: Doc, s: SpacySpan) -> bool:
    """'texted her mum', 'her new partner': the role word names someone other than the suspect."""
    if s[0].norm_ == "'s":
        return True  # "IP's sister": someone's relative, named as a third party
    before = list(doc[max(sent_start(doc, s.start), s.start - 3) : s.start])
    if any(t.norm_ in _OBJECT_MARKERS for t in before):
        return True
    return any(t.norm_ == "new" for t in s)


def _days_since(q: dict[str, Any], reported_at: dt.date) -> int:
    if q["kind"] == "since_weekday":
        delta = (reported_at.weekday() - q["weekday"]) % 7
        return delta or 7
    month, day = q["month"], q.get("day", 1)
    year = reported_at.year if (month, day) <= (reported_at.month, reported_at.day) else reported_at.year - 1
    return (reported_at - dt.date(year, month, day)).days


def _dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out = []
    for sp in sorted(spans, key=lambda x: (x.start, x.end)):
        if (sp.start, sp.end) not in seen:
            seen.add((sp.start, sp.end))
            out.append(sp)
    return out


def analyse(text: str, reported_at: dt.date | None = None) -> NarrativeEvidence:
    """Read one narrative and return the evidence in it, each item with its character span."""
    from fourfold.narrative.pipeline import get_pipeline

    if not isinstance(text, str):
        raise TypeError(f"narrative must be a string, not {type(text).__name__}")
    return evidence_from_doc(get_pipeline()(text), reported_at, text)


def _analyse_chunk(texts: list[str]) -> list[NarrativeEvidence]:
    from fourfold.narrative.pipeline import get_pipeline

    return [evidence_from_doc(doc, None, t) for doc, t in zip(get_pipeline().pipe(texts), texts, strict=True)]


def analyse_many(
    texts: Iterable[str], n_process: int = 1, batch_size: int = 256
) -> Iterator[NarrativeEvidence]:
    """Analyse many narratives in order; with n_process > 1, chunks of `batch_size` go to worker processes
    (each builds its own pipeline once), streaming so memory stays flat."""
    if n_process <= 1:
        from fourfold.narrative.pipeline import get_pipeline

        for doc, text in get_pipeline().pipe(((t, t) for t in texts), batch_size=batch_size, as_tuples=True):
            yield evidence_from_doc(doc, None, text)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(n_process) as pool:
        for chunk_result in pool.imap(_analyse_chunk, _chunks(texts, batch_size)):
            yield from chunk_result


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for t in texts:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
