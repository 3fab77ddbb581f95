"""The records file format (design.md §4.2): column names, allowed values and the limits ingest enforces."""

from __future__ import annotations

from fourfold.people import normalise

REQUIRED_COLUMNS: tuple[str, ...] = ("record_id", "reported_at", "narrative")

OPTIONAL_COLUMNS: tuple[str, ...] = (
    "record_type",
    "occurred_at",
    "force",
    "recorded_class",
    "offence_code",
    "relationship",
    "victim_ref",
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_sex",
    "victim_address",
    "victim_postcode",
    "victim_phone",
    "victim_email",
    "suspect_ref",
    "suspect_forename",
    "suspect_surname",
    "suspect_dob",
    "suspect_sex",
    "suspect_address",
    "suspect_postcode",
    "suspect_phone",
    "suspect_email",
    "suspect_online_handle",
)

KNOWN_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

# Relationship of victim to suspect, design.md §4.2.
RELATIONSHIPS: frozenset[str] = frozenset(
    {
        "current_partner",
        "ex_partner",
        "family",
        "acquaintance",
        "colleague",
        "neighbour",
        "stranger",
        "online_only",
        "unknown",
    }
)

RECORD_TYPES: frozenset[str] = frozenset({"incident", "crime"})

DATE_COLUMNS: tuple[str, ...] = ("reported_at", "occurred_at", "victim_dob", "suspect_dob")

# A narrative longer than this is not a police narrative but a pasted document or a corrupt export.
MAX_NARRATIVE_CHARS = 100_000
# Any other single field longer than this is treated as corrupt.
MAX_FIELD_CHARS = 2_000

# Person fields per role as the records file names them (victim_ref, suspect_forename, ...): person
# resolution's fields (contract B) with its "person_ref" written "ref".
PERSON_FIELDS: tuple[str, ...] = tuple("ref" if f == "person_ref" else f for f in normalise.PERSON_FIELDS)
