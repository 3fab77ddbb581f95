"""Benchmark `fourfold synth`: records/s and peak memory at 10k, 100k and 1M records.

Each size runs in its own child process so its peak resident memory (getrusage ru_maxrss) is its own.
Usage: .venv/bin/python benchmarks/bench_synth.py [--sizes 10000,100000,1000000] [--seed 1]
Writes benchmarks/results/synth.json. Figures depend on what else the machine is doing (CPU time is
also shown).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "synth.json"

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from fourfold.synth.config import SynthConfig
from fourfold.synth.generator import generate
n, seed, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
t0, c0 = time.perf_counter(), time.process_time()
stats = generate(SynthConfig(records=n, seed=seed), out)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({
    "records": stats.records, "courses": stats.courses,
    "wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
    "records_per_second": round(n / wall), "records_per_cpu_second": round(n / cpu),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    "records_csv_mb": round((out / "records.csv").stat().st_size / 2**20, 1),
    "truth_jsonl_mb": round((out / "truth.jsonl").stat().st_size / 2**20, 1),
}))
"""


def run(n: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(n), str(seed), tmp],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"synth failed at {n:,} records: {proc.stderr.strip().splitlines()[-1]}")
        return json.loads(proc.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        r = run(n, args.seed)
        rows.append(r)
        print(
            f"{n:>10,} records: {r['wall_seconds']:>7.1f}s wall, {r['records_per_second']:>7,} records/s "
            f"({r['records_per_cpu_second']:,}/CPU-s), peak RSS {r['peak_rss_mb']:.0f} MB, "
            f"records.csv {r['records_csv_mb']} MB, truth.jsonl {r['truth_jsonl_mb']} MB"
        )
    load = os.getloadavg()
    result = {
        "benchmark": "fourfold synth",
        "command": f".venv/bin/python benchmarks/bench_synth.py --sizes {args.sizes} --seed {args.seed}",
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_average_after": load},
        "note": "Other work shared the machine; records_per_cpu_second is less affected by it than wall.",
        "runs": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
