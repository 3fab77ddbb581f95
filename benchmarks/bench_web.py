"""Audit trail benchmark: appends per second through record_audit, and entries checked per second by verify.

    .venv/bin/python benchmarks/bench_web.py                  # 5,000 entries on a fresh SQLite file
    .venv/bin/python benchmarks/bench_web.py --entries 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fourfold_bench .venv/bin/python benchmarks/bench_web.py

Runs against a scratch database (a temporary SQLite file, or the PostgreSQL database named in DATABASE_URL,
which must exist and is emptied first). Writes benchmarks/results/web.json under "<vendor>:<entries>".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "web.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    if args.entries < 1:
        parser.error("--entries must be at least 1")

    scratch = tempfile.mkdtemp(prefix="fourfold-bench-")
    os.environ["FOURFOLD_VAR_DIR"] = scratch
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fourfold.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from fourfold.web.audit.services import record_audit, verify_chain

    call_command("migrate", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE audit_auditentry, audit_auditchainhead")

    started = time.perf_counter()
    for i in range(args.entries):
        record_audit(
            user=None,
            action="view_finding",
            object_type="finding",
            object_id=f"F-{i}",
            reason="benchmark",
            extra={"i": i, "filters": {"force": "synthetic", "priority": [0.5, 1.0]}},
        )
    append_seconds = time.perf_counter() - started

    started = time.perf_counter()
    report = verify_chain()
    verify_seconds = time.perf_counter() - started
    assert report.ok and report.count == args.entries, report

    result = {
        "database": connection.vendor,
        "entries": args.entries,
        "append_seconds": round(append_seconds, 3),
        "appends_per_second": round(args.entries / append_seconds, 1),
        "verify_seconds": round(verify_seconds, 3),
        "verified_per_second": round(args.entries / verify_seconds, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    existing = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    existing[f"{connection.vendor}:{args.entries}"] = result
    RESULTS.write_text(json.dumps(existing, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
