"""Typical mistakes written independently of mutants.py (tests/alternatives/mistakes/, 05–08: other random
calls, state and cache formats, styles) get exactly their own hint when graded in the sandbox — the hint
names the student's actual mistake, or nothing. Each file's first line names the mutant it should match."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from grader.course import load_course
from grader.grading.batch import load_hints
from grader.grading.synthetic import assignment_mutants
from grader.harness.runner import run_tests
from grader.sandbox.launcher import isolation_level

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)
MISTAKES = sorted((ROOT / "tests" / "alternatives" / "mistakes").glob("*.py"))


@pytest.mark.parametrize("path", MISTAKES, ids=lambda p: p.stem)
def test_an_independent_mistake_gets_its_own_hint_only(path, tmp_path):
    module = path.stem.split("__")[0]
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip()
    assignment = COURSE.course.assignment(module)
    hint = next(m.hint for m in assignment_mutants(COURSE, assignment.id) if m.id == expected)
    submission = tmp_path / f"{module}.py"
    shutil.copy(path, submission)
    results = run_tests(COURSE.hidden_tests(assignment), submission=submission, isolation=isolation_level()[0],
                        limits=COURSE.course.limits, hints=load_hints(COURSE, assignment))
    assert any(not r.passed for r in results)
    shown = {r.hint for r in results if r.hint}
    assert shown == {hint}, sorted(shown)
