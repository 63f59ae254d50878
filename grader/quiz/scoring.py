"""Points for one answer (docs/quiz_format.md): each question is worth 1.

single, truefalse, numeric, param_numeric: 1 or 0.
multiple: max(0, (correct chosen − wrong chosen) / number of correct).
matching: share of left items matched to the right item.
ordering: share of neighbouring pairs of the correct order (item k, item k+1)
          that the answer puts in the same relative order; 1 only for the exact order.
"""
from __future__ import annotations

from typing import Any

MAX_POINTS = 1.0


def within(value: float, answer: float, tolerance: float) -> bool:
    # A hair of relative slack so that 0.1 + 0.2 style float noise never costs a point.
    return abs(value - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))


def score(vq, response: Any) -> float:
    """Points in [0, 1] for a parsed response (None = unanswered)."""
    if response is None or vq.key is None:
        return 0.0
    key = vq.key
    kind = vq.type
    if kind in ("single", "truefalse"):
        return float(response == key)
    if kind in ("numeric", "param_numeric"):
        return float(within(response, key, vq.q.tolerance))
    if kind == "multiple":
        right = len(response & key)
        wrong = len(response - key)
        return max(0.0, (right - wrong) / len(key))
    if kind == "matching":
        return sum(response.get(left) == right for left, right in key.items()) / len(key)
    if kind == "ordering":
        position = {shown: i for i, shown in enumerate(response)}
        good = sum(position[a] < position[b] for a, b in zip(key, key[1:]))
        return good / (len(key) - 1)
    raise ValueError(f"неизвестный тип вопроса {kind}")
