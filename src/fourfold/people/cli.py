"""Commands: `fourfold people dedupe` (design.md §4.1) and `fourfold evaluate people`.

Heavy imports (pandas, Splink, Spark) happen inside the functions so `fourfold --help` stays fast.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

_FIELDS = ("forename", "surname", "dob", "sex", "address", "postcode", "phone", "email", "online_handle")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _read(path: Path) -> Any:
    import pandas as pd

    if not path.exists():
        _fail(f"{path} does not exist")
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        elif suffix in (".jsonl", ".ndjson"):
            frame = pd.read_json(path, lines=True, dtype=False).astype(object)
        elif suffix == ".parquet":
            frame = pd.read_parquet(path)
        else:
            _fail(f"{path}: unsupported file type {suffix or '(none)'}; use .csv, .jsonl or .parquet")
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    return frame


def _write(frame: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".ndjson"):
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_csv(path, index=False)


def _person_table(frame: Any, what: str) -> Any:
    """Lower-cased column names, person_ref present and unique (one-line error otherwise)."""
    lowered = {c: str(c).strip().lower() for c in frame.columns}
    frame = frame.rename(columns=lowered)
    if "person_ref" not in frame.columns:
        _fail(f"{what} has no person_ref column (required)")
    refs = frame["person_ref"]
    if refs.isna().any():
        _fail(f"{what}: {int(refs.isna().sum())} row(s) have an empty person_ref")
    refs = refs.astype(str)
    dupes = refs[refs.duplicated()]
    if len(dupes):
        _fail(f"{what}: person_ref is not unique ({dupes.iloc[0]!r} appears more than once)")
    return frame.assign(person_ref=refs)


def dedupe(
    input: Annotated[
        Path,
        typer.Argument(
            help="Person file (.csv, .jsonl, .parquet): person_ref plus any of forename, surname, dob, sex, "
            "address, postcode, phone, email, online_handle."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file: the same rows plus person_id.")],
    backend: Annotated[str, typer.Option("--backend", help="duckdb (one machine) or spark.")] = "duckdb",
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="An earlier OUTPUT: its person_ids are kept; only rows not in it are linked (incremental).",
        ),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Match probability at or above which two rows are linked (default 0.9; docs/accuracy.md).",
        ),
    ] = None,
) -> None:
    """Resolve person rows to people: OUTPUT = INPUT rows + person_id (equal for the same person)."""
    import pandas as pd

    from fourfold.people.resolve import PeopleInputError, person_id_for, resolve_mentions

    if backend not in ("duckdb", "spark"):
        _fail(f"unknown backend {backend!r}; use duckdb or spark")
    started = time.perf_counter()
    frame = _person_table(_read(input), str(input))
    mentions = frame[["person_ref", *[c for c in _FIELDS if c in frame.columns]]].rename(
        columns={"person_ref": "mention_id"}
    )
    prev_ids = None
    if previous is not None:
        old = _person_table(_read(previous), str(previous))
        if "person_id" not in old.columns:
            _fail(f"{previous} has no person_id column (is it an earlier OUTPUT?)")
        old_mentions = old[["person_ref", *[c for c in _FIELDS if c in old.columns]]].rename(
            columns={"person_ref": "mention_id"}
        )
        old_mentions = old_mentions[~old_mentions["mention_id"].isin(mentions["mention_id"])]
        mentions = pd.concat([old_mentions, mentions], ignore_index=True)
        prev_ids = old[["person_ref", "person_id"]].rename(columns={"person_ref": "mention_id"})
    try:
        result = resolve_mentions(mentions, backend=backend, previous=prev_ids, threshold=threshold)
    except PeopleInputError as exc:
        _fail(str(exc))
    ids = dict(zip(result.people["mention_id"], result.people["person_id"], strict=True))
    # A row with nothing to compare is a person of its own (never dropped, never left without an id).
    frame["person_id"] = [ids.get(ref) or person_id_for(ref) for ref in frame["person_ref"]]
    _write(frame, out)
    typer.echo(
        f"{len(frame):,} rows -> {frame['person_id'].nunique():,} people in "
        f"{time.perf_counter() - started:.1f} s ({backend}); wrote {out}"
    )


def evaluate(
    synth: Annotated[
        list[Path] | None, typer.Option("--synth", help="`fourfold synth` output folder(s) to measure on.")
    ] = None,
    generate: Annotated[
        list[int] | None,
        typer.Option(
            "--generate", help="Record counts to generate (default 10000 and 100000) without --synth."
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for generated synthetic forces.")] = 11,
    febrl: Annotated[bool, typer.Option("--febrl/--no-febrl", help="Also measure on FEBRL3.")] = True,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the figures as JSON here.")] = None,
) -> None:
    """Pairwise and cluster precision/recall/F1 (Wilson intervals) on synthetic truth and FEBRL3; writes the
    `people` section of docs/accuracy.md."""
    import tempfile

    from fourfold.accuracy_doc import write_section
    from fourfold.people.evaluate import evaluate_febrl, evaluate_synth

    results: dict[str, Any] = {"synth": [], "febrl3": None}
    folders = list(synth or [])
    tmp = None
    if not folders:
        from fourfold.synth.cli import synth as run_synth

        tmp = tempfile.mkdtemp(prefix="fourfold-people-eval-")
        for n in generate or [10_000, 100_000]:
            folder = Path(tmp) / f"synth-{n}"
            run_synth(
                records=n,
                seed=seed,
                out=folder,
                stalking_rate=0.02,
                other_course_rate=0.01,
                noise="medium",
                quiet=True,
            )
            folders.append(folder)
    for folder in folders:
        if not (folder / "records.csv").exists() or not (folder / "truth.jsonl").exists():
            _fail(f"{folder} lacks records.csv or truth.jsonl")
        typer.echo(f"measuring on {folder} ...", err=True)
        figures = evaluate_synth(folder)
        figures["records"] = sum(1 for _ in open(folder / "records.csv", encoding="utf-8")) - 1
        results["synth"].append(figures)
    if febrl:
        typer.echo("measuring on FEBRL3 ...", err=True)
        results["febrl3"] = evaluate_febrl()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    path = write_section("people", render_markdown(results, seed=seed, generated=tmp is not None))
    typer.echo(f"wrote the people section of {path}" + (f" and {out}" if out else ""))


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f}%"


def _ci(ci: Any) -> str:
    return f"[{100 * ci[0]:.2f}, {100 * ci[1]:.2f}]"


def render_markdown(results: dict[str, Any], seed: int, generated: bool) -> str:
    lines = [
        "## People: person resolution",
        "",
        "Regenerate: `fourfold evaluate people` (generates synthetic forces of 10,000 and 100,000 records "
        f"with `fourfold synth --seed {seed}`{'' if generated else ', or measures the --synth folders given'}"
        ", and runs FEBRL3). Model trained without labels; default threshold match probability 0.9.",
        "",
        "| Data | Mentions | Pairwise precision [95% CI] | Pairwise recall [95% CI] | Pairwise F1 | "
        "Cluster precision | Cluster recall | Cluster F1 | Time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    rows = [(f"synth {r.get('records', '?'):,} records", r) for r in results["synth"]]
    if results.get("febrl3"):
        rows.append(("FEBRL3 (no soc_sec_id)", results["febrl3"]))
    for label, r in rows:
        pw, cl = r["pairwise"], r["clusters"]
        lines.append(
            f"| {label} | {r.get('mentions', r.get('records')):,} | {_pct(pw['precision'])} "
            f"{_ci(pw['precision_ci'])} | {_pct(pw['recall'])} {_ci(pw['recall_ci'])} | {pw['f1']:.4f} | "
            f"{_pct(cl['precision'])} | {_pct(cl['recall'])} | {cl['f1']:.4f} | {r['seconds']} s |"
        )
    if results.get("febrl3"):
        f = results["febrl3"]
        goal = "met" if f["pairwise"]["f1"] >= 0.95 else "NOT met"
        lines += [
            "",
            f"FEBRL3: {f['records']:,} records, {f['true_pairs']:,} true pairs; goal pairwise F1 ≥ 0.95: "
            f"**{goal}** ({f['pairwise']['f1']:.4f}; tp {f['pairwise']['tp']}, fp {f['pairwise']['fp']}, "
            f"fn {f['pairwise']['fn']}).",
        ]
    for r in results["synth"]:
        lines += [
            "",
            f"By noise type, synth {r.get('records', '?'):,} records (a mention's true partners found / "
            "its predicted partners correct):",
            "",
            "| Noise on the mention | Mentions | Recall [95% CI] | Precision [95% CI] |",
            "|---|---|---|---|",
        ]
        for tag, v in r["by_noise"].items():
            lines.append(
                f"| {tag} | {v['mentions']:,} | {_pct(v['recall'])} {_ci(v['recall_ci'])} | "
                f"{_pct(v['precision'])} {_ci(v['precision_ci'])} |"
            )
    lines += [
        "",
        "### How the model decides, and the threshold",
        "",
        "Splink 4 (Fellegi–Sunter). Each field comparison (forename with nicknames, surname, date of birth "
        "with swapped day/month and one-typo levels, postcode full/sector/outward, address, phone in E.164, "
        "e-mail and its user name, online handle, force reference, sex) adds the match weight log2(m/u) of "
        "the level the pair falls in; missing values add nothing. u comes from 1,000,000 random pairs, "
        "m from expectation maximisation on pairs sharing a date of birth, a full name or a postcode, the "
        "prior from full name + date of birth and same e-mail (assumed recall 0.7); no labels. m is floored "
        "at 0.005 so that no single disagreement (a new phone, a move) can veto a match on its own.",
        "",
        "Two mentions are linked when their match probability is at least **0.9** (match weight ≥ 3.17: "
        "the evidence must make a match at least nine times likelier than not, after the prior of about one "
        "in several thousand); people are the connected groups of linked mentions. A wrong merge joins a "
        "stranger's records to a suspect's history, so the threshold favours precision; lowering it "
        "(`--threshold`) trades precision for recall. `fourfold.people.explain_pair(model, a, b)` lists the "
        "weight every field contributed to any pair. `*_ref` values are evidence with a learned weight, not "
        "identity: duplicates and collisions both happen.",
        "",
        "Speed, memory and candidate pairs per mention: "
        "`benchmarks/results/people.json` (`.venv/bin/python benchmarks/bench_people.py`).",
    ]
    return "\n".join(lines)
