"""`fourfold evaluate cases`: labelled course-level cases (a victim's records, as a force holds them) screened
end to end and scored at case level.

A cases file is JSON Lines, one case per line:
    {"case_id", "label": "stalking"|"harassment"|"none", "offence": "PHA 1997 s.2A"|... or null, "why",
     "records": [{"reported_at", "relationship", "recorded_class", "victim": {...}, "suspect": {...}|null,
                  "narrative"}]}
The cases are written out as one records file (design.md §4.2), screened with `fourfold screen`, and each case
is matched to the finding sharing most of its records, as `fourfold evaluate screening` matches true courses.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from fourfold.screening.evaluate import LABELS, Rate, best_matches, confusion_table, read_jsonl
from fourfold.screening.schema import KNOWN_COLUMNS, PERSON_FIELDS

OFFENCES = {"PHA 1997 s.2A", "PHA 1997 s.4A", "PHA 1997 s.2", "PHA 1997 s.4", None}


class CasesError(ValueError):
    """A cases file that cannot be used, with a one-line reason."""


def load_cases(path: Path) -> list[dict[str, Any]]:
    """Read and check a cases file; every problem is reported with its line number."""
    cases: list[dict[str, Any]] = []
    seen: set[str] = set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CasesError(f"cannot read {path}: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CasesError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(case, dict):
            raise CasesError(f"{path}:{number}: a case must be a JSON object")
        case_id = str(case.get("case_id") or "")
        if not case_id or case_id in seen:
            raise CasesError(f"{path}:{number}: missing or duplicate case_id {case_id!r}")
        seen.add(case_id)
        if case.get("label") not in (*LABELS, "none"):
            raise CasesError(f"{path}:{number}: label must be stalking, harassment or none")
        if case.get("offence") not in OFFENCES:
            raise CasesError(f"{path}:{number}: unknown offence {case.get('offence')!r}")
        records = case.get("records")
        if not isinstance(records, list) or not records:
            raise CasesError(f"{path}:{number}: a case needs at least one record")
        for record in records:
            if not isinstance(record, dict) or not str(record.get("narrative") or "").strip():
                raise CasesError(f"{path}:{number}: every record needs a narrative")
            if not record.get("reported_at"):
                raise CasesError(f"{path}:{number}: every record needs reported_at")
        cases.append(case)
    if not cases:
        raise CasesError(f"{path}: no cases")
    return cases


def write_records(cases: list[dict[str, Any]], out: Path) -> dict[str, str]:
    """The cases as one records CSV (design.md §4.2); returns record_id -> case_id."""
    case_of: dict[str, str] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(KNOWN_COLUMNS))
        writer.writeheader()
        for case in cases:
            for n, record in enumerate(case["records"], start=1):
                record_id = f"{case['case_id']}-{n:02d}"
                case_of[record_id] = case["case_id"]
                row: dict[str, Any] = {
                    "record_id": record_id,
                    "reported_at": record["reported_at"],
                    "narrative": record["narrative"],
                    "record_type": "incident",
                    "recorded_class": record.get("recorded_class") or "",
                    "relationship": record.get("relationship") or "",
                }
                for role in ("victim", "suspect"):
                    person = record.get(role) or {}
                    for field in PERSON_FIELDS:
                        value = person.get(field)
                        if value is not None:
                            row[f"{role}_{field}"] = value
                writer.writerow(row)
    return case_of


def score_cases(
    cases: list[dict[str, Any]], findings: list[dict[str, Any]], case_of: dict[str, str]
) -> dict[str, Any]:
    """Each case against the finding sharing most of its records; rates per label and the misread cases."""
    case_records: dict[str, list[str]] = defaultdict(list)
    for rid, cid in case_of.items():
        case_records[cid].append(rid)
    case_ids = [case_records[case["case_id"]] for case in cases]
    rows = []
    for case, ids, j in zip(
        cases, case_ids, best_matches(case_ids, [f["record_ids"] for f in findings]), strict=True
    ):
        finding = findings[j] if j is not None else None
        rec = (finding or {}).get("recommendation") or {}
        rows.append(
            {
                "case_id": case["case_id"],
                "label": case["label"],
                "offence": case.get("offence"),
                "predicted": rec.get("classification") or "unmatched",
                "predicted_offence": rec.get("offence"),
                "records": len(ids),
                "finding_records": len(finding["record_ids"]) if finding else 0,
                "why": case.get("why", ""),
                "rationale": rec.get("rationale", ""),
            }
        )
    result: dict[str, Any] = {"cases": len(cases), "rows": rows}
    for label in LABELS:
        truth = [r for r in rows if r["label"] == label]
        predicted = [r for r in rows if r["predicted"] == label]
        result[label] = {
            "recall": Rate(sum(r["predicted"] == label for r in truth), len(truth)),
            "precision": Rate(sum(r["label"] == label for r in predicted), len(predicted)),
        }
    agreed = [r for r in rows if r["label"] == r["predicted"] and r["label"] != "none" and r["offence"]]
    result["offence"] = Rate(sum(r["offence"] == r["predicted_offence"] for r in agreed), len(agreed))
    result["confusion"] = Counter((r["label"], r["predicted"]) for r in rows)
    return result


def to_markdown(result: dict[str, Any], *, cases_file: str, summary: str) -> str:
    lines = [
        f"## Labelled cases: `{Path(cases_file).name}` (course level, end to end)",
        "",
        f"Regenerate: `fourfold evaluate cases --file {cases_file}` (writes the cases as one records file "
        "and runs `fourfold screen` on it).",
        "",
        f"Run: {summary}",
        "",
        f"Cases: {result['cases']}. Each case is matched to the finding sharing most of its records. "
        "Cells: value (95% Wilson interval; hits/total).",
        "",
        "| Label | Recall | Precision |",
        "|---|---|---|",
    ]
    for label in LABELS:
        lines.append(f"| {label} | {result[label]['recall'].cell()} | {result[label]['precision'].cell()} |")
    lines += [
        "",
        f"Offence (s.2A/s.4A/s.2/s.4) right where the classification is right: {result['offence'].cell()}",
        "",
        *confusion_table(result["confusion"]),
    ]
    wrong = [r for r in result["rows"] if r["label"] != r["predicted"]]
    if wrong:
        lines += ["", "Cases read wrongly (first sentence of the recommendation):", ""]
        for r in wrong:
            first = (r["rationale"] or "no finding").split(". ")[0].strip().rstrip(".")
            lines.append(
                f"- {r['case_id']}: {r['label']} read as {r['predicted']} "
                f"({r['finding_records']} of {r['records']} records in the finding): {first}."
            )
    offence_wrong = [
        r
        for r in result["rows"]
        if r["label"] == r["predicted"] and r["offence"] and r["offence"] != r["predicted_offence"]
    ]
    if offence_wrong:
        lines += ["", "Right classification, other offence:", ""]
        lines += [
            f"- {r['case_id']}: {r['offence']} read as {r['predicted_offence']}." for r in offence_wrong
        ]
    return "\n".join(lines) + "\n"


def run_cases(cases_file: Path, work: Path, *, write_doc: bool = True) -> str:
    """Screen a cases file end to end and return (and optionally write) the markdown section."""
    from rich.console import Console

    from fourfold.screening.pipeline import screen

    cases = load_cases(cases_file)
    records_csv = work / "records.csv"
    case_of = write_records(cases, records_csv)
    result = screen(records_csv, work / "screen", console=Console(stderr=True))
    summary = result.summary_line().replace(str(result.out_dir), "the work directory")
    scored = score_cases(cases, read_jsonl(result.findings_path), case_of)
    try:
        shown = str(Path(cases_file).resolve().relative_to(Path.cwd()))
    except ValueError:
        shown = str(cases_file)
    markdown = to_markdown(scored, cases_file=shown, summary=summary)
    if write_doc:
        from fourfold.accuracy_doc import write_section

        write_section(f"cases:{Path(cases_file).stem}", markdown)
    return markdown
