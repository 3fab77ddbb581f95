"""Narrative stage: run contract A (`fourfold.narrative.analyse_many`) over every valid record, streaming.

Results are spilled to Parquet rather than held in Python lists: `evidence.parquet` holds one compact JSON
document per record (spans with character offsets) and `identifiers.parquet` one row per identifier found in a
narrative, in the shape `assemble_courses` expects (record_id, kind, value).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

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
# Above this many records the narrative stage uses two worker processes (the machine has two cores).
MULTIPROCESS_THRESHOLD = 20_000
# Records handed to the worker pool at a time.
CHUNK_ROWS = 50_000


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
    }


def contract_analyse_many() -> Callable[..., Iterable[Any]]:
    """Contract A's `analyse_many` (imported late: it loads spaCy)."""
    from fourfold.narrative import analyse_many

    return analyse_many


def analyse_records(
    records_path: Path,
    evidence_path: Path,
    identifiers_path: Path,
    *,
    rows: int,
    batch_size: int = 5_000,
    on_rows: Callable[[int], None] | None = None,
    analyse_many: Callable[..., Iterable[Any]] | None = None,
) -> int:
    """Analyse every narrative in `records_path`; return the number of records analysed."""
    if analyse_many is None:
        analyse_many = contract_analyse_many()
    source = pq.ParquetFile(records_path)
    n_process = 2 if rows >= MULTIPROCESS_THRESHOLD else 1
    # analyse_many's worker pool reads its input ahead without limit, so it is given one bounded chunk at a
    # time: memory stays flat however large the file.
    chunk_rows = CHUNK_ROWS if n_process > 1 else batch_size
    done = 0
    ev_rows: list[dict[str, str | None]] = []
    id_rows: list[dict[str, str]] = []
    with (
        pq.ParquetWriter(evidence_path, EVIDENCE_SCHEMA, compression="zstd") as ev_writer,
        pq.ParquetWriter(identifiers_path, IDENTIFIER_SCHEMA, compression="zstd") as id_writer,
    ):
        for batch in source.iter_batches(batch_size=chunk_rows, columns=["record_id", "narrative"]):
            ids = batch.column(0).to_pylist()
            texts = batch.column(1).to_pylist()
            results = analyse_many(texts, n_process=n_process, batch_size=256)
            for record_id, ev in zip(ids, results, strict=True):
                compact = compact_evidence(ev)
                ev_rows.append(
                    {
                        "record_id": record_id,
                        "relationship": compact["relationship"],
                        "evidence": json.dumps(compact),
                    }
                )
                for ident in ev.identifiers:
                    id_rows.append(
                        {"record_id": record_id, "kind": str(ident.kind), "value": str(ident.value)}
                    )
                done += 1
                if len(ev_rows) >= batch_size:
                    ev_writer.write_table(pa.Table.from_pylist(ev_rows, schema=EVIDENCE_SCHEMA))
                    if on_rows is not None:
                        on_rows(len(ev_rows))
                    ev_rows = []
                if len(id_rows) >= batch_size:
                    id_writer.write_table(pa.Table.from_pylist(id_rows, schema=IDENTIFIER_SCHEMA))
                    id_rows = []
        if ev_rows:
            ev_writer.write_table(pa.Table.from_pylist(ev_rows, schema=EVIDENCE_SCHEMA))
            if on_rows is not None:
                on_rows(len(ev_rows))
        if id_rows:
            id_writer.write_table(pa.Table.from_pylist(id_rows, schema=IDENTIFIER_SCHEMA))
    if done != rows:
        raise RuntimeError(f"narrative analysis returned {done} results for {rows} records")
    return done
