"""What test authors import: points, Russian assertions, the reference, mutants.

Public tests, hidden tests and mutants all use this module; every message it
produces is what a student reads, so it is Russian and says what was checked.
"""
from __future__ import annotations

import contextlib
import inspect
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import pytest

from .course import COURSE_FILE
from .redaction import from_student, student_error
from .sandbox.inplace import watching


class GradingFailure(AssertionError):
    """A failed check with a Russian message and structured details for feedback."""

    def __init__(self, message: str, **details: Any):
        super().__init__(message)
        self.details = details


def points(n: float, function: str):
    """Tie a test to one API function and give it `n` points.

    A parametrized test shares its points evenly among its cases, so the sum
    over a function's tests is what course.yaml gives that function.
    """
    return pytest.mark.nngrader(points=float(n), function=function)


def rule(key: str):
    """Tie a hidden test to the statement sentence it enforces.

    `key` must appear in the assignment README's «Что проверяется» list as a
    line starting with `` `key` — `` followed by the sentence in words, so a
    test can never enforce a rule the student was not told (validate checks it).
    """
    return pytest.mark.nngrader_rule(key)


def checks(function: str):
    """Tie a public (ungraded) test to the API function it checks."""
    return pytest.mark.nngrader(points=0.0, function=function)


# ---------------------------------------------------------------- summaries

def describe(value: Any) -> str:
    """A short Russian description of a value: type, shape, dtype."""
    if isinstance(value, np.ndarray):
        return f"массив формы {value.shape}, dtype {value.dtype}"
    if isinstance(value, (bool, np.bool_)):
        return f"логическое значение {value}"
    if isinstance(value, (int, float, np.number)):
        return f"число {value!r}"
    if value is None:
        return "None (функция ничего не вернула — забыли return?)"
    if isinstance(value, tuple):
        return f"кортеж из {len(value)} элементов"
    if isinstance(value, list):
        return f"список из {len(value)} элементов"
    return f"объект типа {type(value).__name__}"


def _as_float_array(value: Any, what: str) -> np.ndarray:
    if value is None or isinstance(value, (str, dict, set)):
        raise GradingFailure(f"{what}: ожидалось число или массив, получено {describe(value)}")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise GradingFailure(f"{what}: ожидалось число или массив, получено {describe(value)}") from None
    return arr


def _index_text(index) -> str:
    return "(" + ", ".join(str(int(i)) for i in tuple(index)) + ")"


def assert_close(actual: Any, expected: Any, *, rtol: float = 1e-7, atol: float = 1e-9,
                 what: str = "результат", check_shape: bool = True) -> None:
    """Compare numerically; on failure report shapes, max error and first differing entries."""
    exp = np.asarray(expected, dtype=np.float64)
    act = _as_float_array(actual, what)
    if check_shape and act.shape != exp.shape:
        raise GradingFailure(
            f"{what}: неверная форма — получено {act.shape}, ожидалось {exp.shape}",
            kind="shape", received_shape=act.shape, expected_shape=exp.shape,
        )
    try:
        act_b, exp_b = np.broadcast_arrays(act, exp)
    except ValueError:
        raise GradingFailure(f"{what}: форма {act.shape} несовместима с ожидаемой {exp.shape}",
                             kind="shape", received_shape=act.shape, expected_shape=exp.shape) from None
    nonfinite = ~np.isfinite(act_b) & np.isfinite(exp_b)
    if nonfinite.any():
        first = _index_text(np.argwhere(nonfinite)[0])
        raise GradingFailure(
            f"{what}: получены nan или inf ({int(nonfinite.sum())} из {act_b.size} элементов, "
            f"первый в позиции {first}) там, где ожидались конечные числа — проверьте численную устойчивость",
            kind="nonfinite", count=int(nonfinite.sum()),
        )
    with np.errstate(all="ignore"):
        diff = np.abs(act_b - exp_b)
        bad = ~(diff <= atol + rtol * np.abs(exp_b)) & ~(np.isnan(act_b) & np.isnan(exp_b))
        # An infinite expected value is matched only by the same infinity: the tolerance
        # rtol·inf would accept anything, and inf − inf is nan.
        bad = np.where(np.isinf(exp_b), act_b != exp_b, bad)
    if not bad.any():
        return
    with np.errstate(all="ignore"):
        rel = np.where(np.abs(exp_b) > 0, diff / np.abs(exp_b), diff)
        rel = np.where(np.isinf(exp_b), np.inf, rel)  # a wrong value in place of ±inf is infinitely wrong
    worst = np.unravel_index(int(np.nanargmax(np.where(bad, rel, -1))), act_b.shape) if act_b.ndim else ()
    firsts = [tuple(i) for i in np.argwhere(bad)[:3]] if act_b.ndim else [()]
    sample = "; ".join(
        f"{_index_text(i)}: получено {act_b[i]:.6g}, ожидалось {exp_b[i]:.6g}" for i in firsts
    )
    raise GradingFailure(
        f"{what}: значения не совпадают ({int(bad.sum())} из {act_b.size} элементов, форма {act_b.shape}); "
        f"макс. относительная ошибка {float(np.nanmax(np.where(bad, rel, 0))):.3g} в позиции {_index_text(worst)}; "
        f"первые расхождения: {sample}",
        kind="values", mismatched=int(bad.sum()), size=int(act_b.size), shape=act_b.shape,
        max_rel_error=float(np.nanmax(np.where(bad, rel, 0))),
        first_diffs=[[list(map(int, i)), float(act_b[i]), float(exp_b[i])] for i in firsts],
    )


def assert_true(condition: bool, message: str, **details: Any) -> None:
    """Fail with a Russian message (and feedback details) unless `condition` holds."""
    if not condition:
        raise GradingFailure(message, **details)


def assert_float(value: Any, what: str = "результат") -> float:
    """The contract asks for a Python float (e.g. every loss); 0-d arrays are accepted."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if not isinstance(value, (float, int, np.floating, np.integer)) or isinstance(value, (bool, np.bool_)):
        raise GradingFailure(f"{what}: ожидалось одно число (float), получено {describe(value)}",
                             kind="type", received=describe(value))
    return float(value)


@contextlib.contextmanager
def no_warnings(what: str = "вызов") -> Iterator[None]:
    """Fail if the block raises any warning (overflow in exp, division by zero, …)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Force numpy to report: a submission must not hide overflow with np.seterr.
        # Underflow to 0 is the correct limit (e.g. exp(-1e4)), so it is not a fault.
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            yield
    if caught:
        texts = "; ".join(f"{w.category.__name__}: {w.message}" for w in caught[:3])
        raise GradingFailure(
            f"{what}: возникли предупреждения ({len(caught)}): {texts}. "
            "Решение должно работать без переполнений и деления на ноль",
            kind="warnings", warnings=[f"{w.category.__name__}: {w.message}" for w in caught],
        )


@contextlib.contextmanager
def unchanged(*arrays: Any, names: tuple[str, ...] = ()) -> Iterator[None]:
    """Fail if the block modifies any of `arrays` in place.

    Student code never writes into the test's arrays (it gets copies, see
    grader.sandbox.inplace); its writes to these arrays are reported to this watch."""
    copies = [np.array(a, copy=True) for a in arrays]
    with watching(*arrays) as watch:
        yield
    for i, (arr, copy) in enumerate(zip(arrays, copies)):
        if watch.modified[i] or not np.array_equal(np.asarray(arr), copy, equal_nan=True):
            name = names[i] if i < len(names) else f"аргумент №{i + 1}"
            raise GradingFailure(
                f"функция изменила входной массив {name} на месте; входные данные менять нельзя — "
                "работайте с копией или создавайте новый массив",
                kind="modified", argument=name,
            )


@contextlib.contextmanager
def raises_value_error(what: str) -> Iterator[None]:
    """Expect a ValueError (with any message) for invalid arguments, per the course contract."""
    try:
        yield
    except ValueError:
        return
    except Exception as exc:  # noqa: BLE001 - any other exception is the student's mistake
        text = student_error(exc) if from_student(exc) else f"{type(exc).__name__}: {exc}"  # hidden inputs stay hidden
        raise GradingFailure(f"{what}: ожидалось исключение ValueError, а возникло {text}",
                             kind="exception") from None
    raise GradingFailure(f"{what}: ожидалось исключение ValueError, но функция завершилась без ошибки",
                         kind="no_exception")


def central_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central finite differences of a scalar function: the oracle the harness trusts."""
    x = np.array(x, dtype=np.float64, copy=True)
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        plus = f(x)
        flat[i] = old - h
        minus = f(x)
        flat[i] = old
        gflat[i] = (plus - minus) / (2 * h)
    return grad


def assert_gradient(analytic: Any, f: Callable[[np.ndarray], float], x: np.ndarray, *,
                    tol: float = 1e-6, what: str = "градиент") -> None:
    """Compare an analytic gradient with central differences by max relative error."""
    numeric = central_gradient(f, x)
    ana = _as_float_array(analytic, what)
    if ana.shape != numeric.shape:
        raise GradingFailure(f"{what}: неверная форма — получено {ana.shape}, ожидалось {numeric.shape}",
                             kind="shape", received_shape=ana.shape, expected_shape=numeric.shape)
    rel = np.abs(ana - numeric) / np.maximum(1e-8, np.abs(ana) + np.abs(numeric))
    worst = float(rel.max()) if rel.size else 0.0
    if not worst <= tol:
        raise GradingFailure(
            f"{what}: расходится с численным градиентом (центральные разности): "
            f"макс. относительная ошибка {worst:.3g} > {tol:g}",
            kind="gradient", max_rel_error=worst,
        )


# ---------------------------------------------------------------- reference and mutants

def course_root(start: Path | None = None) -> Path:
    """The course directory that holds the calling test file."""
    if start is None:
        start = Path(inspect.stack()[2].filename).resolve().parent
    for candidate in (start, *start.parents):
        if (candidate / COURSE_FILE).is_file():
            return candidate
    raise RuntimeError(f"course.yaml не найден выше {start}")


def reference(module: str):
    """The reference solution module `solutions.<module>` of the course holding the caller."""
    from .harness.loader import import_reference
    return import_reference(course_root(), module)


@dataclass(frozen=True)
class Mutant:
    """A typical mistake: the reference with one function replaced, plus a hint for the student."""

    function: str
    name: str
    hint: str
    replacement: Callable = field(compare=False)

    @property
    def id(self) -> str:
        return f"{self.function}:{self.name}"


def mutant(function: str, hint: str):
    """Mark the decorated function as a wrong version of `function` with a Russian hint."""
    def mark(fn: Callable) -> Callable:
        fn.__nngrader_mutant__ = Mutant(function=function, name=fn.__name__, hint=hint, replacement=fn)
        return fn
    return mark


def mutants_of(module: Any) -> list[Mutant]:
    """The mutants defined in a loaded mutants module, in definition order."""
    return [obj.__nngrader_mutant__ for obj in vars(module).values() if hasattr(obj, "__nngrader_mutant__")]
