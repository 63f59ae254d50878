"""Correct implementations written from the statements, in styles other than the reference, get 100;
non-solutions get (almost) nothing.

Each file in tests/alternatives/ names its assignment by its module (the file name starts with it).
Graded in process: these are our own trusted files, and the point is the tests, not the sandbox.
"""
from pathlib import Path

import pytest

from grader.course import load_course
from grader.harness.runner import run_tests

ROOT = Path(__file__).resolve().parents[1]
ALTERNATIVES = sorted((ROOT / "tests" / "alternatives").glob("*.py"))
# Assignments whose hidden tests award validation points only together with a working computation.
VALIDATION_NEEDS_WORK = ["05_optimizers", "06_regularization", "07_normalization", "08_training"]


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


@pytest.mark.parametrize("assignment_id", VALIDATION_NEEDS_WORK)
def test_functions_that_only_raise_value_error_score_zero(assignment_id, tmp_path):
    course = load_course(ROOT)
    assignment = course.course.assignment(assignment_id)
    body = "\n\n".join(f"def {name}({spec.signature}):\n    raise ValueError('недопустимые аргументы')"
                         for name, spec in assignment.functions.items())
    path = tmp_path / f"{assignment.module}.py"
    path.write_text(body + "\n", encoding="utf-8")
    results = run_tests(course.hidden_tests(assignment), submission=path)
    passing = [r.test_id for r in results if r.passed]
    assert results and not passing, passing


def test_nearest_neighbour_model_is_not_a_solution_of_08():
    course = load_course(ROOT)
    assignment = course.course.assignment("08_training")
    path = ROOT / "tests" / "alternatives" / "nonsolutions" / "training_nearest_neighbour.py"
    results = run_tests(course.hidden_tests(assignment), submission=path)
    score = sum(r.points for r in results)
    assert results and score <= 10, [(r.test_id, r.points) for r in results if r.passed]


MISTAKES = sorted((ROOT / "tests" / "alternatives" / "mistakes").glob("*.py"))
# batchnorm_backward receives the cache of the student's own batchnorm_forward (its format is the
# student's), so a wrong forward is also seen through backward's tests.
COUPLED = {"batchnorm_forward": {"batchnorm_backward"}}


@pytest.mark.parametrize("path", MISTAKES, ids=[p.stem for p in MISTAKES])
def test_typical_mistake_loses_points_only_on_its_function(path):
    """Files with one typical mistake, written independently of mutants.py (other random calls, other
    state and cache formats): the broken function loses points, the others keep theirs."""
    course = load_course(ROOT)
    assignment = _assignment(course, Path(path.stem.split("__")[0]))
    function = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip().split(":")[0]
    results = run_tests(course.hidden_tests(assignment), submission=path)
    lost = {r.function for r in results if not r.passed}
    assert function in lost
    assert lost - {function} <= COUPLED.get(function, set()), sorted(lost)
