"""Person resolution benchmark: mentions per second, peak memory, candidate pairs per mention, accuracy.

    .venv/bin/python benchmarks/bench_people.py                       # 100k mentions on DuckDB
    .venv/bin/python benchmarks/bench_people.py --sizes 1000000 2000000
    .venv/bin/python benchmarks/bench_people.py --backend spark --sizes 20000

Each size runs in a fresh child process so its peak resident memory is its own (DuckDB works inside the
Python process; for Spark the JVM's memory is sampled and added). Mentions come from the fast generator in
fourfold.people.fake (about 3 mentions per person, one noise type per mention). Results are merged into
benchmarks/results/people.json under "<backend>:<size>".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "people.json"


def candidate_pairs(profiles) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Candidate pairs per blocking rule (sum over blocks of n(n-1)/2, before removing pairs an earlier rule
    found), counted with DuckDB group-bys."""
    import duckdb

    from fourfold.people.model import BLOCKING_KEYS

    con = duckdb.connect()
    con.register("p", profiles.drop(columns=["forename_aliases"]))
    out = {}
    # The swapped-names rule is left out: its blocks are no larger than those of forename + surname.
    for keys in BLOCKING_KEYS:
        cols = ", ".join(keys)
        where = " and ".join(f"{k} is not null" for k in keys)
        n = con.execute(
            f"select coalesce(sum(c*(c-1)/2),0) from (select count(*) c from p where {where} group by {cols})"
        ).fetchone()[0]
        out["+".join(keys)] = float(n)
    return out


def child(size: int, backend: str, seed: int) -> dict[str, object]:
    from fourfold.people.evaluate import by_noise, clusters, pairwise
    from fourfold.people.fake import make_mentions
    from fourfold.people.resolve import resolve_mentions

    peak_jvm = [0]
    stop = threading.Event()

    def sample_jvm() -> None:
        import psutil

        me = psutil.Process()
        while not stop.is_set():
            total = 0
            for proc in me.children(recursive=True):
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            peak_jvm[0] = max(peak_jvm[0], total)
            stop.wait(0.5)

    sampler = threading.Thread(target=sample_jvm, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    mentions = make_mentions(size, seed=seed)
    generate_s = time.perf_counter() - t0
    truth = mentions[["mention_id", "true_id", "noise"]]
    t1 = time.perf_counter()
    result = resolve_mentions(mentions.drop(columns=["true_id", "noise"]), backend=backend)
    resolve_s = time.perf_counter() - t1
    stop.set()
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    joined = truth.merge(result.people, on="mention_id")
    pred, true = joined["person_id"], joined["true_id"]
    tags = joined["noise"].map(lambda n: [] if n == "none" else [n])
    per_rule = candidate_pairs(result.profiles)
    return {
        "backend": backend,
        "mentions": size,
        "profiles_after_exact_collapse": len(result.profiles),
        "scored_pairs_above_threshold": len(result.pairs),
        "generate_seconds": round(generate_s, 1),
        "resolve_seconds": round(resolve_s, 1),
        "mentions_per_second": round(size / resolve_s),
        "peak_rss_gb": round((peak_self + peak_jvm[0]) / 2**30, 2),
        "peak_rss_python_gb": round(peak_self / 2**30, 2),
        "peak_rss_jvm_gb": round(peak_jvm[0] / 2**30, 2),
        "candidate_pairs_by_rule": per_rule,
        "candidate_pairs_per_mention_upper_bound": round(sum(per_rule.values()) / size, 3),
        "pairwise": pairwise(pred, true),
        "clusters": clusters(pred, true),
        "by_noise": by_noise(pred, true, tags),
        "model_trained_on": result.model.trained_on if result.model else 0,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other work",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--backend", choices=["duckdb", "spark"], default="duckdb")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.sizes[0], args.backend, args.seed), default=str))
        return
    for size in args.sizes:
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--sizes",
            str(size),
            "--backend",
            args.backend,
            "--seed",
            str(args.seed),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(proc.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"benchmark at {size} failed (exit {proc.returncode})")
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        existing = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        existing[f"{args.backend}:{size}"] = figures
        RESULTS.write_text(json.dumps(existing, indent=2, sort_keys=True, default=str) + "\n")
        pw = figures["pairwise"]
        print(
            f"{args.backend} {size:>9,} mentions: {figures['resolve_seconds']:>7} s, "
            f"{figures['mentions_per_second']:>7,} mentions/s, peak {figures['peak_rss_gb']} GB, "
            f"candidates/mention <= {figures['candidate_pairs_per_mention_upper_bound']}, "
            f"pairwise P {pw['precision']:.4f} R {pw['recall']:.4f} F1 {pw['f1']:.4f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
