"""Every item's span points at the right characters of the original text."""

from __future__ import annotations

from fourfold.narrative import Span


def _all_spans(ev) -> list[Span]:
    spans = [b.span for b in ev.behaviours]
    spans += [s for v in ev.four.values() for s in v]
    spans += ev.fear_of_violence + ev.serious_alarm_distress + ev.repetition + ev.relationship_spans
    spans += [i.span for i in ev.identifiers]
    return spans


def test_spans_index_the_original_text(read) -> None:
    text = (
        "IP STATES HER EX-PARTNER HAS FOLOWED HER HOME ON 3 OCCASIONS AND SENT 40 MSGS. "
        "SHE IS TERRIFIED HE WILL KILL HER AND HAS MOVED IN WITH HER MUM. TEL 07700 900123."
    )
    ev = read(text)
    spans = _all_spans(ev)
    assert spans
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_behaviour_span_covers_the_act(read) -> None:
    text = "On Tuesday the suspect slashed the tyres on her car."
    hit = next(b for b in read(text).behaviours if b.behaviour == "interfering_property")
    assert "slashed" in hit.span.text and "tyres" in hit.span.text


def test_to_dict_is_json_serialisable(read) -> None:
    import json

    d = read("He followed her and said he would kill her.").to_dict()
    assert json.loads(json.dumps(d))["behaviours"][0]["span"]["text"]
    assert set(d["four"]) == {"fixated", "obsessive", "unwanted", "repeated"}
