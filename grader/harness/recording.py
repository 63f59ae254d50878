"""Record the calls a test makes to the student's code, to recognise known mistakes later.

Every call a test makes is logged with its outcome (the value or the exception),
whether it modified its inputs and which numeric warnings it raised. After the
last test of a submission, the calls are replayed on the reference and on the
assignment's mutants (trusted instructor code). A deviation is a call of a failed
test where the reference does not behave like the student; a mutant explains the
deviations it reproduces, and is a candidate only if it also agrees with every
other reproducible call of its function — in passing tests as well as failing
ones. Candidates are ranked by how many deviations they explain, and only an
unambiguous best explanation gives a hint: none rather than a wrong one.
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable

import numpy as np

from ..sandbox.inplace import write_count
from ..redaction import redact

MAX_RECORDED_CALLS = 50
BASE_BUDGET_S = 5.0      # per submission with failures, plus
MATCH_BUDGET_S = 3.0     # per failed test, spent on all of them together
MAX_BUDGET_S = 30.0
SLOW_CALL_S = 1.0        # replaying such calls (training loops) would stall grading
CHEAP_REPLAY_S = 0.2     # a reference replay this fast is repeated to tell random calls from deterministic ones
MAX_HINTS = 2
MAX_WARNING_TEXT = 120


@dataclass(eq=False)
class RecordedCall:
    name: str
    args: tuple
    kwargs: dict
    outcome: tuple  # ("value", v) or ("error", builtin exception name)
    duration: float
    mutated: bool = False   # the call changed an array it was given
    warnings: frozenset = frozenset()  # "Category: message" of each numeric warning it raised
    # Arguments that are (part of) what an earlier call of the same test returned — an optimizer's
    # state, batchnorm's cache, the weights of the previous step: ((argument, earlier call, index), ...).
    # A replay passes the replaying module's OWN earlier result there, not the student's.
    links: tuple = ()
    returned: Any = None  # the live object the call returned (identity for links; outcome holds a copy)

    @property
    def warned(self) -> bool:
        return bool(self.warnings)


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


def _warning_kinds(caught: list) -> frozenset:
    """What went wrong numerically ("RuntimeWarning: overflow encountered in exp"), not where.

    Messages are compared redacted: a sandboxed student's warnings reach us with their numbers
    shown as «…» (they could carry hidden inputs), so a replay's must look the same."""
    return frozenset(f"{w.category.__name__}: {redact(str(w.message), MAX_WARNING_TEXT)}" for w in caught)


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
        # A copy of the result: a later call may change the returned array in place (an in-place
        # update returns its argument), and the record must keep what this call returned.
        kept = ("value", _snapshot(outcome[1])) if outcome[0] == "value" else outcome[:2]
        log.append(RecordedCall(name, *saved, kept, time.monotonic() - started, mutated,
                                _warning_kinds(caught), _links(args, kwargs, log),
                                outcome[1] if outcome[0] == "value" else None))
        if outcome[0] == "error":
            raise outcome[2]
        return outcome[1]
    return wrapper


def _links(args: tuple, kwargs: dict, log: list[RecordedCall]) -> tuple:
    """Which arguments are, by identity, an earlier recorded result or an element of one."""
    found = []
    for key, value in [*enumerate(args), *kwargs.items()]:
        if value is None or isinstance(value, (bool, int, float, str)):
            continue
        for earlier in reversed(log):
            if earlier.outcome[0] != "value":
                continue
            result = earlier.returned
            if value is result:
                found.append((key, earlier, None))
                break
            if isinstance(result, (tuple, list)):
                index = next((i for i, item in enumerate(result) if item is value), None)
                if index is not None:
                    found.append((key, earlier, index))
                    break
    return tuple(found)


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


Observation = tuple  # (outcome, mutated, warning kinds)


def _replay(module: Any, call: RecordedCall, earlier: Callable | None = None) -> Observation:
    """(outcome, mutated, warning kinds) of `module` on the recorded call.

    `earlier(call)` gives the module's own observation of an earlier call; linked arguments
    (state, cache, weights of a chain) are taken from there."""
    function = getattr(module, call.name, None)
    if function is None:
        return ("error", "AttributeError"), False, frozenset()
    args, kwargs = list(_snapshot(call.args)), _snapshot(call.kwargs)
    for key, source, index in (call.links if earlier is not None else ()):
        outcome = earlier(source)[0]
        if outcome[0] != "value":
            return ("error", "chain"), False, frozenset()  # its own earlier step already failed
        value = outcome[1] if index is None else _element(outcome[1], index)
        if value is _MISSING:
            return ("error", "chain"), False, frozenset()
        if isinstance(key, int):
            args[key] = _snapshot(value)
        else:
            kwargs[key] = _snapshot(value)
    outcome, mutated, caught = _observe(function, tuple(args), kwargs)
    return outcome[:2], mutated, _warning_kinds(caught)


_MISSING = object()


def _element(result: Any, index: int) -> Any:
    if isinstance(result, (tuple, list)) and index < len(result):
        return result[index]
    return _MISSING


class _Replayer:
    """One module's replays of a submission's calls, each once, chains in the module's own values."""

    def __init__(self, module: Any):
        self.module, self.memo = module, {}

    def __call__(self, call: RecordedCall) -> Observation:
        if id(call) not in self.memo:
            self.memo[id(call)] = _replay(self.module, call, self)
        return self.memo[id(call)]


def _seen(observation: Observation, call: RecordedCall, views: dict | None) -> Observation:
    """The observation with a returned value replaced by its view, if the function has one.

    A view (mutants.py's OBSERVABLES) maps a result to what any correct implementation shares:
    a random draw's properties (keep fraction, scale, distribution), an update rule's weights
    without its state, batchnorm's output without its cache."""
    view = (views or {}).get(call.name)
    outcome = observation[0]
    if view is None or outcome[0] != "value":
        return observation
    try:
        shown = ("value", ("view", view(outcome[1], *_snapshot(call.args), **_snapshot(call.kwargs))))
    except Exception:  # noqa: BLE001 - a result the view cannot read is its own observation
        shown = ("value", ("view failed",))
    return (shown, *observation[1:])


def _agree(a: Observation, b: Observation) -> bool:
    (out_a, mut_a, warn_a), (out_b, mut_b, warn_b) = a, b
    if (mut_a, warn_a) != (mut_b, warn_b) or out_a[0] != out_b[0]:
        return False
    return out_a[1] == out_b[1] if out_a[0] == "error" else _same(out_a[1], out_b[1])


def _observed(call: RecordedCall) -> Observation:
    return call.outcome, call.mutated, call.warnings


@dataclass
class TestCalls:
    """What one test saw of the student's code: its calls and whether the test failed."""

    __test__ = False
    key: Hashable
    calls: list[RecordedCall]
    failed: bool


@dataclass
class _Candidate:
    mutant: Any
    explained: frozenset = field(default_factory=frozenset)  # ids of deviating calls it reproduces


def explain_submission(tests: list[TestCalls], reference: Any, mutants: list, build: Callable,
                       budget_s: float | None = None, views: dict | None = None) -> dict[Hashable, list]:
    """Which mutants explain the failures of one submission: {failed test key: [mutant, ...]}.

    A deviation is a call of a failed test where the reference does not behave like the
    student. A mutant is a candidate when (1) it reproduces every reproducible call of its
    own function, in every test, (2) wherever it behaves unlike the reference on the other
    deviating functions it behaves like the student, and (3) it reproduces at least one
    deviation. Calls nobody can reproduce (unseeded random draws; a passing test's call
    where the student differs from the reference within the test's tolerance) are no
    evidence either way. Candidates are chosen greedily by the number of still unexplained
    deviations they reproduce; equally good candidates with different hints are dropped
    (no guessing). Each failed test then gets the hints of the chosen mutants that
    reproduce one of its deviations. Work stops at the budget; an unfinished check counts
    as no evidence, so a slow submission gets fewer hints, never wrong ones.
    """
    if budget_s is None:
        budget_s = min(MAX_BUDGET_S, BASE_BUDGET_S + MATCH_BUDGET_S * sum(t.failed for t in tests))
    deadline = time.monotonic() + budget_s
    failed_calls = [c for t in tests if t.failed for c in t.calls]
    if not failed_calls or not mutants:
        return {}
    by_name: dict[str, list[RecordedCall]] = {}
    for t in tests:
        for c in t.calls:
            by_name.setdefault(c.name, []).append(c)
    slow = {name for name, calls in by_name.items() if any(c.duration > SLOW_CALL_S for c in calls)}

    ref_cache: dict[int, Observation] = {}
    ref_time: dict[int, float] = {}

    replay_reference = _Replayer(reference)

    def ref_of(call: RecordedCall) -> Observation:
        if id(call) not in ref_cache:
            started = time.monotonic()
            ref_cache[id(call)] = _seen(replay_reference(call), call, views)
            ref_time[id(call)] = time.monotonic() - started
        return ref_cache[id(call)]

    def student_of(call: RecordedCall) -> Observation:
        return _seen(_observed(call), call, views)

    # Calls nobody can reproduce are no evidence: random draws without a seed (the reference
    # disagrees with itself), or a passing test's call where the student differs from the
    # reference only within the test's tolerance or by chance.
    unreliable: set[int] = set()
    deviations: dict[int, RecordedCall] = {}
    for c in failed_calls:
        if c.name in slow or _agree(ref_of(c), student_of(c)):
            continue
        if ref_time[id(c)] > CHEAP_REPLAY_S or _agree(_seen(_Replayer(reference)(c), c, views), ref_of(c)):
            deviations[id(c)] = c
        else:
            unreliable.add(id(c))
    if not deviations:
        return {}  # the student behaves like the reference on these calls: nothing to explain
    deviating_names = {c.name for c in deviations.values()}
    passing = {id(c) for t in tests if not t.failed for c in t.calls}

    # Phase 1: every mutant of a deviating function against the deviations alone (cheap, decisive).
    plausible: list[tuple[Any, Any, set]] = []
    for mutant in mutants:
        if mutant.function not in deviating_names or mutant.function in slow:
            continue
        if time.monotonic() > deadline:
            break
        variant = _Replayer(build(reference, mutant.function, mutant.replacement))  # one chain per variant
        explained = _check(variant, mutant.function, deviations.values(), ref_of, deadline, deviations, passing,
                           student_of, views)
        if explained:
            plausible.append((mutant, variant, explained))
    # Phase 2: the most explanatory first, against every other call of the functions involved.
    candidates: list[_Candidate] = []
    for mutant, variant, explained in sorted(plausible, key=lambda p: len(p[2]), reverse=True):
        rest = [c for name in [mutant.function, *sorted(deviating_names - {mutant.function})]
                for c in by_name.get(name, ()) if id(c) not in deviations and id(c) not in unreliable]
        if _check(variant, mutant.function, rest, ref_of, deadline, deviations, passing, student_of,
                  views) is not None:
            candidates.append(_Candidate(mutant, frozenset(explained)))

    chosen = _choose(candidates, set(deviations))
    result: dict[Hashable, list] = {}
    for t in tests:
        if not t.failed:
            continue
        own = {id(c) for c in t.calls} & set(deviations)
        hits = [c.mutant for c in chosen if c.explained & own]
        if hits:
            result[t.key] = hits
    return result


def _check(variant: "_Replayer", function: str, calls: Iterable[RecordedCall], ref_of: Callable, deadline: float,
           deviations: dict, passing: set, student_of: Callable = None, views: dict | None = None) -> set | None:
    """Ids of the student's deviations among `calls` that `variant` reproduces; None if it
    contradicts the student on one of them (or time ran out: unfinished evidence is no evidence).

    The reference is replayed only where the variant and the student disagree (replaying a
    training loop twice per call is what makes hints slow)."""
    explained = set()
    for call in calls:
        if time.monotonic() > deadline:
            return None
        student = (student_of or _observed)(call)
        mine = _seen(variant(call), call, views)
        if _agree(mine, student):
            if id(call) in deviations:
                explained.add(id(call))
            continue
        ref = ref_of(call)
        if id(call) in passing and not _agree(ref, student):
            continue  # a passing test's call nobody reproduces (tolerance, chance): no evidence
        if call.name == function or not _agree(mine, ref):
            return None  # the mistake predicts behaviour the student does not show
    return explained


def _choose(candidates: list[_Candidate], open_ids: set) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    remaining = set(open_ids)
    pool = list(candidates)
    while remaining and pool and len(chosen) < MAX_HINTS:
        best = max(len(c.explained & remaining) for c in pool)
        if best == 0:
            break
        top = [c for c in pool if len(c.explained & remaining) == best]
        covered = top[0].explained & remaining
        twins = [c for c in top if c.explained & remaining == covered]
        pool = [c for c in pool if c not in twins]
        remaining -= covered
        if len({c.mutant.hint for c in twins}) > 1:
            continue  # observably equivalent mistakes with different hints: naming one would be a guess
        chosen.append(twins[0])
        pool = [c for c in pool if c.mutant.function != twins[0].mutant.function]
    return chosen


def match_mutants(calls: list[RecordedCall], reference: Any, mutants: list, build: Callable) -> list:
    """The mutants that explain one failed test seen on its own (kept for callers of the old API)."""
    return explain_submission([TestCalls(0, calls, True)], reference, mutants, build).get(0, [])
