"""End-to-end screening benchmark: wall time and peak memory per stage at several sizes of synthetic force.

    .venv/bin/python benchmarks/bench_screen.py                 # 10k and 100k records
    .venv/bin/python benchmarks/bench_screen.py --sizes 1000000 # add 1M (merged into the same JSON)

Writes benchmarks/results/screen.json (one entry per size, newest run wins; a run still going has
"complete": false and the stages finished so far). Per stage: wall seconds, CPU seconds (this process and
its reaped worker processes, user + system), peak memory (on Linux the proportional set size of the process
and its children, so pages a forked worker shares with its parent are counted once; resident set elsewhere;
sampled every 0.1 s, reset at each stage) and the 1-minute load average when the stage ended: other work
shares this 2-core machine, so CPU seconds are the figure to compare between runs.
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
from collections.abc import Callable
from pathlib import Path

import psutil
from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "screen.json"
GOAL = "1M records in under 15 minutes within 8 GB on 2 cores"


def _stage(s: object) -> dict[str, object]:
    return {
        "stage": s.name,  # type: ignore[attr-defined]
        "seconds": round(s.seconds, 2),  # type: ignore[attr-defined]
        "cpu_seconds": round(s.cpu_seconds, 2),  # type: ignore[attr-defined]
        "peak_rss_mb": round(s.peak_rss_mb, 1),  # type: ignore[attr-defined]
        "rows": s.rows,  # type: ignore[attr-defined]
        "load_average_1m": round(s.load_1m, 2),  # type: ignore[attr-defined]
    }


def run(
    size: int, seed: int, work: Path, backend: str, on_partial: Callable[[dict[str, object]], None]
) -> dict[str, object]:
    from fourfold.screening.evaluate import run_synth
    from fourfold.screening.pipeline import screen

    target = work / f"n{size}"
    shutil.rmtree(target, ignore_errors=True)
    t0 = time.perf_counter()
    records_csv, _truth = run_synth(size, seed, target / "synth")
    synth_seconds = time.perf_counter() - t0
    console = Console(file=io.StringIO(), width=100)
    done: list[dict[str, object]] = []

    def on_stage(stat: object) -> None:
        # A long run records each stage as it finishes, so an interrupted run still leaves its figures.
        done.append(_stage(stat))
        on_partial(
            {
                "records": size,
                "seed": seed,
                "backend": backend,
                "synth_seconds": round(synth_seconds, 1),
                "complete": False,
                "stages": list(done),
                "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
        )

    result = screen(records_csv, target / "screen", backend=backend, console=console, on_stage=on_stage)
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
        "cpu_seconds": round(sum(s.cpu_seconds for s in result.stages), 1),
        "complete": True,
        "stages": [_stage(s) for s in result.stages],
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

    def save() -> None:
        payload = {
            **existing,  # keeps earlier_runs (figures before and between changes, for comparison)
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

    for size in sizes:
        print(f"screening {size:,} synthetic records …", flush=True)

        def partial(entry: dict[str, object], size: int = size) -> None:
            runs[str(size)] = entry
            save()

        entry = run(size, args.seed, args.work, args.backend, partial)
        runs[str(size)] = entry
        print(
            f"  total {entry['total_seconds']} s, CPU {entry['cpu_seconds']} s, "
            f"peak {entry['peak_rss_mb']} MB, {entry['records_per_second']} records/s"
        )
        for stage in entry["stages"]:  # type: ignore[union-attr]
            print(
                f"    {stage['stage']:<30} {stage['seconds']:>9.1f} s  CPU {stage['cpu_seconds']:>9.1f} s "
                f"{stage['peak_rss_mb']:>9.1f} MB  load {stage['load_average_1m']}"
            )
        save()
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
