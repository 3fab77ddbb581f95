"""Small statistics shared by every accuracy report."""

from __future__ import annotations

import math


def wilson_interval(successes: int, total: int, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval for a proportion (Wilson 1927); (0, 1) when there is no data."""
    if total <= 0:
        return (0.0, 1.0)
    p = successes / total
    denom = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def precision_recall(tp: int, fp: int, fn: int) -> dict[str, float | tuple[float, float] | int]:
    """Precision and recall with their Wilson intervals, and F1."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "precision_ci": wilson_interval(tp, tp + fp),
        "recall": recall,
        "recall_ci": wilson_interval(tp, tp + fn),
        "f1": f1,
    }
