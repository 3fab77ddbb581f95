"""End-to-end screening benchmark: wall time and peak memory per stage at several sizes of synthetic force.

    .venv/bin/python benchmarks/bench_screen.py                 # 10k and 100k records
    .venv/bin/python benchmarks/bench_screen.py --sizes 1000000 # add 1M (merged into the same JSON)

Writes benchmarks/results/screen.json (one entry per size, newest run wins). Peak memory is the resident set
of
the process and its children (the narrative workers), sampled every 0.1 s and reset at each stage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

import psutil
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "screen.json"
GOAL = "1M records in under 15 minutes within 8 GB on 2 cores"


def run(size: int, seed: int, work: Path, backend: str) -> dict[str, object]:
    from fourfold.screening.evaluate import run_synth
    from fourfold.screening.pipeline import screen

    target = work / f"n{size}"
    shutil.rmtree(target, ignore_errors=True)
    t0 = time.perf_counter()
    records_csv, _truth = run_synth(size, seed, target / "synth")
    synth_seconds = time.perf_counter() - t0
    console = Console(file=io.StringIO(), width=100)
    result = screen(records_csv, target / "screen", backend=backend, console=console)
    entry = {
        "records": size,
        "seed": seed,
        "backend": backend,
        "synth_seconds": round(synth_seconds, 1),
        "total_seconds": round(result.seconds, 1),
        "peak_rss_mb": round(max(s.peak_rss_mb for s in result.stages), 1),
        "records_per_second": round(size / result.seconds, 1),
        "findings": result.stats.findings,
        "stalking": result.stats.by_class["stalking"],
        "harassment": result.stats.by_class["harassment"],
        "stages": [
            {
                "stage": s.name,
                "seconds": round(s.seconds, 2),
                "peak_rss_mb": round(s.peak_rss_mb, 1),
                "rows": s.rows,
            }
            for s in result.stages
        ],
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    return entry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated record counts")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--backend", default="duckdb", choices=["duckdb", "spark"])
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "bench-screen")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    existing: dict[str, object] = {}
    if RESULTS.exists():
        existing = json.loads(RESULTS.read_text())
    runs = {str(r["records"]): r for r in existing.get("runs", [])}  # type: ignore[union-attr]
    for size in sizes:
        print(f"screening {size:,} synthetic records …", flush=True)
        entry = run(size, args.seed, args.work, args.backend)
        runs[str(size)] = entry
        print(
            f"  total {entry['total_seconds']} s, peak {entry['peak_rss_mb']} MB, "
            f"{entry['records_per_second']} records/s"
        )
        for stage in entry["stages"]:  # type: ignore[union-attr]
            print(f"    {stage['stage']:<30} {stage['seconds']:>9.1f} s {stage['peak_rss_mb']:>9.1f} MB")
        payload = {
            "benchmark": "fourfold screen end to end",
            "goal": GOAL,
            "machine": {
                "cpus": os.cpu_count(),
                "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "note": "Taken while other work shared the machine; see load_average_1m per run.",
            "runs": sorted(runs.values(), key=lambda r: int(r["records"])),  # type: ignore[index, arg-type]
        }
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
