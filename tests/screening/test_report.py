"""report.html: self-contained, no external resources, headline numbers, highlighted evidence."""

from __future__ import annotations

import re
from pathlib import Path

from fourfold.screening.ingest import IngestResult
from fourfold.screening.report import ReportStats, highlight, render_report, timeline_svg

EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I
)


def _finding(i: int, cls: str, priority: float, misrecorded: bool) -> dict:
    return {
        "finding_id": f"F-{i}",
        "victim_id": f"V{i}",
        "suspect_id": f"S{i}",
        "record_ids": [f"R{i}a", f"R{i}b"],
        "possible_record_ids": [],
        "first_date": "2024-01-02",
        "last_date": "2024-03-04",
        "occasions": 3,
        "behaviours": [{"behaviour": "following", "record_id": f"R{i}a", "evidence": "followed"}],
        "four": {},
        "s4a": {},
        "relationship": "ex_partner",
        "recorded_classes": ["8R", ""],
        "recommendation": {
            "classification": cls,
            "offence": "PHA 1997 s.2A",
            "hocr_class": "8Q",
            "ho_offence_code": "195/12",
            "regime": "r2023",
            "rationale": "Because <script>.",
        },
        "misrecorded": misrecorded,
        "risk_flags": ["ex_partner"],
        "priority": priority,
        "priority_reasons": ["ex-partner"],
        "timeline": [
            {"record_id": f"R{i}a", "date": "2024-01-02", "recorded_class": "8R"},
            {"record_id": f"R{i}b", "date": "2024-03-04", "recorded_class": None},
        ],
        "evidence_spans": [
            {
                "record_id": f"R{i}a",
                "kind": "behaviour",
                "label": "following",
                "start": 3,
                "end": 11,
                "text": "followed",
            }
        ],
    }


def test_report_is_self_contained_and_shows_headline_numbers(tmp_path: Path) -> None:
    stats = ReportStats()
    for i in range(30):
        stats.add(_finding(i, ["stalking", "harassment", "none"][i % 3], i / 30, i % 2 == 0))
    ingest = IngestResult(
        input_format="csv", rows_in=65, rows_valid=60, rows_quarantined=5, reasons={"bad date": 5}
    )
    path = render_report(
        tmp_path / "report.html",
        stats=stats,
        ingest=ingest,
        narratives={"R28a": "He followed me <b>home</b>."},
        source_name="x.csv",
        backend="duckdb",
    )
    html = path.read_text()
    assert not EXTERNAL.search(html)
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "@media print" in html
    assert html.count('class="finding"') == 20
    assert "<svg" in html and "bad date" in html
    assert "He <mark" in html and "&lt;b&gt;home&lt;/b&gt;" in html
    assert "Because &lt;script&gt;." in html


def test_top_findings_rank_misrecorded_first() -> None:
    stats = ReportStats()
    stats.add(_finding(1, "stalking", 0.9, False))
    stats.add(_finding(2, "stalking", 0.2, True))
    stats.add(_finding(3, "none", 1.0, True))
    assert [f["finding_id"] for f in stats.top()] == ["F-2", "F-1"]
    assert stats.by_class["none"] == 1 and stats.misrecorded == 2


def test_highlight_escapes_and_skips_overlaps() -> None:
    spans = [
        {"start": 0, "end": 2, "kind": "behaviour", "label": "x"},
        {"start": 1, "end": 3, "kind": "four", "label": "y"},
    ]
    out = str(highlight("<a>b", spans))
    assert out.startswith('<mark class="behaviour" title="x">&lt;a')
    assert out.count("<mark") == 1


def test_timeline_has_a_dot_per_record() -> None:
    import datetime as dt

    svg = str(timeline_svg([dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 2, 1)]))
    assert svg.count("<circle") == 3
