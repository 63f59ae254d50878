"""Choosing the isolation level for grading, and refusing to grade below a required one."""
from __future__ import annotations

from .launcher import FULL, REDUCED, IsolationError, isolation_level

_RANK = {REDUCED: 0, FULL: 1}


def choose_level(required: str | None = None) -> tuple[str, str]:
    """(level, reason); IsolationError if `required` ("full"/"reduced") cannot be met."""
    level, reason = isolation_level()
    if required is not None and _RANK[level] < _RANK[required]:
        raise IsolationError(f"требуется уровень изоляции «{required}», а здесь доступен только «{level}»: {reason}")
    return level, reason
