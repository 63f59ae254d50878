"""Measure a similarity scorer on the corpus: ROC AUC and precision at k, per transformation level.

The corpus of an assignment is `originals/` (independent correct solutions, one per style) and
`copies/` (made by disguise.py: `<original>__L<level><name>_<a|b>.py|ipynb`). A pair is a copy pair
when both files come from the same original, an independent pair otherwise.

For level L the class is the originals plus the copies at level L, scored as one class (the
common-fingerprint filter sees a realistic population); positives are its copy pairs. "all"
scores the whole corpus as one class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

HERE = Path(__file__).resolve().parent
_COPY = re.compile(r"^(?P<original>.+?)__L(?P<level>\d)")


@dataclass
class Item:
    name: str
    original: str
    level: int          # 0 for an original
    path: Path


def corpus(assignment_folder: str = "02_activations") -> list[Item]:
    root = HERE / assignment_folder
    items = [Item(p.stem, p.stem, 0, p) for p in sorted((root / "originals").glob("*.py"))]
    for path in sorted((root / "copies").iterdir()):
        match = _COPY.match(path.stem)
        if match:
            items.append(Item(path.stem, match["original"], int(match["level"]), path))
    return items


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Probability that a random copy pair outscores a random independent pair (ties count half)."""
    pos, neg = scores[labels], scores[~labels]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    values = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(values))
    start = 0
    while start < len(values):  # average ranks over ties
        end = start
        while end + 1 < len(values) and values[end + 1] == values[start]:
            end += 1
        ranks[start:end + 1] = (start + end) / 2 + 1
        start = end + 1
    rank_of = np.empty(len(values))
    rank_of[order] = ranks
    return float((rank_of[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def precision_at(scores: np.ndarray, labels: np.ndarray, k: int) -> float:
    """Share of copy pairs among the k highest-scoring pairs (ties broken against the scorer)."""
    order = np.lexsort((labels, -scores))  # among equal scores independent pairs come first
    return float(labels[order[:k]].mean()) if k else float("nan")


@dataclass
class Result:
    scope: str
    positives: int
    negatives: int
    auc: float
    precision_at_k: float     # k = number of copy pairs (R-precision)
    precision_at_10: float


def pair_arrays(items: list[Item], matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(len(items), k=1)
    labels = np.array([items[a].original == items[b].original for a, b in zip(i, j)])
    return matrix[i, j], labels


def measure(items: list[Item], score_class: Callable[[list[Item]], np.ndarray]) -> list[Result]:
    """`score_class(items)` returns the n × n score matrix of one class."""
    results = []
    levels = sorted({it.level for it in items if it.level})
    scopes = [(f"L{lv}", [it for it in items if it.level in (0, lv)]) for lv in levels] + [("all", items)]
    for scope, chosen in scopes:
        scores, labels = pair_arrays(chosen, score_class(chosen))
        positives = int(labels.sum())
        results.append(Result(scope, positives, int((~labels).sum()), roc_auc(scores, labels),
                              precision_at(scores, labels, positives), precision_at(scores, labels, 10)))
    return results
