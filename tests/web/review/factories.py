"""Synthetic screening output (findings.jsonl + records.csv) for the review tests. Invented people only."""

from __future__ import annotations

import csv
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FORENAMES = ["Avery", "Blake", "Casey", "Dale", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan"]
SURNAMES = [
    "Ashdown",
    "Brightwell",
    "Coldharbour",
    "Dunmere",
    "Eastwick",
    "Fernleigh",
    "Greystoke",
    "Hollowell",
]
RELATIONSHIPS = ["ex_partner", "acquaintance", "neighbour", "stranger", "colleague", "online_only", "family"]
FLAGS = ["threats_to_kill", "breach_of_order", "escalation", "suspect_other_victims", "violence"]
PHRASES = [
    ("following", "followed her home from the station"),
    ("contacting", "sent 40 text messages overnight"),
    ("loitering", "was waiting outside her house again"),
    ("monitoring_online", "has been checking her social media"),
    ("threats", "said he would hurt her if she did not answer"),
]

RECORD_COLUMNS = [
    "record_id",
    "reported_at",
    "record_type",
    "recorded_class",
    "offence_code",
    "relationship",
    "narrative",
    "victim_ref",
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_address",
    "victim_postcode",
    "victim_phone",
    "victim_email",
    "suspect_ref",
    "suspect_forename",
    "suspect_surname",
]


def make_finding(
    index: int,
    rng: random.Random,
    *,
    classification: str | None = None,
    recorded_class: str | None = None,
    suspect: str | None = "auto",
    victim: str | None = None,
    start: date | None = None,
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """One finding and its records. The victim's address appears in one narrative (to test masking)."""
    victim_id = victim or f"P-V{index:06d}"
    suspect_id = f"P-S{index:06d}" if suspect == "auto" else suspect
    classification = classification or rng.choice(["stalking", "stalking", "harassment", "none"])
    recorded = recorded_class if recorded_class is not None else rng.choice(["8L", "", "8Q", "8L"])
    start = start or date(2024, 1, 1) + timedelta(days=rng.randrange(0, 600))
    n = rng.randint(2, 4)
    address = f"{rng.randint(1, 99)} Imaginary Lane, Nowhereton"
    records, spans, behaviours = [], [], []
    record_ids = []
    for k in range(n):
        rid = f"R{index:06d}-{k}"
        record_ids.append(rid)
        label, phrase = PHRASES[(index + k) % len(PHRASES)]
        narrative = f"IP reports that the suspect {phrase}. IP is frightened."
        if k == 0:
            narrative += f" IP lives at {address}."
        at = narrative.index(phrase)
        spans.append(
            {
                "record_id": rid,
                "kind": "behaviour",
                "label": label,
                "start": at,
                "end": at + len(phrase),
                "text": phrase,
            }
        )
        behaviours.append({"behaviour": label, "record_id": rid, "evidence": phrase})
        fr = narrative.index("frightened")
        spans.append(
            {
                "record_id": rid,
                "kind": "four",
                "label": "unwanted",
                "start": fr,
                "end": fr + 10,
                "text": "frightened",
            }
        )
        records.append(
            {
                "record_id": rid,
                "reported_at": (start + timedelta(days=7 * k)).isoformat(),
                "record_type": "crime" if recorded else "incident",
                "recorded_class": recorded,
                "offence_code": "",
                "relationship": "",
                "narrative": narrative,
                "victim_ref": victim_id,
                "victim_forename": FORENAMES[index % len(FORENAMES)],
                "victim_surname": SURNAMES[index % len(SURNAMES)],
                "victim_dob": "1990-01-01",
                "victim_address": address,
                "victim_postcode": "ZZ9 9ZZ",
                "victim_phone": "07700 900123",
                "victim_email": f"victim{index}@example.invalid",
                "suspect_ref": suspect_id or "",
                "suspect_forename": "Morgan" if suspect_id else "",
                "suspect_surname": SURNAMES[(index + 3) % len(SURNAMES)] if suspect_id else "",
            }
        )
    offence = {"stalking": "PHA 1997 s.2A", "harassment": "PHA 1997 s.2", "none": None}[classification]
    hocr = {"stalking": "8Q", "harassment": "8L", "none": None}[classification]
    flags = sorted(rng.sample(FLAGS, rng.randint(0, 2)))
    finding = {
        "finding_id": f"F-{index:06d}",
        "victim_id": victim_id,
        "suspect_id": suspect_id,
        "record_ids": record_ids,
        "possible_record_ids": [],
        "first_date": records[0]["reported_at"],
        "last_date": records[-1]["reported_at"],
        "occasions": n,
        "behaviours": behaviours,
        "four": {
            "fixated": {"present": False, "evidence": []},
            "obsessive": {"present": index % 2 == 0, "evidence": []},
            "unwanted": {
                "present": True,
                "evidence": [{"record_id": record_ids[0], "evidence": "frightened"}],
            },
            "repeated": {"present": True, "evidence": []},
        },
        "s4a": {"fear_of_violence": False, "serious_alarm_distress": False, "evidence": []},
        "relationship": RELATIONSHIPS[index % len(RELATIONSHIPS)],
        "recorded_classes": [recorded] * n if recorded else [],
        "recommendation": {
            "classification": classification,
            "offence": offence,
            "hocr_class": hocr,
            "ho_offence_code": "195/12" if classification == "stalking" else None,
            "regime": "HOCR 2023: principal crime",
            "rationale": f"Synthetic rationale for finding {index}.",
        },
        "misrecorded": bool(hocr and hocr != recorded),
        "risk_flags": flags,
        "priority": round(rng.random(), 4),
        "priority_reasons": [f"{n} records"],
        "timeline": [
            {"record_id": r["record_id"], "date": r["reported_at"], "recorded_class": r["recorded_class"]}
            for r in records
        ],
        "evidence_spans": spans,
    }
    return finding, records


def write_run(
    directory: Path,
    findings: list[dict[str, Any]],
    records: list[dict[str, str]] | None,
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "findings.jsonl").open("w", encoding="utf-8") as out:
        for finding in findings:
            out.write(json.dumps(finding) + "\n")
    if records is not None:
        with (directory / "records.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=RECORD_COLUMNS)
            writer.writeheader()
            writer.writerows(records)
    return directory


def build_run(
    directory: Path, count: int = 30, seed: int = 7, with_records: bool = True
) -> tuple[Path, list[dict[str, Any]]]:
    rng = random.Random(seed)
    findings, records = [], []
    for index in range(count):
        finding, recs = make_finding(index, rng)
        findings.append(finding)
        records.extend(recs)
    return write_run(directory, findings, records if with_records else None), findings
