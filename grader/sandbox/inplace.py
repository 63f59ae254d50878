"""In-place writes by student code reach the trusted side as a report, never as data.

A student function works on its own copies of the test's arguments (in the
worker, or copies made by the harness in-process). Its in-place changes are
never written back into the test's objects: a module-level constant of a hidden
test, or an input the test will next hand to the reference, stays exactly what
the test made it — for this submission and for every later one in the batch.

What the trusted side learns instead:
- `watching(*arrays)` (used by `grader.testing.unchanged`): which of these
  arrays a call wrote to, so a test can still demand "inputs unchanged";
- `write_count()`: a counter of reported writes, so the call recorder knows
  that a call modified its inputs (mutant hints match on that).

`private_arguments(function)` gives in-process subjects (self-check, the
reference and mutants in `validate`) the same semantics as sandboxed ones.
No grader imports: `grader.testing` uses this in students' self-checks too.
"""
from __future__ import annotations

import contextlib
import functools
from typing import Any, Callable, Iterator

import numpy as np

_watches: list["Watch"] = []
_writes = 0


class Watch:
    """Arrays a test watches; `modified[i]` turns True when a call wrote to `arrays[i]`."""

    def __init__(self, arrays: tuple):
        self.arrays = arrays
        self.modified = [False] * len(arrays)


@contextlib.contextmanager
def watching(*arrays: Any) -> Iterator[Watch]:
    watch = Watch(arrays)
    _watches.append(watch)
    try:
        yield watch
    finally:
        _watches.remove(watch)


def _same_memory(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and bool(np.shares_memory(a, b))
    except Exception:  # noqa: BLE001 - too hard to decide: not the same
        return False


def report_write(target: Any) -> None:
    """Student code changed the argument object `target` in place (None: an argument we cannot locate)."""
    global _writes
    _writes += 1
    if target is None:
        return
    for watch in _watches:
        for i, array in enumerate(watch.arrays):
            if not watch.modified[i] and _same_memory(array, target):
                watch.modified[i] = True


def write_count() -> int:
    return _writes


def _copy_tree(value: Any, pairs: list) -> Any:
    """`value` with every array replaced by a copy (containers rebuilt); (original, copy) pairs collected."""
    if isinstance(value, np.ndarray):
        copy = value.copy()
        pairs.append((value, copy))
        return copy
    if isinstance(value, list):
        return [_copy_tree(v, pairs) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_tree(v, pairs) for v in value)
    if isinstance(value, dict):
        return {k: _copy_tree(v, pairs) for k, v in value.items()}
    return value  # numbers, strings, the test's own callables


def _differs(original: np.ndarray, copy: np.ndarray) -> bool:
    if copy.shape != original.shape or copy.dtype != original.dtype:
        return True
    # Bitwise: NaN equals NaN, -0.0 differs from 0.0 (both are writes).
    return original.tobytes() != copy.tobytes()


def private_arguments(function: Callable) -> Callable:
    """`function` called on copies of its array arguments; its in-place writes are reported, not seen."""
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        pairs: list = []
        args_copy, kwargs_copy = _copy_tree(args, pairs), _copy_tree(kwargs, pairs)
        try:
            return function(*args_copy, **kwargs_copy)
        finally:
            for original, copy in pairs:
                if _differs(original, copy):
                    report_write(original)
    return call
