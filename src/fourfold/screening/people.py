"""People stages: person mentions from the records, contract B's `resolve_people`, then `assemble_courses`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from fourfold.screening.schema import PERSON_FIELDS

# Acts aimed at the person that let a record naming no suspect be presumed to be the victim's only known
# suspect's (people.conduct): acts associated with stalking (PHA 1997 s.2A(3)) other than damage to property
# and contact, which strangers and anyone at all commit every day.
PRESUMPTION_ACTS = (
    "following",
    "publishing_material",
    "monitoring_online",
    "loitering",
    "watching_spying",
    "turning_up_home",
    "turning_up_work",
    "gifts",
    "fake_accounts",
    "tracking_device",
)

# Victims are given a placeholder id when a record carries nothing that identifies them, so that each such
# record still forms its own course of conduct and is never lost.
UNRESOLVED_VICTIM_PREFIX = "unresolved-victim:"


def _role_select(role: str, columns: set[str]) -> str:
    parts = [
        f"record_id || ':{role}' AS mention_id",
        "record_id",
        f"'{role}' AS role",
    ]
    for name in PERSON_FIELDS:
        column = f"{role}_{name}"
        target = "person_ref" if name == "ref" else name
        parts.append(f"{column} AS {target}" if column in columns else f"CAST(NULL AS VARCHAR) AS {target}")
    return "SELECT " + ", ".join(parts) + " FROM records"


def build_mentions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One mention per record and role (victim, suspect), with the fields person resolution uses."""
    columns = {row[0] for row in con.execute("DESCRIBE records").fetchall()}
    sql = _role_select("victim", columns) + " UNION ALL " + _role_select("suspect", columns)
    return con.execute(sql + " ORDER BY mention_id").df()


def resolve(
    mentions: pd.DataFrame,
    backend: str,
    resolve_people: Callable[..., pd.DataFrame] | None = None,
) -> pd.DataFrame:
    if resolve_people is None:
        from fourfold.people import resolve_people as contract_resolve_people

        resolve_people = contract_resolve_people
    people = resolve_people(mentions, backend=backend)
    missing = {"mention_id", "person_id"} - set(people.columns)
    if missing:
        raise RuntimeError(f"resolve_people returned no column(s) {sorted(missing)}")
    if len(people) != len(mentions):
        raise RuntimeError(f"resolve_people returned {len(people)} rows for {len(mentions)} mentions")
    return people[["mention_id", "person_id"]]


def course_records(con: duckdb.DuckDBPyConnection, people: pd.DataFrame) -> pd.DataFrame:
    """The `records` frame `assemble_courses` expects: one row per record, resolved victim and suspect ids."""
    con.register("people_df", people)
    # The narrative travels only for records whose suspect is unknown but whose victim has a known suspect
    # elsewhere: assemble_courses looks there for that suspect's surname (same victim only).
    frame = con.execute(
        f"""
        SELECT r.record_id,
               r.reported_date AS reported_at,
               COALESCE(CAST(v.person_id AS VARCHAR), '{UNRESOLVED_VICTIM_PREFIX}' || r.record_id)
                   AS victim_id,
               CAST(s.person_id AS VARCHAR) AS suspect_id,
               COALESCE(r.relationship, n.relationship) AS relationship,
               r.suspect_phone, r.suspect_email, r.suspect_online_handle,
               r.suspect_surname, r.victim_surname,
               CASE WHEN s.person_id IS NULL AND v.person_id IS NOT NULL
                         AND count(s.person_id) OVER (PARTITION BY v.person_id) > 0
                    THEN r.narrative END AS narrative,
               CASE WHEN s.person_id IS NULL
                         AND COALESCE(json_array_length(e.evidence, '$.not_targeted'), 0) = 0
                    THEN array_to_string(list_sort([
                   b FOR b IN list_distinct(json_extract_string(e.evidence, '$.behaviours[*][0]'))
                   IF b IN ({", ".join(f"'{b}'" for b in PRESUMPTION_ACTS)})]), ',') END AS stalking_acts
        FROM records r
        LEFT JOIN people_df v ON v.mention_id = r.record_id || ':victim'
        LEFT JOIN people_df s ON s.mention_id = r.record_id || ':suspect'
        LEFT JOIN narrative_relationship n ON n.record_id = r.record_id
        LEFT JOIN evidence e ON e.record_id = r.record_id
        ORDER BY r.reported_date, r.record_id
        """
    ).df()
    con.unregister("people_df")
    frame["reported_at"] = pd.to_datetime(frame["reported_at"])
    frame = frame.astype({"suspect_id": object})
    frame["suspect_id"] = frame["suspect_id"].where(frame["suspect_id"].notna(), None)
    return frame


def identifiers_frame(identifiers_path: Path) -> pd.DataFrame:
    return pd.read_parquet(identifiers_path, columns=["record_id", "kind", "value"])


def assemble(
    records: pd.DataFrame,
    identifiers: pd.DataFrame,
    assemble_courses: Callable[..., list[Any]] | None = None,
) -> list[Any]:
    if assemble_courses is None:
        from fourfold.people import assemble_courses as contract_assemble_courses

        assemble_courses = contract_assemble_courses
    return list(assemble_courses(records, identifiers))
