"""Accuracy of the narrative analysis on labelled cases (data/dev/*.jsonl) -> docs/accuracy.md "narrative".

Each case: {"id", "text", "behaviours": [...], "four": [...], "s4a": [...], "relationship": str|null}.
Precision and recall are counted per label over cases (a case counts once per label), with 95% Wilson
intervals from fourfold.stats.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fourfold.narrative.evidence import FOUR_ELEMENTS, NarrativeEvidence
from fourfold.stats import precision_recall

DATA_DIR = Path(__file__).resolve().parents[3] / "data" / "dev"
BEHAVIOUR_IDS = (
    "following",
    "contacting",
    "publishing_material",
    "monitoring_online",
    "loitering",
    "interfering_property",
    "watching_spying",
    "turning_up_home",
    "turning_up_work",
    "gifts",
    "threats",
    "violence",
    "third_party_contact",
    "fake_accounts",
    "tracking_device",
    "breach_of_order",
)
S4A_LIMBS = ("fear_of_violence", "serious_alarm_distress")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1


@dataclass
class Report:
    name: str
    cases: int = 0
    behaviours: dict[str, Tally] = field(default_factory=lambda: {b: Tally() for b in BEHAVIOUR_IDS})
    four: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in FOUR_ELEMENTS})
    s4a: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in S4A_LIMBS})
    relationship_correct: int = 0
    relationship_labelled: int = 0
    exact_behaviour_sets: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def micro(self, table: dict[str, Tally]) -> dict[str, Any]:
        return precision_recall(
            sum(t.tp for t in table.values()),
            sum(t.fp for t in table.values()),
            sum(t.fn for t in table.values()),
        )


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name} line {n}: not valid JSON ({exc.msg})") from exc
    return cases


def score(name: str, cases: list[dict[str, Any]], evidence: list[NarrativeEvidence]) -> Report:
    rep = Report(name)
    for case, ev in zip(cases, evidence, strict=True):
        rep.cases += 1
        got_b, want_b = ev.behaviour_ids, set(case.get("behaviours", []))
        for b in BEHAVIOUR_IDS:
            rep.behaviours[b].add(b in got_b, b in want_b)
        got_f, want_f = ev.four_present, set(case.get("four", []))
        for k in FOUR_ELEMENTS:
            rep.four[k].add(k in got_f, k in want_f)
        got_s = {k for k in S4A_LIMBS if getattr(ev, k)}
        want_s = set(case.get("s4a", []))
        for k in S4A_LIMBS:
            rep.s4a[k].add(k in got_s, k in want_s)
        if case.get("relationship"):
            rep.relationship_labelled += 1
            rep.relationship_correct += int(ev.relationship == case["relationship"])
        rep.exact_behaviour_sets += int(got_b == want_b)
        if got_b != want_b or got_f != want_f or got_s != want_s:
            rep.errors.append(
                {
                    "id": case.get("id"),
                    "text": case["text"],
                    "behaviours": {"missed": sorted(want_b - got_b), "extra": sorted(got_b - want_b)},
                    "four": {"missed": sorted(want_f - got_f), "extra": sorted(got_f - want_f)},
                    "s4a": {"missed": sorted(want_s - got_s), "extra": sorted(got_s - want_s)},
                }
            )
    return rep


def evaluate_file(path: Path) -> Report:
    from fourfold.narrative import analyse_many

    cases = load_cases(path)
    evidence = list(analyse_many([c["text"] for c in cases]))
    return score(path.stem, cases, evidence)


def _fmt(pr: dict[str, Any], which: str) -> str:
    tp, fp, fn = pr["tp"], pr["fp"], pr["fn"]
    denom = tp + fp if which == "precision" else tp + fn
    if not denom:
        return "–"
    lo, hi = pr[f"{which}_ci"]
    return f"{pr[which]:.2f} ({lo:.2f}–{hi:.2f})"


def _table(title: str, reports: list[Report], attr: str) -> list[str]:
    head = (
        "| "
        + title
        + " | "
        + " | ".join(f"{r.name} P (95% CI) | {r.name} R (95% CI) | n" for r in reports)
        + " |"
    )
    lines = [head, "|---|" + "---|---|---|" * len(reports)]
    labels = list(getattr(reports[0], attr))
    for label in [*labels, "all (micro)"]:
        cells = []
        for r in reports:
            table = getattr(r, attr)
            pr = (
                r.micro(table)
                if label == "all (micro)"
                else precision_recall(table[label].tp, table[label].fp, table[label].fn)
            )
            cells.append(f"{_fmt(pr, 'precision')} | {_fmt(pr, 'recall')} | {pr['tp'] + pr['fn']}")
        name = f"**{label}**" if label == "all (micro)" else f"`{label}`"
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def markdown(reports: list[Report], course_level: dict[str, Any] | None = None) -> str:
    lines = [
        "## Narrative analysis",
        "",
        "Regenerate with `fourfold evaluate narrative`. Cases are synthetic narratives written by hand in",
        "`data/dev/`: **dev** (`dev.jsonl`, built by `data/dev/build_dev.py` from `dev_base.jsonl`: each",
        "plain-English case plus the same case in police-log style) was used to develop the patterns;",
        "**dev_styles** (`dev_styles.jsonl`: case-summary and court prose, first-person accounts, news-style",
        "summaries, inspection vignettes, online-only cases and decoys) was written for the third tuning",
        "pass and tuned on too, so its figures are development figures, not estimates;",
        "**heldout** (`heldout.jsonl`, different wording, mixed styles) was written before any tuning",
        "and never tuned on; **heldout2** (`heldout2.jsonl`, styles the other sets lack: first-person victim",
        "statements, CPS case-summary prose, call-handler logs, ISAC/IDVA referral notes, online-only cases",
        "and decoys) was written later, also before the changes it measures, and is never tuned on either.",
        "The two held-out sets give the honest figures (history in `data/dev/README.md`). P = precision,",
        "R = recall, counted per case and label; n = cases with the label.",
        "",
        "| set | cases | exact behaviour set | relationship correct (of labelled) |",
        "|---|---|---|---|",
    ]
    for r in reports:
        lines.append(
            f"| {r.name} | {r.cases} | {r.exact_behaviour_sets}/{r.cases} | "
            f"{r.relationship_correct}/{r.relationship_labelled} |"
        )
    lines += ["", "### Behaviours (design.md §4.3 ids)", ""]
    lines += _table("behaviour", reports, "behaviours")
    lines += ["", "### FOUR elements", ""]
    lines += _table("element", reports, "four")
    lines += ["", "### s.4A PHA 1997 limbs", ""]
    lines += _table("limb", reports, "s4a")
    if course_level:
        lines += ["", "### Course level on `fourfold synth` output", "", course_level["text"]]
    return "\n".join(lines) + "\n"
