"""Narrative stage: run contract A (`fourfold.narrative.analyse_many`) over every valid record, streaming.

Results are spilled to Parquet rather than held in Python lists: `evidence.parquet` holds one compact JSON
document per record (spans with character offsets) and `identifiers.parquet` one row per identifier found in a
narrative, in the shape `assemble_courses` expects (record_id, kind, value).
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fourfold.screening.occasions import stated_occasions

EVIDENCE_SCHEMA = pa.schema(
    [
        pa.field("record_id", pa.string()),
        pa.field("relationship", pa.string()),
        pa.field("evidence", pa.string()),
    ]
)
IDENTIFIER_SCHEMA = pa.schema(
    [pa.field("record_id", pa.string()), pa.field("kind", pa.string()), pa.field("value", pa.string())]
)
FOUR_ELEMENTS = ("fixated", "obsessive", "unwanted", "repeated")
# From this many records the narrative stage uses two worker processes (the machine has two cores); below it
# the cost of building a second spaCy pipeline outweighs the gain.
MULTIPROCESS_THRESHOLD = 4_000
# Records per task handed to a worker, and tasks in flight per worker: the reader never runs further ahead of
# the workers than this, so memory stays flat however large the file.
TASK_ROWS = 1_000
IN_FLIGHT_PER_WORKER = 3


def _span(span: Any) -> list[Any]:
    return [int(span.start), int(span.end), str(span.text)]


def compact_evidence(ev: Any) -> dict[str, Any]:
    """The parts of a NarrativeEvidence (contract A) screening uses, as plain JSON with char offsets."""
    return {
        "behaviours": [[hit.behaviour, *_span(hit.span)] for hit in ev.behaviours],
        "four": {element: [_span(s) for s in ev.four.get(element, [])] for element in FOUR_ELEMENTS},
        "fear": [_span(s) for s in ev.fear_of_violence],
        "fear_occasions": int(ev.fear_occasions or 0),
        "sad": [_span(s) for s in ev.serious_alarm_distress],
        "occasions": int(ev.occasions or 0),
        "span_days": ev.span_days,
        "repetition": [_span(s) for s in ev.repetition],
        "relationship": ev.relationship,
        "relationship_spans": [_span(s) for s in ev.relationship_spans],
        "identifiers": [[str(i.kind), str(i.value)] for i in ev.identifiers],
        "dispute": [_span(s) for s in getattr(ev, "dispute", [])],
        "not_targeted": [_span(s) for s in getattr(ev, "not_targeted", [])],
        "wanted": [_span(s) for s in getattr(ev, "wanted", [])],
        "harassment_only": [_span(s) for s in getattr(ev, "harassment_only", [])],
        "lawful_purpose": [_span(s) for s in getattr(ev, "lawful_purpose", [])],
    }
    # "stated_occasions" (screening.occasions) is added by analyse_task, which has the text.


def contract_analyse_many() -> Callable[..., Iterable[Any]]:
    """Contract A's `analyse_many` (imported late: it loads spaCy)."""
    from fourfold.narrative import analyse_many

    return analyse_many


Rows = tuple[list[tuple[str, str | None, str]], list[tuple[str, str, str]]]

# The analyse_many a forked worker uses (set in the parent just before the pool forks).
_worker_analyse: Callable[..., Iterable[Any]] | None = None


def analyse_task(
    ids: list[str], texts: list[str], analyse_many: Callable[..., Iterable[Any]] | None = None
) -> Rows:
    """Analyse one task of records: (evidence rows, identifier rows), serialised where they are made."""
    analyse_many = analyse_many or _worker_analyse or contract_analyse_many()
    ev_rows: list[tuple[str, str | None, str]] = []
    id_rows: list[tuple[str, str, str]] = []
    for record_id, text, ev in zip(ids, texts, analyse_many(texts, n_process=1, batch_size=256), strict=True):
        compact = compact_evidence(ev)
        compact["stated_occasions"] = stated_occasions(text, compact)
        ev_rows.append((record_id, compact["relationship"], json.dumps(compact)))
        id_rows.extend((record_id, str(i.kind), str(i.value)) for i in ev.identifiers)
    return ev_rows, id_rows


def _tasks(source: pq.ParquetFile) -> Iterator[tuple[list[str], list[str]]]:
    for batch in source.iter_batches(batch_size=TASK_ROWS, columns=["record_id", "narrative"]):
        yield batch.column(0).to_pylist(), batch.column(1).to_pylist()


def _run_tasks(
    tasks: Iterator[tuple[list[str], list[str]]],
    n_process: int,
    analyse_many: Callable[..., Iterable[Any]],
) -> Iterator[Rows]:
    """Results in input order; with n_process > 1 a persistent pool of forked workers (each builds its spaCy
    pipeline once) with a bounded number of tasks in flight."""
    global _worker_analyse
    if n_process <= 1:
        for ids, texts in tasks:
            yield analyse_task(ids, texts, analyse_many)
        return
    _worker_analyse = analyse_many
    fork = "fork" in mp.get_all_start_methods()
    if fork:
        # Build the pipeline once here: forked workers share it instead of each building their own (~4 s).
        list(analyse_many(["Warm-up."], n_process=1, batch_size=1))
    ctx = mp.get_context("fork") if fork else mp.get_context()
    pending: deque[Any] = deque()
    with ctx.Pool(n_process) as pool:
        for ids, texts in tasks:
            pending.append(pool.apply_async(analyse_task, (ids, texts)))
            if len(pending) >= n_process * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    _worker_analyse = None


def analyse_records(
    records_path: Path,
    evidence_path: Path,
    identifiers_path: Path,
    *,
    rows: int,
    batch_size: int = 5_000,
    on_rows: Callable[[int], None] | None = None,
    analyse_many: Callable[..., Iterable[Any]] | None = None,
    n_process: int | None = None,
) -> int:
    """Analyse every narrative in `records_path`; return the number of records analysed."""
    if analyse_many is None:
        analyse_many = contract_analyse_many()
    if n_process is None:
        n_process = 2 if rows >= MULTIPROCESS_THRESHOLD else 1
    source = pq.ParquetFile(records_path)
    done = 0
    ev_rows: list[tuple[str, str | None, str]] = []
    id_rows: list[tuple[str, str, str]] = []

    def table(rows_: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
        return pa.table([pa.array([r[i] for r in rows_], pa.string()) for i in range(3)], schema=schema)

    with (
        pq.ParquetWriter(evidence_path, EVIDENCE_SCHEMA, compression="zstd") as ev_writer,
        pq.ParquetWriter(identifiers_path, IDENTIFIER_SCHEMA, compression="zstd") as id_writer,
    ):
        for task_ev, task_ids in _run_tasks(_tasks(source), n_process, analyse_many):
            ev_rows.extend(task_ev)
            id_rows.extend(task_ids)
            done += len(task_ev)
            if len(ev_rows) >= batch_size:
                ev_writer.write_table(table(ev_rows, EVIDENCE_SCHEMA))
                if on_rows is not None:
                    on_rows(len(ev_rows))
                ev_rows = []
            if len(id_rows) >= batch_size:
                id_writer.write_table(table(id_rows, IDENTIFIER_SCHEMA))
                id_rows = []
        if ev_rows:
            ev_writer.write_table(table(ev_rows, EVIDENCE_SCHEMA))
            if on_rows is not None:
                on_rows(len(ev_rows))
        if id_rows:
            id_writer.write_table(table(id_rows, IDENTIFIER_SCHEMA))
    if done != rows:
        raise RuntimeError(f"narrative analysis returned {done} results for {rows} records")
    return done
