"""`fourfold evaluate screening`: screen a synthetic force and score the findings against its true courses.

Each finding is matched to the true course sharing most of its records (ties: best Jaccard overlap), and
each true course to the finding sharing most of its records. Stalking and harassment are scored at
course-of-conduct level: recall over true courses (did the best-matching finding carry the true label?)
and precision over findings (does the best-matching true course carry the predicted label?), with 95%
Wilson intervals.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fourfold.stats import wilson_interval

LABELS = ("stalking", "harassment")


@dataclass
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")

    def cell(self) -> str:
        if not self.total:
            return "– (n = 0)"
        low, high = wilson_interval(self.hits, self.total)
        return f"{self.value:.3f} ({low:.3f}–{high:.3f}; {self.hits}/{self.total})"


def run_synth(records: int, seed: int, out_dir: Path) -> tuple[Path, Path]:
    """Run `fourfold synth` (design.md §4.1) in a child process and return (records.csv, truth.jsonl)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "fourfold.cli",
        "synth",
        "--records",
        str(records),
        "--seed",
        str(seed),
        "--out",
        str(out_dir),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"fourfold synth failed: {tail[0]}")
    return out_dir / "records.csv", out_dir / "truth.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _best(candidates: Counter[int], sizes: dict[int, int], own_size: int) -> int | None:
    if not candidates:
        return None
    return max(
        candidates, key=lambda k: (candidates[k], candidates[k] / (sizes[k] + own_size - candidates[k]), -k)
    )


def best_matches(groups: list[list[str]], targets: list[list[str]]) -> list[int | None]:
    """For each group of record ids, the index of the target sharing most of its records (ties: the best
    Jaccard overlap, then the lowest index), or None when it shares none."""
    target_of_record: dict[str, list[int]] = defaultdict(list)
    for k, ids in enumerate(targets):
        for rid in ids:
            target_of_record[rid].append(k)
    sizes = {k: len(ids) for k, ids in enumerate(targets)}
    return [
        _best(Counter(k for rid in ids for k in target_of_record.get(rid, [])), sizes, len(ids))
        for ids in groups
    ]


def score(findings: list[dict[str, Any]], truth: list[dict[str, Any]]) -> dict[Any, Any]:
    """Course-level matching and the rates reported in docs/accuracy.md."""
    courses = [t for t in truth if t.get("type") == "course"]
    course_ids = [c["record_ids"] for c in courses]
    finding_ids = [f["record_ids"] for f in findings]
    best_course = best_matches(finding_ids, course_ids)
    best_finding = best_matches(course_ids, finding_ids)

    def predicted(i: int) -> str:
        j = best_finding[i]
        return "unmatched" if j is None else findings[j]["recommendation"]["classification"]

    result: dict[Any, Any] = {"courses": len(courses), "findings": len(findings)}
    confusion: Counter[tuple[str, str]] = Counter((c["label"], predicted(i)) for i, c in enumerate(courses))
    result["confusion"] = confusion
    for label in LABELS:
        for subset, keep in (
            ("all", lambda c: True),
            ("cross_record", lambda c: bool(c.get("cross_record"))),
        ):
            true_idx = [i for i, c in enumerate(courses) if c["label"] == label and keep(c)]
            recall = Rate(sum(predicted(i) == label for i in true_idx), len(true_idx))
            pred_idx = [j for j, f in enumerate(findings) if f["recommendation"]["classification"] == label]
            if subset == "cross_record":
                pred_idx = [j for j in pred_idx if (k := best_course[j]) is not None and keep(courses[k])]
            precision = Rate(
                sum(
                    best_course[j] is not None and courses[best_course[j]]["label"] == label  # type: ignore[index]
                    for j in pred_idx
                ),
                len(pred_idx),
            )
            result[(label, subset)] = {"recall": recall, "precision": precision}
    mis_idx = [
        i
        for i, c in enumerate(courses)
        if c["label"] == "stalking" and not c.get("recorded_class_correct", True)
    ]
    result["misrecorded_stalking"] = Rate(
        sum(
            predicted(i) == "stalking" and findings[best_finding[i]]["misrecorded"]  # type: ignore[index]
            for i in mis_idx
        ),
        len(mis_idx),
    )
    # Diagnostics: precision of findings that rest on two or more records, and what made single-record
    # findings count as repeated conduct when they match no true course of the label.
    for label in LABELS:
        multi = [
            j
            for j, f in enumerate(findings)
            if f["recommendation"]["classification"] == label
            and len(f.get("assessed_record_ids") or f["record_ids"]) >= 2
        ]
        result[(label, "multi_record_precision")] = Rate(
            sum((k := best_course[j]) is not None and courses[k]["label"] == label for j in multi), len(multi)
        )
        cues: Counter[str] = Counter()
        single_fp = 0
        for j, f in enumerate(findings):
            assessed = f.get("assessed_record_ids") or f["record_ids"]
            k = best_course[j]
            if f["recommendation"]["classification"] != label or len(assessed) != 1:
                continue
            if k is not None and courses[k]["label"] == label:
                continue
            single_fp += 1
            for span in f.get("evidence_spans", []):
                if span["kind"] == "repetition" and span["record_id"] == assessed[0]:
                    cues[span["text"].lower()] += 1
        result[(label, "single_record_fp")] = single_fp
        result[(label, "single_record_fp_cues")] = cues.most_common(8)
    by_scenario: dict[str, Rate] = {}
    for i, course in enumerate(courses):
        key = f"{course.get('scenario')} ({course['label']})"
        rate = by_scenario.setdefault(key, Rate(0, 0))
        rate.total += 1
        rate.hits += int(predicted(i) == course["label"])
    result["by_scenario"] = by_scenario
    return result


def confusion_table(confusion: Counter[tuple[str, str]]) -> list[str]:
    """Markdown rows: true label × recommended classification (with "unmatched" for no finding)."""
    predicted = ("stalking", "harassment", "none", "unmatched")
    lines = ["| True label | " + " | ".join(predicted) + " |", "|---|---|---|---|---|"]
    for true_label in ("stalking", "harassment", "none"):
        row = [str(confusion.get((true_label, p), 0)) for p in predicted]
        lines.append(f"| {true_label} | " + " | ".join(row) + " |")
    return lines


def to_markdown(result: dict[Any, Any], *, records: int, seed: int, backend: str, summary: str) -> str:
    lines = [
        "## Screening (course-of-conduct level)",
        "",
        f"Regenerate: `fourfold evaluate screening --records {records} --seed {seed} --backend {backend}` "
        f"(runs `fourfold synth --records {records} --seed {seed}`, then `fourfold screen`).",
        "",
        f"Run: {summary}",
        "",
        f"True courses: {result['courses']}; findings: {result['findings']}. "
        "A finding is matched to the true "
        "course sharing most records, and a true course to the finding sharing most records. "
        "Cells: value (95% Wilson interval; hits/total).",
        "",
        "| Label | Subset | Recall | Precision |",
        "|---|---|---|---|",
    ]
    for label in LABELS:
        for subset in ("all", "cross_record"):
            cell = result[(label, subset)]
            lines.append(
                f"| {label} | {subset.replace('_', '-')} | {cell['recall'].cell()} | "
                f"{cell['precision'].cell()} |"
            )
    lines += [
        "",
        "What limits precision: a finding resting on one record is a course of conduct only through "
        "repetition stated in its narrative. Screening counts that repetition only when it is explicit and "
        "about the suspect's conduct (a count, \u201crepeatedly\u201d, a period, or earlier occasions, in "
        "the sentence of an act of the suspect; not \u201cEnquiries ongoing\u201d or \u201canother "
        "house\u201d), and reads repetition the record confines to one episode (\u201c40 times on one "
        "night\u201d) as one occasion (`fourfold.screening.occasions`; docs/screening.md). In synth no true "
        "course has fewer than two records, so a single-record finding that matches no true course is a "
        "false positive. Records of an unknown suspect are assessed together only when a shared phone, "
        "e-mail, handle or vehicle links them; a record whose narrative names the victim's known suspect by "
        "surname is attached to that suspect, and one describing an act aimed at the victim is presumed to "
        "be the victim's only known suspect's then. Check another seed with `--seed 23 --no-write-doc`.",
        "",
    ]
    for label in LABELS:
        top_cues = result[(label, "single_record_fp_cues")]
        cues = ", ".join(f"“{text}” ({n})" for text, n in top_cues) or "none"
        lines.append(
            f"- {label}: precision of findings resting on two or more records "
            f"{result[(label, 'multi_record_precision')].cell()}; {result[(label, 'single_record_fp')]} "
            "false positives rest on one record whose narrative was read as repeated conduct "
            f"(repetition words: {cues})."
        )
    lines += [
        "",
        f"Recall of misrecorded stalking (true stalking recorded under another class, found as stalking and "
        f"flagged misrecorded): {result['misrecorded_stalking'].cell()}",
        "",
        "Cross-record: courses where no single record looks like stalking; precision on that subset counts "
        "findings whose best-matching true course is cross-record.",
        "",
        "### True label × recommended classification",
        "",
        *confusion_table(result["confusion"]),
    ]
    lines += [
        "",
        "### Correct classification by synthetic scenario",
        "",
        "| Scenario (true label) | Correct |",
        "|---|---|",
    ]
    for key, rate in sorted(result["by_scenario"].items()):
        lines.append(f"| {key} | {rate.cell()} |")
    return "\n".join(lines) + "\n"


def run_evaluation(
    *,
    records: int,
    seed: int,
    work: Path,
    backend: str = "duckdb",
    write_doc: bool = True,
    reuse: bool = False,
) -> str:
    """Synthesise, screen and score (or, with reuse, re-score the last run in `work`); return the markdown."""
    from rich.console import Console

    from fourfold.screening.pipeline import screen

    summary_path = work / "screen" / "summary.txt"
    if reuse and summary_path.exists():
        truth_path, findings_path = work / "synth" / "truth.jsonl", work / "screen" / "findings.jsonl"
        summary = summary_path.read_text(encoding="utf-8").strip()
    else:
        records_csv, truth_path = run_synth(records, seed, work / "synth")
        result = screen(records_csv, work / "screen", backend=backend, console=Console(stderr=True))
        findings_path = result.findings_path
        summary = result.summary_line().replace(str(result.out_dir), "the work directory")
        summary_path.write_text(summary + "\n", encoding="utf-8")
    scored = score(read_jsonl(findings_path), read_jsonl(truth_path))
    markdown = to_markdown(scored, records=records, seed=seed, backend=backend, summary=summary)
    if write_doc:
        from fourfold.accuracy_doc import write_section

        write_section("screening", markdown)
    return markdown
