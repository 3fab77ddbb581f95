"""The Splink model for police nominals: comparisons, blocking rules, unsupervised training, scoring.

Fellegi–Sunter (Splink 4): each field comparison falls into one level; each level has an m probability (the
chance of that level among true matches) and a u probability (among non-matches); the match weight of a pair
is
the prior plus log2(m/u) summed over fields. u comes from random pairs (almost all non-matches), m from
expectation maximisation over pairs produced by blocking rules. No labels are used anywhere.

The model is declared here once and run by either backend: DuckDB (default, one machine) or Spark (a cluster
in production, local mode here). Training always runs on DuckDB over a deterministic sample, so both backends
score pairs with the very same parameters and give the same clusters.
"""

from __future__ import annotations

import copy
import logging
import math
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# Columns the model reads (made by fourfold.people.normalise.standardise) plus the Splink unique id.
MODEL_COLUMNS = (
    "uid",
    "person_ref",
    "forename",
    "forename_aliases",
    "forename_canon",
    "surname",
    "surname_soundex",
    "dob",
    "dob_swapped",
    "dob_year",
    "sex",
    "address",
    "address_number",
    "postcode",
    "postcode_sector",
    "postcode_outward",
    "phone",
    "email",
    "email_user",
    "online_handle",
    "is_new",
)

# Candidate pairs: a pair is scored when it agrees exactly on at least one of these keys. Each key is
# specific enough that its blocks stay small as the force grows (the average number of candidates per
# mention stays roughly constant, so candidate pairs grow about linearly; benchmarks/results/people.json),
# and together they
# cover the ways the same person is typed differently: a new surname (forename + dob), a typo in a name
# (soundex + dob), a mistyped or swapped date of birth (names + year), no date of birth at all (surname +
# postcode), both names mistyped (date of birth with postcode or house number), or nothing in common but a
# phone, an e-mail address, a handle or a force reference.
BLOCKING_KEYS: tuple[tuple[str, ...], ...] = (
    ("surname", "dob"),
    ("forename_canon", "dob"),
    ("surname_soundex", "forename_canon", "dob_year"),
    ("surname", "postcode"),
    ("forename_canon", "surname", "postcode_outward"),
    ("dob", "postcode"),
    ("dob", "address_number"),
    ("surname_soundex", "postcode"),
    ("forename_canon", "postcode"),
    ("phone",),
    ("email",),
    ("online_handle",),
    ("person_ref",),
)

# Forename and surname entered the wrong way round.
SWAPPED_NAMES_RULE = (("forename", "surname"), "l.forename = r.surname and l.surname = r.forename")

# Deterministic rules used only to estimate the prior (share of random pairs that match), with their assumed
# recall: full name and date of birth, or the same e-mail address.
_PRIOR_RULES = (
    "l.forename = r.forename and l.surname = r.surname and l.dob = r.dob",
    "l.email = r.email",
)
_PRIOR_RECALL = 0.7

# Expectation maximisation sessions: each estimates m for every comparison except those in its rule.
_EM_RULES = (
    "l.dob = r.dob",
    "l.surname = r.surname and l.forename_canon = r.forename_canon",
    "l.postcode = r.postcode",
)

DEFAULT_THRESHOLD = 0.9
M_FLOOR = 0.005
U_PAIRS = 1e6
logger = logging.getLogger(__name__)


def _comparisons() -> list[Any]:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    forename = cl.CustomComparison(
        output_column_name="forename",
        comparison_description="Forename, with nicknames (Bob = Robert) from the `nicknames` list",
        comparison_levels=[
            cll.NullLevel("forename"),
            cll.ExactMatchLevel("forename", term_frequency_adjustments=True),
            cll.ArrayIntersectLevel("forename_aliases", min_intersection=1).configure(
                label_for_charts="Nickname or variant of the same name"
            ),
            cll.JaroWinklerLevel("forename", 0.92),
            cll.JaroWinklerLevel("forename", 0.8),
            cll.ElseLevel(),
        ],
    )
    surname = cl.CustomComparison(
        output_column_name="surname",
        comparison_description="Surname",
        comparison_levels=[
            cll.NullLevel("surname"),
            cll.ExactMatchLevel("surname", term_frequency_adjustments=True),
            cll.JaroWinklerLevel("surname", 0.92),
            cll.JaroWinklerLevel("surname", 0.8),
            cll.ElseLevel(),
        ],
    )
    dob = cl.CustomComparison(
        output_column_name="dob",
        comparison_description="Date of birth: exact, day and month swapped, one typing error, same year",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob"),
            cll.CustomLevel("dob_swapped_l = dob_r", label_for_charts="Day and month swapped"),
            cll.LevenshteinLevel("dob", 1),
            cll.ExactMatchLevel("dob_year"),
            cll.ElseLevel(),
        ],
    )
    postcode = cl.CustomComparison(
        output_column_name="postcode",
        comparison_description="UK postcode: full, sector, outward code",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode"),
            cll.ExactMatchLevel("postcode_sector"),
            cll.ExactMatchLevel("postcode_outward"),
            cll.ElseLevel(),
        ],
    )
    address = cl.CustomComparison(
        output_column_name="address",
        comparison_description="Address line",
        comparison_levels=[
            cll.NullLevel("address"),
            cll.ExactMatchLevel("address"),
            cll.JaroWinklerLevel("address", 0.9),
            cll.ElseLevel(),
        ],
    )
    email = cl.CustomComparison(
        output_column_name="email",
        comparison_description="E-mail: exact, or the same user name at another provider",
        comparison_levels=[
            cll.NullLevel("email"),
            cll.ExactMatchLevel("email"),
            cll.ExactMatchLevel("email_user"),
            cll.ElseLevel(),
        ],
    )
    handle = cl.CustomComparison(
        output_column_name="online_handle",
        comparison_description="Online handle",
        comparison_levels=[
            cll.NullLevel("online_handle"),
            cll.ExactMatchLevel("online_handle"),
            cll.JaroWinklerLevel("online_handle", 0.9),
            cll.ElseLevel(),
        ],
    )
    return [
        forename,
        surname,
        dob,
        postcode,
        address,
        _exact("phone", "Phone number in E.164 form"),
        email,
        handle,
        _exact("person_ref", "Force reference: evidence only (duplicates and collisions both happen)"),
        _exact("sex", "Sex"),
    ]


def _exact(column: str, description: str) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=column,
        comparison_description=description,
        comparison_levels=[cll.NullLevel(column), cll.ExactMatchLevel(column), cll.ElseLevel()],
    )


def rule_sql(keys: Sequence[str]) -> str:
    return " and ".join(f"l.{k} = r.{k}" for k in keys)


def blocking_rules(only_new: bool = False, part: tuple[int, int] | None = None) -> list[dict[str, str]]:
    """Blocking rules as Splink rule dicts. `only_new` keeps pairs with at least one new mention (incremental
    linking); `part=(p, k)` keeps the p-th of k hash partitions of each rule's key (memory-bounded
    batches)."""
    rules = []
    for keys, sql in [(k, rule_sql(k)) for k in BLOCKING_KEYS] + [SWAPPED_NAMES_RULE]:
        if part is not None:
            p, k = part
            key_expr = " || '|' || ".join(f"coalesce(l.{c}, '')" for c in keys)
            sql += f" and hash({key_expr}) % {k} = {p}"
        if only_new:
            sql += " and (l.is_new = 1 or r.is_new = 1)"
        rules.append({"blocking_rule": sql})
    return rules


def _settings_creator() -> Any:
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="uid",
        comparisons=_comparisons(),
        blocking_rules_to_generate_predictions=[r["blocking_rule"] for r in blocking_rules()],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
        additional_columns_to_retain=["is_new"],
        max_iterations=25,
    )


def duckdb_api(memory_limit: str | None = None, threads: int | None = None) -> Any:
    """A DuckDB connection with a memory ceiling and a spill directory, wrapped for Splink."""
    import duckdb
    from splink import DuckDBAPI

    con = duckdb.connect(":memory:")
    con.execute(f"SET memory_limit='{memory_limit or os.environ.get('FOURFOLD_DUCKDB_MEMORY', '4GB')}'")
    spill = os.path.join(tempfile.gettempdir(), "fourfold-duckdb-spill")
    os.makedirs(spill, exist_ok=True)
    con.execute(f"SET temp_directory='{spill}'")
    con.execute("SET preserve_insertion_order=false")
    con.execute("SET enable_progress_bar=false")
    if threads:
        con.execute(f"SET threads={int(threads)}")
    return DuckDBAPI(connection=con)


@dataclass
class PersonModel:
    """A trained model: Splink settings with m and u probabilities, and how it was trained."""

    settings: dict[str, Any]
    threshold: float = DEFAULT_THRESHOLD
    trained_on: int = 0
    notes: list[str] = field(default_factory=list)

    def match_weights(self) -> pd.DataFrame:
        """One row per comparison level: m, u and the match weight log2(m/u) it contributes."""
        rows = []
        for comp in self.settings["comparisons"]:
            for level in comp["comparison_levels"]:
                if level.get("is_null_level"):
                    continue
                m, u = level.get("m_probability"), level.get("u_probability")
                weight = math.log2(m / u) if m and u else None
                rows.append(
                    {
                        "comparison": comp["output_column_name"],
                        "level": level["label_for_charts"],
                        "m": m,
                        "u": u,
                        "match_weight": weight,
                    }
                )
        return pd.DataFrame(rows)

    def prior_weight(self) -> float:
        p = self.settings["probability_two_random_records_match"]
        return math.log2(p / (1 - p))

    def for_rules(self, rules: list[dict[str, str]], dialect: str = "duckdb") -> dict[str, Any]:
        """The trained settings written for `dialect` (SQL is regenerated; m, u and the prior carried over)
        with the given blocking rules."""
        if dialect == self.settings.get("sql_dialect", "duckdb"):
            settings = copy.deepcopy(self.settings)
        else:
            settings = _settings_creator().create_settings_dict(dialect)
            settings["probability_two_random_records_match"] = self.settings[
                "probability_two_random_records_match"
            ]
            for new, old in zip(settings["comparisons"], self.settings["comparisons"], strict=True):
                for new_level, old_level in zip(
                    new["comparison_levels"], old["comparison_levels"], strict=True
                ):
                    for key in ("m_probability", "u_probability"):
                        if key in old_level:
                            new_level[key] = old_level[key]
        settings["blocking_rules_to_generate_predictions"] = [dict(r, sql_dialect=dialect) for r in rules]
        return settings


def _silence_splink() -> None:
    for name in ("splink", "py4j"):
        logging.getLogger(name).setLevel(logging.ERROR)


def train(profiles: pd.DataFrame, sample_rows: int = 100_000, seed: int = 42) -> PersonModel:
    """Estimate the model from the data alone: prior from deterministic rules, u by random sampling, m by
    expectation maximisation. Runs on DuckDB over a deterministic sample (by uid order) of at most
    `sample_rows` rows, so the same data always gives the same parameters."""
    from splink import Linker

    _silence_splink()
    data = profiles[list(MODEL_COLUMNS)]
    if len(data) > sample_rows:
        step = len(data) / sample_rows
        data = data.iloc[[int(i * step) for i in range(sample_rows)]]
    linker = Linker(
        data.reset_index(drop=True), _settings_creator(), db_api=duckdb_api(), set_up_basic_logging=False
    )
    notes: list[str] = []
    n = len(data)
    try:
        linker.training.estimate_probability_two_random_records_match(
            list(_PRIOR_RULES), recall=_PRIOR_RECALL
        )
    except Exception as exc:  # too few rows for the rules to find any pair
        notes.append(f"prior left at default: {exc}")
    u_pairs = min(U_PAIRS, max(n * (n - 1) / 2, 1))
    t0 = time.perf_counter()
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    logger.info("u estimated in %.1f s", time.perf_counter() - t0)
    for rule in _EM_RULES:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except Exception as exc:  # a rule that finds no pairs in a tiny data set
            notes.append(f"EM on '{rule}' skipped: {exc}")
    settings = linker.misc.save_model_to_json()
    notes += _fill_unobserved(settings, sampled_pairs=u_pairs)
    _floor_m(settings)
    return PersonModel(settings=settings, trained_on=n, notes=notes)


def _floor_m(settings: dict[str, Any], floor: float = M_FLOOR) -> None:
    """No single disagreement may veto a match: people change phones, addresses and e-mail accounts, and
    clerks mistype. EM on data where a field never disagreed among matches gives m near 0 (weights of -90);
    m is floored and each comparison's m values rescaled to sum to 1."""
    for comp in settings["comparisons"]:
        levels = [lv for lv in comp["comparison_levels"] if not lv.get("is_null_level")]
        ms = [max(float(lv["m_probability"]), floor) for lv in levels]
        total = sum(ms)
        for lv, m in zip(levels, ms, strict=True):
            lv["m_probability"] = m / total


def _fill_unobserved(settings: dict[str, Any], sampled_pairs: float) -> list[str]:
    """Levels never seen in training get cautious values instead of Splink's defaults: u as if the level had
    been seen once in all the random pairs, but never below the u of a stricter level of the same comparison
    (an unobserved looser level must not weigh more than an exact match); m as 5%. Each fill is noted."""
    notes = []
    for comp in settings["comparisons"]:
        stricter_u = 0.0  # a looser level (same e-mail user name) is never rarer than a stricter one
        for level in comp["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            label = f"{comp['output_column_name']}: {level['label_for_charts']}"
            if level.get("u_probability") in (None, "level not observed in data"):
                level["u_probability"] = max(1.0 / sampled_pairs, stricter_u)
                notes.append(f"u not observed for {label}; set to {level['u_probability']:.3g}")
            if isinstance(level.get("u_probability"), float):
                stricter_u = max(stricter_u, level["u_probability"])
            if level.get("m_probability") in (None, "level not observed in data"):
                level["m_probability"] = 0.05
                notes.append(f"m not observed for {label}; set to 0.05")
    return notes


def _spark_session() -> Any:
    """A local Spark session with Splink's similarity functions (jar) loaded; FOURFOLD_SPARK_MASTER points it
    at a cluster instead."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        from fourfold.people.resolve import PeopleInputError

        raise PeopleInputError(
            "the Spark backend needs pyspark: install the spark extra (uv sync --extra spark)"
        ) from None
    from splink.backends.spark import similarity_jar_location

    session = (
        SparkSession.builder.master(os.environ.get("FOURFOLD_SPARK_MASTER", "local[2]"))
        .appName("fourfold-people")
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", os.environ.get("FOURFOLD_SPARK_DRIVER_MEMORY", "2g"))
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.default.parallelism", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    checkpoints = os.path.join(tempfile.gettempdir(), "fourfold-spark-checkpoints")
    session.sparkContext.setCheckpointDir(checkpoints)
    session.sparkContext.setLogLevel("ERROR")
    return session


def _spark_frame(spark: Any, data: pd.DataFrame) -> Any:
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    fields = []
    for name in data.columns:
        if name in ("uid", "is_new"):
            kind: Any = LongType()
        elif name == "forename_aliases":
            kind = ArrayType(StringType())
        else:
            kind = StringType()
        fields.append(StructField(name, kind, True))
    rows = data.astype(object).where(data.notna(), None).to_dict("records")
    return spark.createDataFrame(rows, schema=StructType(fields))


def score_pairs(
    profiles: pd.DataFrame,
    model: PersonModel,
    backend: str = "duckdb",
    only_new: bool = False,
    chunk_rows: int = 400_000,
) -> pd.DataFrame:
    """Scored candidate pairs above the model's threshold: columns uid_l, uid_r, match_probability,
    match_weight. On DuckDB large inputs are scored in hash partitions of each blocking key (`chunk_rows`
    rows per partition on average) so memory stays bounded; DuckDB spills to disk beyond its memory limit."""
    from splink import Linker

    _silence_splink()
    data = profiles[list(MODEL_COLUMNS)].reset_index(drop=True)
    if backend == "spark":
        from splink.backends.spark import SparkAPI

        spark = _spark_session()
        db_api: Any = SparkAPI(spark_session=spark)
        frames = [_spark_frame(spark, data)]
        parts: list[tuple[int, int] | None] = [None]
    elif backend == "duckdb":
        db_api = duckdb_api()
        frames = [data]
        k = max(1, math.ceil(len(data) / chunk_rows))
        parts = [None] if k == 1 else [(p, k) for p in range(k)]
    else:
        raise ValueError(f"unknown backend {backend!r}: use duckdb or spark")
    out = []
    for part in parts:
        settings = model.for_rules(blocking_rules(only_new=only_new, part=part), dialect=backend)
        linker = Linker(frames[0], settings, db_api=db_api, set_up_basic_logging=False)
        pred = linker.inference.predict(threshold_match_probability=model.threshold)
        frame = pred.as_pandas_dataframe()[["uid_l", "uid_r", "match_probability", "match_weight"]]
        pred.drop_table_from_database_and_remove_from_cache()
        out.append(frame)
    edges = pd.concat(out, ignore_index=True)
    edges[["uid_l", "uid_r"]] = edges[["uid_l", "uid_r"]].astype("int64")
    lo = edges[["uid_l", "uid_r"]].min(axis=1)
    hi = edges[["uid_l", "uid_r"]].max(axis=1)
    edges["uid_l"], edges["uid_r"] = lo, hi
    return edges.drop_duplicates(["uid_l", "uid_r"]).sort_values(["uid_l", "uid_r"]).reset_index(drop=True)


def count_candidate_pairs(profiles: pd.DataFrame) -> dict[str, int]:
    """Candidate pairs each blocking rule adds (after the pairs earlier rules already found), on DuckDB."""
    from splink.blocking_analysis import cumulative_comparisons_to_be_scored_from_blocking_rules_data

    data = profiles[list(MODEL_COLUMNS)].reset_index(drop=True)
    result = cumulative_comparisons_to_be_scored_from_blocking_rules_data(
        table_or_tables=data,
        blocking_rules=[r["blocking_rule"] for r in blocking_rules()],
        link_type="dedupe_only",
        db_api=duckdb_api(),
        unique_id_column_name="uid",
    )
    return {str(row["blocking_rule"]): int(row["row_count"]) for _, row in result.iterrows()}


def iter_levels(model: PersonModel, gammas: dict[str, int]) -> Iterator[tuple[str, str, float | None]]:
    for comp in model.settings["comparisons"]:
        name = comp["output_column_name"]
        gamma = gammas.get(name, -1)
        for level in comp["comparison_levels"]:
            if level.get("comparison_vector_value") == gamma:
                m, u = level.get("m_probability"), level.get("u_probability")
                weight = 0.0 if level.get("is_null_level") else (math.log2(m / u) if m and u else None)
                yield name, level["label_for_charts"], weight
