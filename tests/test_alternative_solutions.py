"""Correct implementations written from the statements, in styles other than the reference, get 100.

Each file in tests/alternatives/ names its assignment by its module (the file name starts with it).
Graded in process: these are our own trusted files, and the point is the tests, not the sandbox.
"""
from pathlib import Path

import pytest

from grader.course import load_course
from grader.harness.runner import run_tests

ROOT = Path(__file__).resolve().parents[1]
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives").glob("*.py"))


def _assignment(course, path):
    for a in course.course.assignments:
        if path.stem == a.module or path.stem.startswith(a.module + "_"):
            return a
    raise LookupError(path.name)


@pytest.mark.parametrize("path", ALTERNATIVES, ids=[p.stem for p in ALTERNATIVES])
def test_alternative_correct_solution_scores_full(path):
    course = load_course(ROOT)
    assignment = _assignment(course, path)
    results = run_tests(course.hidden_tests(assignment), submission=path)
    failed = [f"{r.test_id}: {r.message}" for r in results if not r.passed]
    assert results and not failed, "\n".join(failed)
