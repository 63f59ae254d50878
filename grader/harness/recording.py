"""Record the calls a test makes to the student's code, to recognise known mistakes later.

When a test fails, the same calls are replayed on every mutant of the
assignment (trusted instructor code); if one mutant reproduces the student's
outputs exactly while the reference does not, its targeted hint applies.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

MAX_RECORDED_CALLS = 50
MATCH_BUDGET_S = 3.0


@dataclass
class RecordedCall:
    name: str
    args: tuple
    kwargs: dict
    outcome: tuple  # ("value", v) or ("error", builtin exception name)
    duration: float


def _snapshot(value: Any) -> Any:
    """A copy of plain test data (arrays copied, containers rebuilt): cheaper than deepcopy."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_snapshot(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_snapshot(v) for v in value)
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    return value


def _plain(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(v) for v in value.values())
    return not callable(value)


def _error_name(exc: BaseException) -> str:
    return next((c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"), "Exception")


def recording(name: str, function: Callable, log: list[RecordedCall]) -> Callable:
    """Wrap `function` so each call with plain-data arguments is appended to `log`."""
    def wrapper(*args, **kwargs):
        keep = len(log) < MAX_RECORDED_CALLS and _plain(args) and _plain(kwargs)
        saved = (_snapshot(args), _snapshot(kwargs)) if keep else None
        started = time.monotonic()
        try:
            value = function(*args, **kwargs)
        except Exception as exc:
            if saved:
                log.append(RecordedCall(name, *saved, ("error", _error_name(exc)), time.monotonic() - started))
            raise
        if saved:
            log.append(RecordedCall(name, *saved, ("value", _snapshot(value)), time.monotonic() - started))
        return value
    return wrapper


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    try:
        x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=1e-6, atol=1e-9, equal_nan=True))


def _replay(module: Any, call: RecordedCall) -> tuple:
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):  # mutants overflow on purpose
            warnings.simplefilter("ignore")
            return ("value", getattr(module, call.name)(*_snapshot(call.args), **_snapshot(call.kwargs)))
    except Exception as exc:  # noqa: BLE001 - a mutant may raise where the student did
        return ("error", _error_name(exc))


def _outcomes_match(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and (a[1] == b[1] if a[0] == "error" else _same(a[1], b[1]))


def match_mutant(calls: list[RecordedCall], reference: Any, mutants: list, build: Callable) -> Any | None:
    """The first mutant that reproduces every recorded outcome where the reference does not."""
    deadline = time.monotonic() + MATCH_BUDGET_S
    names = {c.name for c in calls}
    reference_outcomes = None
    for mutant in mutants:
        if mutant.function not in names or time.monotonic() > deadline:
            continue
        if any(c.duration > 1.0 for c in calls if c.name == mutant.function):
            continue  # replaying slow calls (training) on every mutant would stall grading
        if reference_outcomes is None:
            reference_outcomes = [_replay(reference, c) for c in calls]
        if all(_outcomes_match(r, c.outcome) for r, c in zip(reference_outcomes, calls)):
            return None  # the student agrees with the reference on these calls: nothing to explain
        variant = build(reference, mutant.function, mutant.replacement)
        if all(_outcomes_match(_replay(variant, c), c.outcome) for c in calls):
            return mutant
    return None
