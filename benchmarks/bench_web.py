"""Web benchmark: load N synthetic findings into PostgreSQL, then time the queue and finding pages.

    .venv/bin/python benchmarks/bench_web.py                      # 100,000 findings on PostgreSQL
    .venv/bin/python benchmarks/bench_web.py --findings 5000 --database-url sqlite:///var/bench.sqlite3

It creates (and afterwards keeps) a separate database, `fourfold_bench` by default, so it never touches the
demo's or the tests' data. Requests go through Django's full middleware stack (sessions, CSRF, sign-in, CSP,
audit) with its in-process test client: the figures are server time per page, without a network hop.
Prints p50/p95/max per page and merges its figures into benchmarks/results/web.json under the key
"review:<database>:<findings>". With --audit-entries N it also times appending N audit entries and
verifying the hash chain (keys "<database>:<N>", the audit trail's own figures), on the same database.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "web.json"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/fourfold_bench"

BEHAVIOURS = [
    ("following", "followed her from the bus stop to her front door"),
    ("contacting", "sent more than 30 messages overnight asking to meet"),
    ("loitering", "was seen waiting outside her workplace again"),
    ("monitoring_online", "has been logging into her social media accounts"),
    ("turning_up_home", "turned up at her home address uninvited"),
    ("threats", "said she would regret ignoring him"),
    ("gifts", "left flowers and a card on her car"),
]
FLAGS = [
    "threats_to_kill",
    "breach_of_order",
    "escalation",
    "suspect_other_victims",
    "violence",
    "ex_partner",
]
RELATIONSHIPS = ["ex_partner", "acquaintance", "neighbour", "stranger", "colleague", "online_only", "family"]


def synthetic_run(directory: Path, count: int, seed: int) -> None:
    """findings.jsonl + records.csv for `count` invented victim-suspect pairs (about 3 records each)."""
    import csv

    rng = random.Random(seed)
    suspects = max(1, int(count * 0.8))  # some suspects have several victims
    with (
        (directory / "findings.jsonl").open("w") as out,
        (directory / "records.csv").open("w", newline="") as rec,
    ):
        writer = csv.writer(rec)
        writer.writerow(
            [
                "record_id",
                "reported_at",
                "record_type",
                "recorded_class",
                "narrative",
                "victim_forename",
                "victim_surname",
                "victim_address",
                "victim_postcode",
                "victim_phone",
                "suspect_forename",
                "suspect_surname",
            ]
        )
        for i in range(count):
            n = rng.randint(2, 5)
            start = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 1000))
            recorded = rng.choice(["8L", "", "8Q", "8L", "58A"])
            classification = rng.choice(["stalking", "stalking", "harassment", "none"])
            record_ids, spans, behaviours = [], [], []
            for k in range(n):
                rid = f"B{i:07d}-{k}"
                label, phrase = BEHAVIOURS[(i + k) % len(BEHAVIOURS)]
                narrative = (
                    f"Caller reports that the suspect {phrase}. Victim states this is unwanted and she is "
                    f"frightened to leave the house. Words of advice given previously. Officer attended "
                    f"and took details; CAD ref {i}-{k}."
                )
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
                record_ids.append(rid)
                writer.writerow(
                    [
                        rid,
                        (start + timedelta(days=9 * k)).isoformat(),
                        "crime",
                        recorded,
                        narrative,
                        "Vicky",
                        f"Testvictim{i}",
                        f"{i % 300} Example Road",
                        "ZZ1 1ZZ",
                        "07700 900000",
                        "Sam",
                        f"Testsuspect{i % suspects}",
                    ]
                )
            finding = {
                "finding_id": f"FB-{i:07d}",
                "victim_id": f"V{i:07d}",
                "suspect_id": f"S{i % suspects:07d}" if rng.random() > 0.05 else None,
                "record_ids": record_ids,
                "possible_record_ids": [],
                "first_date": start.isoformat(),
                "last_date": (start + timedelta(days=9 * (n - 1))).isoformat(),
                "occasions": n + rng.randint(0, 5),
                "behaviours": behaviours,
                "four": {
                    e: {"present": rng.random() > 0.4, "evidence": []}
                    for e in ("fixated", "obsessive", "unwanted", "repeated")
                },
                "s4a": {
                    "fear_of_violence": rng.random() > 0.7,
                    "serious_alarm_distress": rng.random() > 0.6,
                    "evidence": [],
                },
                "relationship": rng.choice(RELATIONSHIPS),
                "recorded_classes": [recorded] * n,
                "recommendation": {
                    "classification": classification,
                    "offence": None,
                    "hocr_class": None,
                    "ho_offence_code": None,
                    "regime": "synthetic",
                    "rationale": "Synthetic.",
                },
                "misrecorded": rng.random() > 0.5,
                "risk_flags": sorted(rng.sample(FLAGS, rng.randint(0, 3))),
                "priority": round(rng.random(), 4),
                "priority_reasons": ["synthetic"],
                "evidence_spans": spans,
            }
            out.write(json.dumps(finding) + "\n")


def prepare_database(url: str) -> None:
    """Start from an empty benchmark database."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]

    return {
        "p50_ms": round(pct(0.5), 1),
        "p95_ms": round(pct(0.95), 1),
        "max_ms": round(ordered[-1], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
        "n": len(ordered),
    }


def audit_figures(entries: int, vendor: str) -> dict[str, Any]:
    """Append audit entries one by one (each a locked, hash-chained insert), then verify the chain."""
    from fourfold.web.audit.services import record_audit, verify_chain

    t0 = time.perf_counter()
    for i in range(entries):
        record_audit(user=None, action="bench.append", object_type="bench", object_id=str(i))
    append = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = verify_chain()
    verify = time.perf_counter() - t0
    total = getattr(report, "checked", None) or getattr(report, "count", None) or entries
    print(f"audit: {entries} appends in {append:.1f} s; verify {total} entries in {verify:.2f} s")
    return {
        "database": vendor,
        "entries": entries,
        "append_seconds": round(append, 3),
        "appends_per_second": round(entries / append, 1),
        "verify_seconds": round(verify, 3),
        "verified_per_second": round(total / verify, 1),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
    }


def load_synthetic(count: int, seed: int) -> tuple[float, float]:
    from fourfold.web.review.loading import load_run

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        synthetic_run(Path(tmp), count, seed)
        generated = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = load_run(Path(tmp))
        load_seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        reload = load_run(Path(tmp))
        reload_seconds = time.perf_counter() - t0
    print(
        f"generated {count} findings in {generated:.1f} s; loaded in {load_seconds:.1f} s "
        f"({result.created} created, {result.records} records); same run again: {reload_seconds:.2f} s "
        f"(already loaded: {reload.already_loaded})"
    )
    return load_seconds, reload_seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page kind")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the pages on the findings already in the database (no reload)",
    )
    parser.add_argument("--audit-entries", type=int, default=0, help="also time N audit appends and a verify")
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fourfold.web.settings")
    if not args.reuse:
        prepare_database(args.database_url)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from fourfold.web.review.models import Finding

    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    load_seconds = reload_seconds = None
    if args.reuse:
        print(f"reusing the {Finding.objects.count()} findings already in {connection.settings_dict['NAME']}")
    else:
        load_seconds, reload_seconds = load_synthetic(args.findings, args.seed)

    user, _ = get_user_model().objects.get_or_create(username="bench-analyst")
    user.groups.add(Group.objects.get(name="analyst"))
    client = Client()
    client.force_login(user)
    rng = random.Random(args.seed)
    ids = list(Finding.objects.values_list("finding_id", flat=True)[:200_000])
    pages = max(1, Finding.objects.count() // 50)
    scenarios: dict[str, list[tuple[str, dict[str, Any]]]] = {
        "queue: default (priority)": [("/review/", {})],
        "queue: stalking + misrecorded": [("/review/", {"classification": "stalking", "misrecorded": "yes"})],
        "queue: risk flag": [("/review/", {"risk_flags": rng.choice(FLAGS)}) for _ in range(5)],
        "queue: relationship + dates": [
            ("/review/", {"relationship": "ex_partner", "date_from": "2023-01-01", "date_to": "2023-12-31"})
        ],
        "queue: decision status + priority band": [
            ("/review/", {"decision_status": "undecided", "priority": "high"})
        ],
        "queue: sorted by last record, deep page": [
            ("/review/", {"sort": "last_date", "order": "asc", "page": rng.randrange(1, pages + 1)})
            for _ in range(5)
        ],
        "finding page": [(f"/review/findings/{rng.choice(ids)}/", {}) for _ in range(args.requests)],
    }
    timings: dict[str, dict[str, float]] = {}
    queue_all: list[float] = []
    for name, requests in scenarios.items():
        for path, params in requests[:2]:  # warm up caches and connections
            assert client.get(path, params).status_code == 200, (path, params)
        samples = []
        for i in range(args.requests):
            path, params = requests[i % len(requests)]
            t0 = time.perf_counter()
            response = client.get(path, params)
            samples.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                print(f"{name}: HTTP {response.status_code} for {path} {params}", file=sys.stderr)
                return 1
        timings[name] = percentiles(samples)
        if name.startswith("queue"):
            queue_all.extend(samples)
        print(
            f"{name:45} p50 {timings[name]['p50_ms']:7.1f} ms   p95 {timings[name]['p95_ms']:7.1f} ms   "
            f"max {timings[name]['max_ms']:7.1f} ms"
        )
    summary = {"queue (all filters)": percentiles(queue_all), "finding page": timings["finding page"]}
    target_ms = 300.0
    passed = all(v["p95_ms"] < target_ms for v in summary.values())
    report = {
        "benchmark": "web review queue and finding page",
        "database": connection.vendor,
        "database_version": connection.cursor().connection.info.server_version
        if connection.vendor == "postgresql"
        else None,
        "findings": Finding.objects.count(),
        "records_per_finding": "2 to 5",
        "load_seconds": round(load_seconds, 1) if load_seconds is not None else "not measured (--reuse)",
        "reload_same_run_seconds": round(reload_seconds, 2) if reload_seconds is not None else None,
        "requests_per_page_kind": args.requests,
        "pages": timings,
        "summary": summary,
        "target_p95_ms": target_ms,
        "target_met": passed,
        "method": "Django test client in-process (full middleware, templates, audit writes); server time",
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "note": "2-core shared machine; other work was running at the same time",
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    results: dict[str, Any] = json.loads(args.out.read_text()) if args.out.exists() else {}
    key = f"review:{connection.vendor}:{report['findings']}"
    if args.reuse and isinstance(results.get(key, {}).get("load_seconds"), float):
        report["load_seconds"] = results[key]["load_seconds"]  # keep the figure from the run that loaded
        report["reload_same_run_seconds"] = results[key].get("reload_same_run_seconds")
    results[key] = report
    if args.audit_entries:
        results[f"{connection.vendor}:{args.audit_entries}"] = audit_figures(
            args.audit_entries, connection.vendor
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(
        f"queue p95 {summary['queue (all filters)']['p95_ms']} ms; finding page p95 "
        f"{summary['finding page']['p95_ms']} ms (target < {target_ms:.0f} ms: "
        f"{'met' if passed else 'NOT met'})"
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
