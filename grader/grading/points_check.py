"""Refuse to grade when the hidden tests' points disagree with course.yaml.

A `@points` edited in a hidden test (one function's tests summing to 10 instead
of 8) would otherwise print 102/100 and export 102 to Moodle. The hidden tests
are collected (not run) in the trusted process and summed per function exactly
as grading shares them: a parametrized test splits its points among its cases.
"""
from __future__ import annotations

import contextlib
import io
from collections import defaultdict
from pathlib import Path

import pytest

from ..course import Assignment, LoadedCourse


class PointsMismatch(Exception):
    """str() is a Russian message naming the function(s) and both sums."""


class _Points:
    def __init__(self) -> None:
        self.per_function: dict[str, float] = defaultdict(float)
        self.errors: list[str] = []

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        counts: dict[tuple, int] = defaultdict(int)
        for item in items:
            counts[(str(item.path), getattr(item, "originalname", item.name))] += 1
        for item in items:
            mark = item.get_closest_marker("nngrader")
            if mark is None:
                continue
            share = float(mark.kwargs.get("points", 0.0)) / counts[(str(item.path), getattr(item, "originalname",
                                                                                             item.name))]
            self.per_function[mark.kwargs.get("function") or "?"] += share

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.errors.append((report.longreprtext.strip().splitlines() or ["?"])[-1])


def hidden_points(test_file: Path) -> dict[str, float]:
    """Points per function declared by the hidden tests (collected, never run)."""
    from ..harness import plugin as harness_plugin
    from ..harness.runner import _EMPTY_INI, _UNUSED_PLUGINS, HarnessError, _isolated_run
    points = _Points()
    args = [str(test_file), "--collect-only", "-c", str(_EMPTY_INI), "--rootdir", str(test_file.parent),
            "--import-mode=importlib",
            *(arg for name in _UNUSED_PLUGINS for arg in ("-p", f"no:{name}"))]
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), _isolated_run(test_file):
        pytest.main(args, plugins=[harness_plugin, points])
    if points.errors:
        raise HarnessError(f"не удалось собрать скрытые тесты {test_file.name}: {'; '.join(points.errors)}")
    return dict(points.per_function)


def check_points(course: LoadedCourse, assignment: Assignment) -> None:
    """Raise PointsMismatch when the hidden tests' points differ from course.yaml."""
    hidden = course.hidden_tests(assignment)
    if not hidden.is_file():
        return
    declared = hidden_points(hidden)
    expected = {name: spec.points for name, spec in assignment.functions.items()}
    wrong = [f"функция {name}: в тестах {declared.get(name, 0):g}, в course.yaml {points:g}"
             for name, points in expected.items() if abs(declared.get(name, 0) - points) > 1e-6]
    wrong += [f"функция {name}: в тестах {got:g}, в course.yaml её нет" for name, got in declared.items()
              if name not in expected and got > 0]
    if wrong:
        total, want = sum(declared.values()), sum(expected.values())
        raise PointsMismatch(
            f"задание {assignment.id}: баллы скрытых тестов не совпадают с course.yaml — {'; '.join(wrong)} "
            f"(сумма тестов {total:g}, в course.yaml {want:g}). Проверка не начата, чтобы не выставить неверные "
            f"оценки: исправьте @points в {hidden.relative_to(course.root)} или course.yaml и запустите "
            f"nngrader validate {assignment.id.split('_', 1)[0]}")
