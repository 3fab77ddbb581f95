"""Example records per scenario for docs/synth.md (generated, synthetic).

Run: .venv/bin/python -m fourfold.synth.examples > /tmp/examples.md
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path

from fourfold.synth.config import SynthConfig
from fourfold.synth.generator import generate

_SHOW = ("record_id", "reported_at", "recorded_class", "relationship", "victim_forename", "victim_surname",
         "suspect_forename", "suspect_surname", "narrative")  # fmt: skip


def examples_markdown(seed: int = 2024, records: int = 6000) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate(SynthConfig(records=records, seed=seed, stalking_rate=0.3, other_course_rate=0.05), out)
        with open(out / "records.csv", newline="", encoding="utf-8") as f:
            rows = {r["record_id"]: r for r in csv.DictReader(f)}
        courses: dict[str, dict] = {}
        with open(out / "truth.jsonl", encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                if obj["type"] == "course" and obj["scenario"] not in courses and len(obj["record_ids"]) <= 5:
                    courses[obj["scenario"]] = obj
    lines: list[str] = []
    for name in sorted(courses):
        c = courses[name]
        lines += [
            f"### `{name}`",
            "",
            f"Truth: label **{c['label']}**, offence {c['offence'] or '—'}, behaviours "
            f"{', '.join(c['behaviours']) or '—'}; cross_record={c['cross_record']}, "
            f"recorded_class_correct={c['recorded_class_correct']}.",
            "",
            "| " + " | ".join(_SHOW) + " |",
            "|" + "---|" * len(_SHOW),
        ]
        for rid in c["record_ids"]:
            r = rows[rid]
            cells = [r[k].replace("|", "/") or "—" for k in _SHOW]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    decoys = [r for r in rows.values() if r["narrative"] and _is_decoy(r["narrative"])][:4]
    if decoys:
        lines += ["### Background and decoy records (no course)", ""]
        lines += [
            f"- `{r['record_id']}` ({r['recorded_class'] or 'incident'}): {r['narrative']}" for r in decoys
        ]
    return "\n".join(lines) + "\n"


def _is_decoy(text: str) -> bool:
    t = text.lower()
    return any(
        k in t for k in ("one off", "single incident", "road rage", "a single angry", "no further contact")
    )


if __name__ == "__main__":
    sys.stdout.write(examples_markdown())
