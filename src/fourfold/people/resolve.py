"""resolve_people: person mentions (one per record and role) to stable person ids.

Stages, each a small function over tables:
1. standardise the fields (fourfold.people.normalise);
2. collapse mentions whose standardised fields are identical and strongly identifying (full name with a date
   of birth, phone or e-mail) into one profile: police systems repeat the same nominal on every record, and
   scoring each copy again adds nothing;
3. train the model on the profiles (no labels) unless a trained one is given;
4. score candidate pairs from the blocking rules, in memory-bounded batches;
5. cluster: connected components of pairs at or above the threshold;
6. name each cluster: the id carried over from `previous` when its members had one, otherwise an id derived
   from the smallest member mention id, so unchanged data always gives the same ids.

With `previous`, only pairs involving a new mention are scored; new mentions join the existing person they
match best, and existing people are never split or merged by an incremental run (a full run re-decides).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from fourfold.people import normalise
from fourfold.people.model import PersonModel, score_pairs, train


class PeopleInputError(ValueError):
    """The mentions table cannot be resolved (missing or duplicate ids); the message is one line."""


def person_id_for(mention_id: str) -> str:
    """Deterministic person id from a cluster's smallest mention id (opaque: the mention id is not shown)."""
    return "P" + hashlib.blake2b(str(mention_id).encode("utf-8"), digest_size=6).hexdigest().upper()


@dataclass
class Resolution:
    """Everything a run produced: the result table, the trained model and the scored pairs (uids)."""

    people: pd.DataFrame
    model: PersonModel | None
    pairs: pd.DataFrame
    profiles: pd.DataFrame


def _validate(mentions: pd.DataFrame) -> pd.DataFrame:
    if "mention_id" not in mentions.columns:
        raise PeopleInputError("mentions have no mention_id column")
    ids = mentions["mention_id"]
    if ids.isna().any():
        raise PeopleInputError(f"{int(ids.isna().sum())} mention(s) have no mention_id")
    ids = ids.astype(str)
    dupes = ids[ids.duplicated()]
    if len(dupes):
        raise PeopleInputError(f"mention_id is not unique: {dupes.iloc[0]!r} appears more than once")
    return mentions.assign(mention_id=ids)


def _profiles(std: pd.DataFrame, mention_ids: pd.Series) -> tuple[pd.DataFrame, np.ndarray]:
    """(profiles, uid of each mention). Identical strongly identifying rows share a profile; uids follow the
    order of the smallest mention id in each profile, so they do not depend on the input order."""
    strong = (
        std["forename"].notna()
        & std["surname"].notna()
        & (std["dob"].notna() | std["phone"].notna() | std["email"].notna())
    )
    key_str = pd.Series("", index=std.index, dtype=object)
    for column in normalise.PERSON_FIELDS:
        key_str = key_str + "\x1f" + std[column].fillna("\x00").astype(str)
    # Weakly identified mentions stay on their own: a shared first name alone makes nobody the same person.
    key_str = key_str.where(strong, "\x1e" + mention_ids.values)
    order = np.argsort(mention_ids.to_numpy().astype(str), kind="stable")
    # Profiles numbered in order of their smallest mention id; each represented by that mention's row.
    codes_sorted, _ = pd.factorize(key_str.to_numpy()[order])
    uids = np.empty(len(order), dtype=np.int64)
    uids[order] = codes_sorted
    first_in_sorted = np.unique(codes_sorted, return_index=True)[1]
    reps = order[first_in_sorted]
    profiles = std.iloc[reps].reset_index(drop=True)
    profiles.insert(0, "uid", np.arange(len(reps), dtype=np.int64))
    return profiles, uids


def _group_min(values: np.ndarray, keys: np.ndarray) -> pd.Series:
    """The smallest string of `values` in each group of `keys` (indexed by key, sorted). The same result as
    `pd.Series(values).groupby(keys).min()`, whose object-dtype path runs in pure Python (16 s at 400k rows);
    a sort and a first-per-group take about 1 s."""
    frame = pd.DataFrame({"key": np.asarray(keys), "value": np.asarray(values, dtype=object)})
    first = frame.sort_values(["key", "value"], kind="stable").drop_duplicates("key")
    result = first.set_index("key")["value"]
    result.index.name = None
    result.name = None
    return result


def _components(n: int, pairs: pd.DataFrame) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if pairs.empty:
        return np.arange(n)
    graph = coo_matrix(
        (np.ones(len(pairs)), (pairs["uid_l"].to_numpy(), pairs["uid_r"].to_numpy())), shape=(n, n)
    )
    _, labels = connected_components(graph, directed=False)
    return labels


def resolve_mentions(
    mentions: pd.DataFrame,
    backend: str = "duckdb",
    previous: pd.DataFrame | None = None,
    model: PersonModel | None = None,
    threshold: float | None = None,
) -> Resolution:
    """resolve_people with the model, the pairs and the profiles kept (for evaluation and explain_pair)."""
    mentions = _validate(mentions)
    mention_ids = mentions["mention_id"].reset_index(drop=True)
    std = normalise.standardise(mentions.reset_index(drop=True))
    identified = normalise.has_identity(std).to_numpy()

    prev_ids: dict[str, str] = {}
    if previous is not None:
        if not {"mention_id", "person_id"} <= set(previous.columns):
            raise PeopleInputError("previous result needs mention_id and person_id columns")
        prev = previous.dropna(subset=["person_id"])
        prev_ids = dict(zip(prev["mention_id"].astype(str), prev["person_id"].astype(str), strict=True))

    idx = np.flatnonzero(identified)
    sub_ids = mention_ids.iloc[idx].reset_index(drop=True)
    profiles, uids = _profiles(std.iloc[idx].reset_index(drop=True), sub_ids)
    is_old_mention = sub_ids.isin(prev_ids.keys()).to_numpy()
    profile_has_new = np.zeros(len(profiles), dtype=bool)
    np.logical_or.at(profile_has_new, uids, ~is_old_mention)
    profiles["is_new"] = profile_has_new.astype(np.int64) if previous is not None else 1

    if model is None and len(profiles) >= 2:
        model = train(profiles)
    if model is not None and threshold is not None:
        model.threshold = threshold
    incremental = previous is not None
    if model is None or len(profiles) < 2 or (incremental and not profile_has_new.any()):
        pairs = pd.DataFrame(
            {
                "uid_l": pd.Series(dtype="int64"),
                "uid_r": pd.Series(dtype="int64"),
                "match_probability": pd.Series(dtype="float64"),
                "match_weight": pd.Series(dtype="float64"),
            }
        )
    else:
        pairs = score_pairs(profiles, model, backend=backend, only_new=incremental)

    # Smallest mention id of each profile, and best match probability of each profile.
    min_mention = _group_min(sub_ids.to_numpy(), uids)
    best_prob = (
        pd.concat(
            [pairs.set_index("uid_l")["match_probability"], pairs.set_index("uid_r")["match_probability"]]
        )
        .groupby(level=0)
        .max()
    )

    if not incremental:
        labels = _components(len(profiles), pairs)
        cluster_min = _group_min(min_mention.to_numpy(), labels)
        # Connected-component labels run 0..k-1, so each cluster's id is named once and indexed by label.
        cluster_person = np.array([person_id_for(m) for m in cluster_min.to_numpy()], dtype=object)
        profile_person = cluster_person[cluster_min.index.get_indexer(labels)]
    else:
        profile_person = _assign_incremental(profiles, uids, sub_ids, prev_ids, pairs, min_mention)

    person = np.full(len(mentions), None, dtype=object)
    person[idx] = profile_person[uids]
    prob = np.full(len(mentions), np.nan)
    prob[idx] = best_prob.reindex(uids).to_numpy()
    # Mentions collapsed into a profile with another mention are certain matches of each other.
    shared = pd.Series(uids).duplicated(keep=False).to_numpy()
    prob[idx[shared & np.isnan(prob[idx])]] = 1.0
    people = pd.DataFrame({"mention_id": mention_ids, "person_id": person, "match_probability": prob})
    return Resolution(people=people, model=model, pairs=pairs, profiles=profiles)


def _assign_incremental(
    profiles: pd.DataFrame,
    uids: np.ndarray,
    sub_ids: pd.Series,
    prev_ids: dict[str, str],
    pairs: pd.DataFrame,
    min_mention: pd.Series,
) -> np.ndarray:
    """Old profiles keep their previous person id; each group of new profiles (connected among themselves)
    joins the existing person it matches with the highest probability, or becomes a new person."""
    n = len(profiles)
    profile_person = np.full(n, None, dtype=object)
    # A profile holding an old mention keeps that mention's id (the smallest old mention decides).
    old_rows = pd.DataFrame({"uid": uids, "mention_id": sub_ids.values})
    old_rows["prev"] = old_rows["mention_id"].map(prev_ids)
    old_rows = old_rows.dropna(subset=["prev"]).sort_values("mention_id")
    for uid, prev in old_rows.groupby("uid")["prev"].first().items():
        profile_person[int(uid)] = prev
    is_old = np.array([p is not None for p in profile_person])
    new_new = pairs[~is_old[pairs["uid_l"].to_numpy()] & ~is_old[pairs["uid_r"].to_numpy()]]
    labels = _components(n, new_new)
    best: dict[int, tuple[float, str]] = {}
    for row in pairs.itertuples(index=False):
        left_old, right_old = is_old[row.uid_l], is_old[row.uid_r]
        if left_old == right_old:
            continue
        new_uid, old_uid = (row.uid_r, row.uid_l) if left_old else (row.uid_l, row.uid_r)
        label = int(labels[new_uid])
        candidate = (float(row.match_probability), str(profile_person[old_uid]))
        # Highest probability wins; ties go to the smaller person id so the choice is deterministic.
        if label not in best or (candidate[0], _neg(candidate[1])) > (best[label][0], _neg(best[label][1])):
            best[label] = candidate
    new_uids = np.flatnonzero(~is_old)
    group_min = _group_min(min_mention.reindex(new_uids).to_numpy(), labels[new_uids])
    for uid in new_uids:
        label = int(labels[uid])
        profile_person[uid] = best[label][1] if label in best else person_id_for(group_min[label])
    return profile_person


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def resolve_people(
    mentions: pd.DataFrame,
    backend: str = "duckdb",
    previous: pd.DataFrame | None = None,
    model: PersonModel | None = None,
    threshold: float | None = None,
) -> pd.DataFrame:
    """Contract B: `mentions` (mention_id, record_id, role and any person fields) to a table of mention_id,
    person_id (None when the mention has no identifying field) and match_probability (the best score linking
    the mention to another of the same person; NaN for a person seen once). `previous` is an earlier result:
    its ids are kept and only new mentions are linked (incremental). `mentions` must still contain the
    previously resolved mentions' fields so new ones can be compared with them."""
    return resolve_mentions(
        mentions, backend=backend, previous=previous, model=model, threshold=threshold
    ).people
