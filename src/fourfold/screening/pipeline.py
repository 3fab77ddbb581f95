"""The batch pipeline behind `fourfold screen`: stages as small functions over tables, with progress.

ingest → narrative analysis (contract A) → person mentions → resolve_people (contract B) → assemble_courses
→ evidence per course → assess_course, risk_flags, priority (contract C) → findings.jsonl → report.html
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import multiprocessing as mp
import os
import shutil
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import psutil
import pyarrow as pa
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from fourfold.screening.analysis import analyse_records
from fourfold.screening.findings import RecordFacts, build_finding
from fourfold.screening.ingest import IngestResult, UnusableInput, ingest, preflight
from fourfold.screening.people import assemble, build_mentions, course_records, identifiers_frame, resolve
from fourfold.screening.report import ReportStats, render_report

BACKENDS = ("duckdb", "spark")


@dataclass
class StageStat:
    name: str
    seconds: float
    peak_rss_mb: float
    rows: int
    cpu_seconds: float = 0.0  # this process and its finished children (user + system)
    load_1m: float = 0.0  # 1-minute load average at the end of the stage (other work shares the machine)


@dataclass
class ScreenResult:
    ingest: IngestResult
    stats: ReportStats
    stages: list[StageStat]
    out_dir: Path
    findings_path: Path
    report_path: Path
    quarantine_path: Path
    records_in_no_course: int = 0
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def summary_line(self) -> str:
        s = self.stats
        return (
            f"screened {self.ingest.rows_in:,} records ({self.ingest.rows_valid:,} kept + "
            f"{self.ingest.rows_quarantined:,} quarantined): {s.findings:,} findings — "
            f"{s.by_class['stalking']:,} stalking, {s.by_class['harassment']:,} harassment, "
            f"{s.by_class['none']:,} none; {s.misrecorded:,} misrecorded; "
            f"{self.seconds:.1f} s → {self.out_dir}"
        )


def cpu_seconds() -> float:
    """CPU time used so far by this process and its reaped children (worker pools), user + system."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _memory(process: psutil.Process) -> int:
    """Proportional set size where the system reports it (Linux): pages a forked worker still shares with this
    process are counted once across the two, not once in each; resident set size elsewhere."""
    if hasattr(psutil.Process, "memory_full_info") and psutil.LINUX:
        with contextlib.suppress(psutil.Error, AttributeError):
            return int(process.memory_full_info().pss)
    return int(process.memory_info().rss)


class MemoryWatch:
    """Samples the memory of this process and its children (PSS on Linux); the peak is reset at each stage."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._proc = psutil.Process()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def rss(self) -> int:
        total = 0
        with contextlib.suppress(psutil.Error):
            total = _memory(self._proc)
            for child in self._proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += _memory(child)
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss())
            self._stop.wait(self.interval)

    def reset(self) -> None:
        self.peak = self.rss()

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _sql_string(path: Path) -> str:
    """A file path as a SQL string literal (quotes doubled), so any directory name is safe."""
    return "'" + str(path).replace("'", "''") + "'"


def _iter_course_rows(con: duckdb.DuckDBPyConnection, batch_rows: int = 50_000) -> Iterator[dict[str, Any]]:
    reader = con.sql(
        """
        SELECT a.course_idx, r.record_id, r.reported_date, r.recorded_class, r.relationship, e.evidence,
               r.suspect_phone, r.suspect_email, r.suspect_online_handle
        FROM assignment a
        JOIN records r ON r.record_id = a.record_id
        JOIN evidence e ON e.record_id = a.record_id
        ORDER BY a.course_idx, r.reported_date, r.record_id
        """
    ).to_arrow_reader(batch_rows)
    for batch in reader:
        yield from batch.to_pylist()


def _record_facts(row: dict[str, Any]) -> RecordFacts:
    return RecordFacts(
        record_id=row["record_id"],
        date=row["reported_date"],
        recorded_class=row["recorded_class"],
        relationship=row["relationship"],
        evidence=json.loads(row["evidence"]),
        suspect_fields=(row["suspect_phone"], row["suspect_email"], row["suspect_online_handle"]),
    )


def _raw_groups(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """The joined rows of each course, in course order (evidence still a JSON string)."""
    current: int | None = None
    group: list[dict[str, Any]] = []
    for row in rows:
        idx = int(row["course_idx"])
        if current is not None and idx != current:
            yield current, group
            group = []
        current = idx
        group.append(row)
    if current is not None:
        yield current, group


def _grouped(rows: Iterator[dict[str, Any]]) -> Iterator[tuple[int, list[RecordFacts]]]:
    for idx, group in _raw_groups(rows):
        yield idx, [_record_facts(row) for row in group]


# Courses per assessment task, tasks in flight per worker, and the number of courses from which two worker
# processes assess them (the narrative workers have finished by then, so both cores are free).
ASSESS_TASK_COURSES = 2_000
ASSESS_IN_FLIGHT_PER_WORKER = 3
ASSESS_MULTIPROCESS_THRESHOLD = 20_000

# What forked assessment workers read: the courses and the victims per suspect (set before the pool forks).
_assess_context: tuple[list[Any], Counter[str | None]] | None = None


def _slim(finding: dict[str, Any]) -> dict[str, Any]:
    """What ReportStats needs of a finding recommended "none" (most of them), so less crosses processes."""
    return {
        "recommendation": {"classification": finding["recommendation"].get("classification") or "none"},
        "record_ids": finding["record_ids"],
        "misrecorded": finding["misrecorded"],
    }


def assess_task(
    task: list[tuple[int, list[dict[str, Any]]]],
    context: tuple[list[Any], Counter[str | None]] | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Assess a run of courses: each course's findings.jsonl line and what the report statistics need."""
    courses, victims_per_suspect = context or _assess_context  # type: ignore[misc]
    out: list[tuple[str, dict[str, Any]]] = []
    for idx, rows in task:
        course = courses[idx]
        others = victims_per_suspect[course.suspect_id] - 1 if course.suspect_id else 0
        finding = build_finding(course, [_record_facts(r) for r in rows], suspect_other_victims=others)
        line = json.dumps(finding, ensure_ascii=False)
        keep = finding if finding["recommendation"].get("classification") not in (None, "none") else None
        out.append((line, keep or _slim(finding)))
    return out


def _assessed(
    groups: Iterator[tuple[int, list[dict[str, Any]]]],
    context: tuple[list[Any], Counter[str | None]],
    n_process: int,
) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Assessed tasks in course order; with n_process > 1 a pool of forked workers, few tasks in flight."""
    global _assess_context

    def tasks() -> Iterator[list[tuple[int, list[dict[str, Any]]]]]:
        task: list[tuple[int, list[dict[str, Any]]]] = []
        for item in groups:
            task.append(item)
            if len(task) >= ASSESS_TASK_COURSES:
                yield task
                task = []
        if task:
            yield task

    if n_process <= 1 or "fork" not in mp.get_all_start_methods():
        for task in tasks():
            yield assess_task(task, context)
        return
    _assess_context = context
    # Move the courses (and everything else alive) out of the collector's reach before forking, so the
    # workers' garbage collection does not touch, and so copy, the pages they share with this process.
    gc.collect()
    gc.freeze()
    pending: deque[Any] = deque()
    try:
        with mp.get_context("fork").Pool(n_process) as pool:
            for task in tasks():
                pending.append(pool.apply_async(assess_task, (task,)))
                if len(pending) >= n_process * ASSESS_IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _assess_context = None
        gc.unfreeze()


def screen(
    input_path: Path,
    out_dir: Path,
    backend: str = "duckdb",
    *,
    console: Console | None = None,
    keep_work: bool = False,
    on_stage: Callable[[StageStat], None] | None = None,
) -> ScreenResult:
    """Run the whole screening over one records file; write findings.jsonl, report.html and quarantine.csv."""
    if backend not in BACKENDS:
        raise UnusableInput(f"unknown backend '{backend}': choose duckdb or spark")
    input_path = Path(input_path)
    preflight(input_path)  # fail fast with a one-line reason, before anything is written
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    console = console or Console(stderr=True)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix=".screen-work-", dir=out_dir))
    records_path = work / "records.parquet"
    evidence_path = work / "evidence.parquet"
    identifiers_path = work / "identifiers.parquet"
    findings_path = out_dir / "findings.jsonl"
    quarantine_path = out_dir / "quarantine.csv"
    report_path = out_dir / "report.html"
    stages: list[StageStat] = []
    stats = ReportStats()

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )

    try:
        with MemoryWatch() as memory, progress:

            @contextlib.contextmanager
            def stage(name: str, total: int | None = None) -> Iterator[tuple[Any, list[int]]]:
                task = progress.add_task(name, total=total)
                memory.reset()
                t0 = time.perf_counter()
                c0 = cpu_seconds()
                counter = [0]
                yield task, counter
                memory.peak = max(memory.peak, memory.rss())
                stages.append(
                    StageStat(
                        name,
                        time.perf_counter() - t0,
                        memory.peak / 2**20,
                        counter[0],
                        cpu_seconds=cpu_seconds() - c0,
                        load_1m=os.getloadavg()[0],
                    )
                )
                if on_stage is not None:
                    on_stage(stages[-1])
                progress.update(
                    task, completed=counter[0] if total is None else total, total=total or counter[0]
                )

            with stage("ingest") as (task, counter):

                def on_ingest_rows(n: int) -> None:
                    counter[0] += n
                    progress.advance(task, n)

                result = ingest(input_path, records_path, quarantine_path, on_rows=on_ingest_rows)

            with stage("narrative analysis", result.rows_valid) as (task, counter):

                def on_narrative_rows(n: int) -> None:
                    counter[0] += n
                    progress.advance(task, n)

                analyse_records(
                    records_path,
                    evidence_path,
                    identifiers_path,
                    rows=result.rows_valid,
                    on_rows=on_narrative_rows,
                )

            con = duckdb.connect(str(work / "screen.duckdb"))
            con.execute("SET threads TO 2")
            # Bounded memory (issue goal: 1M records within 8 GB): DuckDB spills joins and sorts to the work
            # directory beyond this, instead of taking up to 80% of RAM, its default.
            con.execute(f"SET memory_limit = '{os.environ.get('FOURFOLD_SCREEN_DUCKDB_MEMORY', '1GB')}'")
            con.execute(f"SET temp_directory = {_sql_string(work / 'duckdb-tmp')}")
            con.execute(f"CREATE VIEW records AS SELECT * FROM read_parquet({_sql_string(records_path)})")
            con.execute(f"CREATE VIEW evidence AS SELECT * FROM read_parquet({_sql_string(evidence_path)})")
            con.execute("CREATE VIEW narrative_relationship AS SELECT record_id, relationship FROM evidence")

            with stage("person mentions") as (task, counter):
                mentions = build_mentions(con)
                counter[0] = len(mentions)

            with stage(f"resolve people ({backend})") as (task, counter):
                people = resolve(mentions, backend)
                counter[0] = len(people)
                del mentions

            with stage("courses of conduct") as (task, counter):
                frame = course_records(con, people)
                del people
                courses = assemble(frame, identifiers_frame(identifiers_path))
                del frame
                counter[0] = len(courses)
                course_ids = [(i, rid) for i, c in enumerate(courses) for rid in c.record_ids]
                con.register(
                    "assignment_arrow",
                    pa.table(
                        {
                            "course_idx": pa.array([i for i, _ in course_ids], pa.int64()),
                            "record_id": pa.array([r for _, r in course_ids], pa.string()),
                        }
                    ),
                )
                con.execute("CREATE TABLE assignment AS SELECT * FROM assignment_arrow")
                con.unregister("assignment_arrow")
                del course_ids
                records_in_no_course = int(
                    con.execute(
                        "SELECT count(*) FROM records "
                        "WHERE record_id NOT IN (SELECT record_id FROM assignment)"
                    ).fetchall()[0][0]
                )
                # Other courses with the same suspect (S-DASH: has the suspect stalked anyone else?)
                victims_per_suspect = Counter(c.suspect_id for c in courses if c.suspect_id is not None)

            with stage("assess and write findings", len(courses)) as (task, counter):
                n_assess = 2 if len(courses) >= ASSESS_MULTIPROCESS_THRESHOLD else 1
                with findings_path.open("w", encoding="utf-8") as out:
                    for done in _assessed(
                        _raw_groups(_iter_course_rows(con)), (courses, victims_per_suspect), n_assess
                    ):
                        for line, finding in done:
                            out.write(line + "\n")
                            stats.add(finding)
                        counter[0] += len(done)
                        progress.advance(task, len(done))

            with stage("report") as (task, counter):
                wanted = sorted({rid for f in stats.top() for rid in f["record_ids"]})
                narratives: dict[str, str] = {}
                if wanted:
                    con.register("wanted_ids", pa.table({"record_id": pa.array(wanted, pa.string())}))
                    narratives = dict(
                        con.execute(
                            "SELECT record_id, narrative FROM records "
                            "WHERE record_id IN (SELECT record_id FROM wanted_ids)"
                        ).fetchall()
                    )
                render_report(
                    report_path,
                    stats=stats,
                    ingest=result,
                    narratives=narratives,
                    source_name=input_path.name,
                    backend=backend,
                )
                counter[0] = len(stats.top())
            con.close()
    finally:
        if not keep_work:
            shutil.rmtree(work, ignore_errors=True)

    screened = ScreenResult(
        ingest=result,
        stats=stats,
        stages=stages,
        out_dir=out_dir,
        findings_path=findings_path,
        report_path=report_path,
        quarantine_path=quarantine_path,
        records_in_no_course=records_in_no_course,
        seconds=time.perf_counter() - started,
        extra={"finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
    )
    return screened
