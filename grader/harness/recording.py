"""Record the calls a test makes to the student's code, to recognise known mistakes later.

When a test fails, the same calls are replayed on every mutant of the
assignment (trusted instructor code). A mutant matches when it reproduces
what the student's code did on every call — the value (or the exception),
whether it modified its inputs, whether it raised a numeric warning — while
the reference does not. Its targeted hint then goes into the feedback.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..sandbox.inplace import write_count

MAX_RECORDED_CALLS = 50
MATCH_BUDGET_S = 3.0
MAX_HINTS = 2


@dataclass
class RecordedCall:
    name: str
    args: tuple
    kwargs: dict
    outcome: tuple  # ("value", v) or ("error", builtin exception name)
    duration: float
    mutated: bool = False   # the call changed an array it was given
    warned: bool = False    # the call raised a warning (overflow, division by zero…)


def _snapshot(value: Any) -> Any:
    """A copy of test data (arrays copied, containers rebuilt): cheaper than deepcopy.

    Callables (a test's `f` for numerical_gradient, `grad_fn` for minimize) are kept by
    reference: they are the test's own trusted code, and replaying a mutant calls them again."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_snapshot(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_snapshot(v) for v in value)
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    return value


def _changed(before: Any, after: Any) -> bool:
    """Did an array inside `after` change compared with its snapshot `before`?"""
    if isinstance(after, np.ndarray):
        if not isinstance(before, np.ndarray) or before.shape != after.shape or before.dtype != after.dtype:
            return True
        # Bitwise, so NaN equals NaN without array_equal(equal_nan=True)'s cost.
        return not np.array_equal(np.ascontiguousarray(before).reshape(-1).view(np.uint8),
                                  np.ascontiguousarray(after).reshape(-1).view(np.uint8))
    if isinstance(after, (list, tuple)) and isinstance(before, (list, tuple)):
        return any(_changed(b, a) for b, a in zip(before, after))
    if isinstance(after, dict) and isinstance(before, dict):
        return any(_changed(before.get(k), a) for k, a in after.items() if isinstance(a, (np.ndarray, list, tuple, dict)))
    return False


def _error_name(exc: BaseException) -> str:
    return next((c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"), "Exception")


def _observe(function: Callable, args: tuple, kwargs: dict, before: tuple | None = None) -> tuple[tuple, bool, list]:
    """Call and return (outcome, mutated, caught warnings); exceptions become outcomes.

    `before` is a snapshot of (args, kwargs) taken by the caller, if it already has one."""
    before = before or (_snapshot(args), _snapshot(kwargs))
    writes = write_count()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            try:
                outcome: tuple = ("value", function(*args, **kwargs))
            except Exception as exc:  # noqa: BLE001 - recorded, then re-raised by the caller
                outcome = ("error", _error_name(exc), exc)
    # Student code works on copies (grader.sandbox.inplace): its writes arrive as reports, not as changes.
    mutated = write_count() != writes or _changed(before[0], args) or _changed(before[1], kwargs)
    return outcome, mutated, list(caught)


def recording(name: str, function: Callable, log: list[RecordedCall]) -> Callable:
    """Wrap `function` so each call with plain-data arguments is appended to `log`."""
    def wrapper(*args, **kwargs):
        if len(log) >= MAX_RECORDED_CALLS:
            return function(*args, **kwargs)
        saved = (_snapshot(args), _snapshot(kwargs))
        started = time.monotonic()
        outcome, mutated, caught = _observe(function, args, kwargs, saved)
        for w in caught:  # hand them on: the test's own `no_warnings` must still see them
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        log.append(RecordedCall(name, *saved, outcome[:2], time.monotonic() - started, mutated, bool(caught)))
        if outcome[0] == "error":
            raise outcome[2]
        return outcome[1]
    return wrapper


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    try:
        x, y = np.asarray(a), np.asarray(b)
        if _kind(x) != _kind(y):  # a float mask is not a boolean one, float labels are not integers
            return False
        x, y = x.astype(np.float64), y.astype(np.float64)
    except (TypeError, ValueError):
        return False
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=1e-6, atol=1e-9, equal_nan=True))


def _kind(array: np.ndarray) -> str:
    return {"b": "bool", "i": "int", "u": "int", "f": "float", "c": "complex"}.get(array.dtype.kind, "other")


def _replay(module: Any, call: RecordedCall) -> tuple:
    """(outcome, mutated, warned) of `module` on the recorded call."""
    function = getattr(module, call.name, None)
    if function is None:
        return ("error", "AttributeError"), False, False
    outcome, mutated, caught = _observe(function, _snapshot(call.args), _snapshot(call.kwargs))
    return outcome[:2], mutated, bool(caught)


def _matches(observed: tuple, call: RecordedCall) -> bool:
    outcome, mutated, warned = observed
    if (mutated, warned) != (call.mutated, call.warned) or outcome[0] != call.outcome[0]:
        return False
    return outcome[1] == call.outcome[1] if outcome[0] == "error" else _same(outcome[1], call.outcome[1])


def match_mutants(calls: list[RecordedCall], reference: Any, mutants: list, build: Callable) -> list:
    """Mutants that reproduce every recorded call where the reference does not (at most MAX_HINTS)."""
    deadline = time.monotonic() + MATCH_BUDGET_S
    names = {c.name for c in calls}
    candidates = [m for m in mutants if m.function in names
                  and not any(c.duration > 1.0 for c in calls if c.name == m.function)]  # replaying training stalls
    if not candidates:
        return []
    if all(_matches(_replay(reference, c), c) for c in calls):
        return []  # the student behaves like the reference on these calls: nothing to explain
    found = []
    for mutant in candidates:
        if time.monotonic() > deadline or len(found) >= MAX_HINTS:
            break
        variant = build(reference, mutant.function, mutant.replacement)
        if all(_matches(_replay(variant, c), c) for c in calls):
            found.append(mutant)
    return found
