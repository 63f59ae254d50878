"""`from grader import check; check("relu")`: the public tests on the functions of a notebook.

The tests run against the caller's namespace (the notebook's `__main__`
globals), in this process. The result is shown as HTML in Jupyter and as text
elsewhere; failures never raise (unless strict=True), so a released notebook
runs top to bottom even before anything is implemented.

When the caller is not `__main__` — the notebook's code being loaded as a
submission by `nngrader check` or by the grader — check() does nothing.
"""
from __future__ import annotations

import sys
import types
from typing import Any

from .display import show
from .summary import CheckSummary

_SKIP = {"In", "Out", "get_ipython", "exit", "quit", "check"}


def check(*functions: str, assignment: str | None = None, tests: str | None = None,
          strict: bool = False) -> CheckSummary | None:
    """Запустить публичные тесты задания на функциях этого блокнота.

    check("relu") — тесты одной функции, check("relu", "sigmoid") — нескольких, check() — всех.
    assignment="02_activations" — если задание не определилось само; tests="путь/test_activations.py" —
    явный файл публичных тестов. strict=True — бросить AssertionError, если что-то не прошло.
    Возвращает сводку (CheckSummary): .ok, .passed, .total, .text().
    """
    caller = sys._getframe(1).f_globals
    if caller.get("__name__") != "__main__":
        return None  # executed while a submission is loaded: the self-check is for the student only
    summary = run_in_namespace(caller, list(functions), assignment=assignment, tests=tests)
    show(summary)
    if strict and not summary.ok:
        raise AssertionError(summary.short)
    return summary


def run_in_namespace(namespace: dict[str, Any], functions: list[str], *, assignment: str | None = None,
                     tests: str | None = None) -> CheckSummary:
    from .locate import for_namespace
    from .run import run_public
    from .target import SelfCheckError

    bad = [f for f in functions if not isinstance(f, str)]
    if bad:
        return CheckSummary("", "", error=f"check() принимает имена функций строками, например check(\"relu\"), "
                                          f"а получено {bad[0]!r}")
    defined = {name for name, value in namespace.items() if callable(value) and not name.startswith("_")}
    try:
        target = for_namespace(defined, functions, assignment=assignment, tests=tests)
    except SelfCheckError as exc:
        return CheckSummary("", "", error=str(exc))
    module = as_module(namespace)
    summary = run_public(target, module=module, functions=functions or None)
    wanted = functions or list(target.functions)
    summary.missing = [name for name in wanted if name in target.functions and not callable(namespace.get(name))]
    return summary


def as_module(namespace: dict[str, Any]) -> types.ModuleType:
    """A module object over the notebook's names (IPython's own history variables left out)."""
    module = types.ModuleType("notebook")
    for name, value in namespace.items():
        if name.startswith("_") or name in _SKIP:
            continue
        setattr(module, name, value)
    return module
