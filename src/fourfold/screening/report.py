"""report.html: one self-contained page (inline SVG charts and CSS, no external resources) that prints."""

from __future__ import annotations

import datetime as dt
import heapq
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

TOP_FINDINGS = 20
CLASSIFICATIONS = ("stalking", "harassment", "none")


@dataclass
class ReportStats:
    """Aggregates built while findings stream past, so the report never needs all findings in memory."""

    findings: int = 0
    by_class: Counter[str] = field(default_factory=Counter)
    misrecorded_by_class: Counter[str] = field(default_factory=Counter)
    by_month_regime: Counter[tuple[str, str]] = field(default_factory=Counter)
    behaviours: Counter[str] = field(default_factory=Counter)
    priorities: list[int] = field(default_factory=lambda: [0] * 10)
    risk_flags: Counter[str] = field(default_factory=Counter)
    records_in_findings: int = 0
    _top: list[tuple[float, int, dict[str, Any]]] = field(default_factory=list)
    _seq: int = 0

    def add(self, finding: dict[str, Any]) -> None:
        self.findings += 1
        rec = finding["recommendation"]
        cls = rec.get("classification") or "none"
        self.by_class[cls] += 1
        self.records_in_findings += len(finding["record_ids"])
        if finding.get("misrecorded"):
            self.misrecorded_by_class[cls] += 1
        if cls == "none":
            return
        self.by_month_regime[(finding["last_date"][:7], str(rec.get("regime") or "unknown"))] += 1
        for behaviour in {b["behaviour"] for b in finding["behaviours"]}:
            self.behaviours[behaviour] += 1
        for flag in finding.get("risk_flags", []):
            self.risk_flags[flag] += 1
        bucket = min(9, max(0, int(float(finding["priority"]) * 10)))
        self.priorities[bucket] += 1
        self._seq += 1
        key = (float(finding["priority"]) + (1.0 if finding.get("misrecorded") else 0.0), -self._seq, finding)
        if len(self._top) < TOP_FINDINGS:
            heapq.heappush(self._top, key)
        else:
            heapq.heappushpop(self._top, key)

    def top(self) -> list[dict[str, Any]]:
        return [item[2] for item in sorted(self._top, key=lambda k: (k[0], k[1]), reverse=True)]

    @property
    def misrecorded(self) -> int:
        return sum(self.misrecorded_by_class.values())


# --- charts ---

_SVG_CLEAN = [
    (re.compile(r"<\?xml[^>]*\?>\s*"), ""),
    (re.compile(r"<!DOCTYPE[^>]*>\s*", re.DOTALL), ""),
    (re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL), ""),
    (re.compile(r'\s+xmlns(:\w+)?="[^"]*"'), ""),
]


def _svg(fig: Any) -> Markup:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    for pattern, replacement in _SVG_CLEAN:
        text = pattern.sub(replacement, text)
    text = text.replace("<svg ", '<svg role="img" ', 1)
    return Markup(text)


def _month_range(first: str, last: str) -> list[str]:
    """Every month from first to last inclusive ("YYYY-MM"), so quiet months show as gaps, not disappear."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _charts(stats: ReportStats) -> dict[str, Markup | None]:
    # The Figure API without pyplot: no GUI backend, and a much cheaper import.
    import matplotlib
    from matplotlib.figure import Figure

    def subplots(figsize: tuple[float, float]) -> tuple[Any, Any]:
        fig = Figure(figsize=figsize)
        return fig, fig.subplots()

    matplotlib.rcParams.update({"svg.fonttype": "none", "font.size": 9, "font.family": "sans-serif"})
    charts: dict[str, Markup | None] = {"months": None, "behaviours": None, "priority": None}
    if stats.by_month_regime:
        seen = sorted({m for m, _r in stats.by_month_regime})
        months = _month_range(seen[0], seen[-1])
        regimes = sorted({r for _m, r in stats.by_month_regime})
        fig, ax = subplots((8, 3))
        bottom = [0] * len(months)
        for regime in regimes:
            values = [stats.by_month_regime.get((m, regime), 0) for m in months]
            ax.bar(range(len(months)), values, bottom=bottom, label=regime)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        step = max(1, len(months) // 12)
        ax.set_xticks(
            range(0, len(months), step),
            [months[i] for i in range(0, len(months), step)],
            rotation=45,
            ha="right",
        )
        ax.set_ylabel("findings")
        ax.set_title("Stalking and harassment findings by month of latest record, by counting-rule regime")
        ax.legend(fontsize=7, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        charts["months"] = _svg(fig)
    if stats.behaviours:
        items = stats.behaviours.most_common()
        fig, ax = subplots((8, 0.3 * len(items) + 0.8))
        ax.barh(
            [b.replace("_", " ") for b, _n in reversed(items)],
            [n for _b, n in reversed(items)],
            color="#1d70b8",
        )
        ax.set_xlabel("findings showing the behaviour")
        ax.set_title("Behaviours in stalking and harassment findings")
        ax.spines[["top", "right"]].set_visible(False)
        charts["behaviours"] = _svg(fig)
    if sum(stats.priorities):
        fig, ax = subplots((8, 2.6))
        labels = [f"{i / 10:.1f}–{(i + 1) / 10:.1f}" for i in range(10)]
        ax.bar(labels, stats.priorities, color="#d4351c")
        ax.set_xlabel("priority")
        ax.set_ylabel("findings")
        ax.set_title("Priority of stalking and harassment findings")
        ax.spines[["top", "right"]].set_visible(False)
        charts["priority"] = _svg(fig)
    return charts


def timeline_svg(dates: list[dt.date], width: int = 640, height: int = 36) -> Markup:
    """A small inline SVG: one dot per record on a time axis."""
    if not dates:
        return Markup("")
    first, last = min(dates), max(dates)
    span = max(1, (last - first).days)
    pad = 12
    dots = []
    for day in dates:
        x = pad + (width - 2 * pad) * (day - first).days / span
        dots.append(
            f'<circle cx="{x:.1f}" cy="14" r="5" fill="#d4351c"><title>{day.isoformat()}</title></circle>'
        )
    return Markup(
        f'<svg role="img" aria-label="records from {first} to {last}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f'<line x1="{pad}" y1="14" x2="{width - pad}" y2="14" stroke="#505a5f"/>'
        + "".join(dots)
        + f'<text x="{pad}" y="33" font-size="10">{first.isoformat()}</text>'
        f'<text x="{width - pad}" y="33" font-size="10" text-anchor="end">{last.isoformat()}</text></svg>'
    )


def highlight(text: str, spans: list[dict[str, Any]]) -> Markup:
    """The narrative with evidence spans wrapped in <mark>, escaping everything else."""
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = int(span["start"]), int(span["end"])
        if start < position or start >= end or end > len(text):
            continue
        pieces.append(escape(text[position:start]))
        label = escape(str(span["label"]).replace("_", " "))
        pieces.append(
            f'<mark class="{escape(span["kind"])}" title="{label}">{escape(text[start:end])}'
            f"<sup>{label}</sup></mark>"
        )
        position = end
    pieces.append(escape(text[position:]))
    return Markup("".join(pieces))


def render_report(
    path: Path,
    *,
    stats: ReportStats,
    ingest: Any,
    narratives: dict[str, str],
    source_name: str,
    backend: str,
    generated_at: dt.datetime | None = None,
) -> Path:
    env = Environment(
        loader=PackageLoader("fourfold.screening", "templates"), autoescape=select_autoescape(["html", "j2"])
    )
    top = []
    for finding in stats.top():
        records = []
        for entry in finding["timeline"]:
            rid = entry["record_id"]
            spans = [s for s in finding["evidence_spans"] if s["record_id"] == rid]
            text = narratives.get(rid, "")
            records.append({**entry, "narrative": highlight(text, spans) if text else ""})
        top.append(
            {
                **finding,
                "timeline_svg": timeline_svg([dt.date.fromisoformat(e["date"]) for e in finding["timeline"]]),
                "records": records,
                "behaviour_names": sorted({b["behaviour"].replace("_", " ") for b in finding["behaviours"]}),
            }
        )
    relevant = stats.by_class["stalking"] + stats.by_class["harassment"]
    misrecorded_relevant = stats.misrecorded_by_class["stalking"] + stats.misrecorded_by_class["harassment"]
    html = env.get_template("report.html.j2").render(
        source_name=source_name,
        backend=backend,
        generated_at=(generated_at or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        ingest=ingest,
        stats=stats,
        classifications=CLASSIFICATIONS,
        misrecorded_share=(misrecorded_relevant / relevant) if relevant else 0.0,
        misrecorded_relevant=misrecorded_relevant,
        relevant=relevant,
        charts=_charts(stats),
        top=top,
    )
    path.write_text(html, encoding="utf-8")
    return path
