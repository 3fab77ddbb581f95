"""Readable rendering of NarrativeEvidence for a first responder (`fourfold analyse --explain`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from fourfold.narrative.evidence import NarrativeEvidence, Span

_STYLES = {
    "behaviour": "bold yellow",
    "four": "cyan",
    "s4a": "bold red",
    "repetition": "magenta",
    "relationship": "green",
    "identifier": "blue underline",
    "excluded": "dim strike",
}


def _marked(text: str, ev: NarrativeEvidence) -> Text:
    out = Text(text)
    layers: list[tuple[str, Span]] = [("excluded", x["span"]) for x in ev.excluded]
    layers += [("repetition", s) for s in ev.repetition]
    layers += [("four", s) for spans in ev.four.values() for s in spans]
    layers += [("relationship", s) for s in ev.relationship_spans]
    layers += [("identifier", i.span) for i in ev.identifiers]
    layers += [("s4a", s) for s in ev.fear_of_violence + ev.serious_alarm_distress]
    layers += [("behaviour", b.span) for b in ev.behaviours]
    for kind, span in layers:
        out.stylize(_STYLES[kind], span.start, span.end)
    return out


def render(text: str, ev: NarrativeEvidence, console: Console | None = None) -> None:
    console = console or Console()
    console.print(
        Text("Narrative (", style="bold")
        .append_text(Text.assemble(*[(k + " ", v) for k, v in _STYLES.items()]))
        .append(")", style="bold")
    )
    console.print(_marked(text, ev))
    console.print()
    table = Table(title="Evidence", show_lines=False)
    table.add_column("what")
    table.add_column("finding")
    table.add_column("text (chars)")
    for b in ev.behaviours:
        table.add_row("behaviour", b.behaviour, f"“{b.span.text}” ({b.span.start}–{b.span.end})")
    for element, spans in ev.four.items():
        for s in spans:
            table.add_row("FOUR", element, f"“{s.text}” ({s.start}–{s.end})")
    for s in ev.fear_of_violence:
        table.add_row("s.4A(1)(b)(i)", "fear of violence", f"“{s.text}” ({s.start}–{s.end})")
    for s in ev.serious_alarm_distress:
        table.add_row("s.4A(1)(b)(ii)", "serious alarm or distress", f"“{s.text}” ({s.start}–{s.end})")
    for s in ev.relationship_spans:
        table.add_row("relationship", ev.relationship or "", f"“{s.text}” ({s.start}–{s.end})")
    for i in ev.identifiers:
        table.add_row("identifier", f"{i.kind}: {i.value}", f"“{i.span.text}” ({i.span.start}–{i.span.end})")
    for x in ev.excluded:
        s = x["span"]
        table.add_row("set aside", x["kind"], f"“{s.text}” ({s.start}–{s.end})")
    console.print(table)
    days = f", over {ev.span_days} days" if ev.span_days is not None else ""
    console.print(
        f"Occasions (estimate): {ev.occasions}{days}; fear of violence on {ev.fear_occasions} occasion(s)."
    )
