"""The real course proves itself: what `nngrader validate` checks, as tests.

For every assignment, through the sandboxed worker exactly as submissions are
graded: solutions and starter follow course.yaml's signatures,
public tests pass on the reference, hidden tests give it 100 % and the
starter 0 %, test points match course.yaml, and every mutant is caught.
"""
from pathlib import Path

import pytest

from grader.course import load_course
from grader.sandbox.launcher import isolation_level
from grader.validate import count_mutants, validate_assignment

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)


@pytest.mark.parametrize("assignment", COURSE.course.assignments, ids=lambda a: a.id)
def test_assignment_is_valid(assignment):
    report = validate_assignment(COURSE, assignment, isolation=isolation_level()[0])  # the grading path itself
    failures = [f"{c.name}: {c.detail}" for c in report.checks if not c.ok]
    assert not failures, "\n".join(failures)


def test_course_has_at_least_45_mutants():
    assert count_mutants(COURSE) >= 45
