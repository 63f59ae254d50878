"""The class is a trust boundary too (issue 16): what one submission does stays with that submission.

Regression tests for each way a submission reached past its own grade: copied-back
arguments (item 1), readers and batches that crashed on a bad file or reply (item 4),
hidden inputs in feedback (item 7), and `assert_close` on infinities.
"""
import copy
import os
import re
import types
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from fakecourse import HIDDEN, REFERENCE, make_course
from grader.course import load_course
from grader.gradebook import Gradebook
from grader.grading import batch
from grader.grading.discover import Candidate, discover
from grader.grading.parallel import grade_in_parallel
from grader.harness.loader import import_reference
from grader.harness.runner import TestResult, run_tests
from grader.records import SubmissionRecord
from grader.records import TestOutcome as Outcome
from grader.redaction import redact
from grader.sandbox.inplace import private_arguments, watching
from grader.sandbox.launcher import isolation_level
from grader.submission import SubmissionError, read_submission
from grader.testing import GradingFailure, assert_close, unchanged
from malformed import BUILDERS

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).with_name("hostile")
COURSE = load_course(ROOT)
A02 = COURSE.course.assignment("02")
LEVEL, _ = isolation_level()


def _class(root: Path, students: dict[str, str]) -> list[Candidate]:
    """A class folder `root/<student>/activations.py`; candidates in the order given."""
    for name, text in students.items():
        (root / name).mkdir(parents=True)
        (root / name / "activations.py").write_text(text, encoding="utf-8")
    found = {c.student_id: c for c in discover(root, A02)}
    return [found[name] for name in students]


def _scores(records) -> dict[str, float]:
    return {r.student_id: r.score for r in records}


REFERENCE_02 = COURSE.solution_path(A02).read_text(encoding="utf-8")
HONEST_XMUL = REFERENCE_02.replace("return _out(np.maximum(x, 0.0))", "return _out(x * (x > 0))")


# ---------------------------------------------------------------- item 1: copied-back arguments

def test_in_place_writes_never_reach_the_next_student(tmp_path):
    """mirror_special.py writes -inf into SPECIAL (a hidden test's module-level array) through relu_grad;
    honest `x * (x > 0)` turns -inf into nan, so a poisoned SPECIAL used to cost the students after it."""
    assert HONEST_XMUL != REFERENCE_02
    students = {"a_attacker": (HOSTILE / "mirror_special.py").read_text(encoding="utf-8"),
                "b_xmul": HONEST_XMUL, "c_reference": REFERENCE_02}
    together = _scores(grade_in_parallel(ROOT, A02.id, _class(tmp_path / "class", students), level=LEVEL,
                                         jobs=1, chunk=3, hints=False))
    assert together["b_xmul"] == together["c_reference"] == 100, together
    alone = _scores(grade_in_parallel(ROOT, A02.id, _class(tmp_path / "alone", {"a_attacker": students["a_attacker"]}),
                                      level=LEVEL, jobs=1, hints=False))
    assert together["a_attacker"] == alone["a_attacker"]


def test_a_student_cannot_zero_gamma_and_beta_before_the_expected_value(tmp_path):
    """batchnorm_forward ignoring eps, but zeroing gamma and beta after its first answer: once, the
    second expected value was computed from the zeroed arrays and matched its zeros (96 -> 100)."""
    assignment = COURSE.course.assignment("07")
    reference = COURSE.solution_path(assignment).read_text(encoding="utf-8")
    attacker = reference + '''

_honest = batchnorm_forward
_calls = [0]

def batchnorm_forward(x, gamma, beta, *args, eps=1e-5, **kwargs):
    _calls[0] += 1
    if _calls[0] == 1:
        out = _honest(x, gamma, beta, *args, **kwargs)
        gamma[...] = 0.0
        beta[...] = 0.0
        return out
    out, cache, state = _honest(x, gamma, beta, *args, **kwargs)
    return np.zeros_like(out), cache, state
'''
    path = tmp_path / "normalization.py"
    path.write_text(attacker, encoding="utf-8")
    results = run_tests(COURSE.hidden_tests(assignment), submission=path, isolation=LEVEL,
                        keyword="test_batchnorm_forward_eps", limits=COURSE.course.limits)
    assert len(results) == 1 and not results[0].passed, results


def _poisoner(module):
    """`module`'s functions, each answering first and then overwriting every float array it was given."""
    def poison(value):
        if isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.flags.writeable:
            value[...] = 7.25
        elif isinstance(value, (list, tuple, dict)):
            for item in (value.values() if isinstance(value, dict) else value):
                poison(item)

    def wrap(function):
        def call(*args, **kwargs):
            out = copy.deepcopy(function(*args, **kwargs))
            poison(args)
            poison(kwargs)
            return out
        return call
    return types.SimpleNamespace(**{name: wrap(value) if callable(value) and not name.startswith("_") else value
                                    for name, value in vars(module).items()})


@pytest.mark.parametrize("assignment", [a.id for a in COURSE.course.assignments])
def test_no_hidden_test_sees_a_students_in_place_writes(assignment):
    """Every hidden test computes its expected values from objects no student write reaches.

    With writes copied back, 23 hidden tests (01, 02, 05, 06, 07) compared with values computed
    from the poisoned inputs after the student's call. A poisoner that answers right scores like
    the reference except where inputs must stay unchanged; the reference after it is unaffected."""
    target = COURSE.course.assignment(assignment)
    reference = import_reference(COURSE.root, target.module)
    solo = {r.test_id for r in run_tests(COURSE.hidden_tests(target), subjects={"ref": lambda: reference})
            if r.passed}
    results = run_tests(COURSE.hidden_tests(target),
                        subjects={"poison": lambda: _poisoner(reference), "ref": lambda: reference})
    wrong = [(r.subject, r.test_id, r.message[:100]) for r in results if r.test_id in solo and not r.passed
             and not (r.subject == "poison" and "на месте" in r.message)]
    assert wrong == []
    assert any(r.subject == "poison" and "на месте" in r.message for r in results)  # the writes were seen


def test_unchanged_sees_writes_of_private_copies_in_process():
    """In-process subjects (self-check, validate) get copies too: one semantics for both modes."""
    def mutate(x, params):
        x += 1
        params["w"][0] = 5.0
        return x.sum()

    x, params = np.zeros(3), {"w": np.ones(2)}
    with pytest.raises(GradingFailure, match="на месте"):
        with unchanged(x, params["w"], names=("x", "w")):
            assert private_arguments(mutate)(x, params) == 3.0
    assert x.tolist() == [0.0, 0.0, 0.0] and params["w"].tolist() == [1.0, 1.0]
    with watching(x) as watch:
        private_arguments(lambda a: a.sum())(x)
    assert watch.modified == [False]


# ---------------------------------------------------------------- item 4: one bad file, one record

@pytest.mark.parametrize("build", list(BUILDERS.values()), ids=list(BUILDERS))
def test_malformed_submissions_raise_only_submission_error(tmp_path, build):
    path = build(tmp_path, "act")
    with pytest.raises(SubmissionError) as info:
        read_submission(path, "act")
    assert re.search("[а-яё]", str(info.value)), str(info.value)


def test_a_class_of_malformed_files_finishes_with_one_record_each(tmp_path):
    root = tmp_path / "class"
    for name, build in BUILDERS.items():
        (root / name).mkdir(parents=True)
        build(root / name, "activations")
    (root / "zz_honest").mkdir()
    (root / "zz_honest" / "activations.py").write_text(REFERENCE_02, encoding="utf-8")
    candidates = discover(root, A02)
    records = list(grade_in_parallel(ROOT, A02.id, candidates, level=LEVEL, jobs=1, hints=False))
    assert sorted(r.student_id for r in records) == sorted(c.student_id for c in candidates)
    by_id = {r.student_id: r for r in records}
    assert by_id["zz_honest"].score == 100
    assert all(by_id[name].status == "load_error" and by_id[name].message for name in BUILDERS)


def test_a_broken_session_costs_only_the_submission_it_was_on(tmp_path, monkeypatch):
    """Whatever breaks pytest mid-batch, the submission in progress gets an error record and the
    others are graded in a fresh session."""
    candidates = _class(tmp_path / "class", {f"s{i}": REFERENCE_02 for i in range(4)})
    sessions = []

    def run_tests(test_file, *, subjects, hints, on_subject_done):
        sessions.append(list(subjects))
        for key in subjects:
            if key == "s1":
                raise RuntimeError("pytest INTERNALERROR")
            on_subject_done(key, [TestResult("t", "relu", 1.0, 1.0, True, "", 0.0, key)])

    monkeypatch.setattr(batch, "run_tests", run_tests)
    records = batch.grade_candidates(COURSE, A02, candidates, level=LEVEL, loader=None, hints=None)
    assert [r.status for r in records] == ["graded", "error", "graded", "graded"]
    assert sessions == [["s0", "s1", "s2", "s3"], ["s2", "s3"]]
    assert records[1].content_hash == "" and "проверка" in records[1].message  # regraded next run


class ExitOnUnpickle(str):
    """A candidate key that kills the grading process that receives it (a stand-in for any death)."""

    def __reduce__(self):
        return os._exit, (3,)


def test_a_dead_grading_process_costs_a_regrade_not_the_class(tmp_path):
    candidates = _class(tmp_path / "class", {"a": REFERENCE_02, "b": REFERENCE_02, "c": REFERENCE_02})
    candidates[1].key = ExitOnUnpickle("x")
    records = {r.student_id: r for r in grade_in_parallel(ROOT, A02.id, candidates, level=LEVEL, jobs=1,
                                                           chunk=3, hints=False)}
    assert sorted(records) == ["a", "b", "c"]
    assert records["a"].score == records["c"].score == 100
    assert records["b"].status == "error" and records["b"].content_hash == ""


def test_gradebook_stores_lone_surrogates_and_nul_as_replacement_characters(tmp_path):
    forged = "\ud800 ответ\x00"
    record = SubmissionRecord(
        student_id="ivanov\udcff", student_name=forged, assignment_id="02_activations", source_path="x\udcff.py",
        content_hash="h", submitted_at=None, late_days=0, penalty_percent=0.0, isolation="full", raw_score=1.0,
        score=1.0, max_score=2.0, status="graded", message=forged, notes=[forged],
        outcomes=[Outcome(test_id=forged, function="relu", points=1.0, max_points=2.0, passed=False,
                              message=forged, duration=0.1, details={forged: [forged, {"k": forged}]},
                              hint=forged, mutant_id=forged)],
        graded_at=datetime.now(timezone.utc))
    with Gradebook(f"sqlite:///{tmp_path / 'gb.sqlite'}") as gradebook:
        gradebook.save(record)
        [stored] = gradebook.current("02_activations")
    assert stored.student_id == "ivanov\ufffd" and stored.message == "\ufffd ответ\ufffd"
    outcome = stored.outcomes[0]
    assert outcome.details == {"\ufffd ответ\ufffd": ["\ufffd ответ\ufffd", {"k": "\ufffd ответ\ufffd"}]}
    assert record.message == forged  # the caller's record is not changed


# ---------------------------------------------------------------- item 7: hidden inputs stay hidden

LEAKY = REFERENCE + '''

def _leak(x):
    return repr(np.asarray(x).tolist())

def sigmoid(x):
    if np.size(x) == 11:
        raise ValueError("вход: " + _leak(x))
    if np.size(x) == 3:
        assert False, _leak(x)
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))
'''


def test_student_exceptions_show_type_and_no_numbers(tmp_path):
    course = load_course(make_course(tmp_path / "course", hidden=HIDDEN))
    path = tmp_path / "act.py"
    path.write_text(LEAKY, encoding="utf-8")
    results = {r.test_id: r for r in run_tests(course.hidden_tests(course.course.assignments[0]), submission=path,
                                                isolation=LEVEL)}
    values, stable = results["test_sigmoid_values"], results["test_sigmoid_stable"]
    assert "ValueError: вход:" in values.message and "строка" in values.message
    assert "AssertionError" in stable.message
    for message in (values.message, stable.message):
        body = message.split("(строка")[0]
        assert not re.search(r"\d", body), message  # linspace(-5, 5) and ±1e4 leaked before
    assert len(values.message) < 300


def test_raises_value_error_redacts_the_other_exception(tmp_path):
    leaky = REFERENCE_02 + '''

def softmax_jacobian(z):
    raise TypeError(repr(np.asarray(z).tolist()) + " 0.123456789")
'''
    path = tmp_path / "activations.py"
    path.write_text(leaky, encoding="utf-8")
    results = run_tests(COURSE.hidden_tests(A02), submission=path, isolation=LEVEL,
                        keyword="rejects_matrix", limits=COURSE.course.limits)
    assert results and all("возникло TypeError" in r.message for r in results)
    assert not any(re.search(r"\d\.\d", r.message) for r in results), [r.message for r in results]


def test_redact_keeps_words_and_caps_length():
    assert redact("shapes (3,4) and (5,) differ: 1.5e-3, -inf, nan") == "shapes (…,…) and (…,) differ: …, …, …"
    assert len(redact("x" * 10_000)) == 200


# ---------------------------------------------------------------- smaller: assert_close on infinities

def test_assert_close_matches_equal_infinities_and_only_them():
    assert_close(np.array([-np.inf, np.inf, np.nan, 1.0]), np.array([-np.inf, np.inf, np.nan, 1.0]))
    assert_close(-np.inf, -np.inf)
    for actual, expected in [(np.inf, -np.inf), (5.0, np.inf), (1e308, np.inf), (-np.inf, 0.0)]:
        with pytest.raises(GradingFailure):
            assert_close(actual, expected)


def test_feedback_bounds_what_a_submission_put_in_its_record():
    from grader.feedback import render_feedback

    huge = "ошибка " * 200_000
    record = SubmissionRecord(
        student_id="s", student_name="s", assignment_id="02_activations", source_path="s.py", content_hash="h",
        submitted_at=None, late_days=0, penalty_percent=0.0, isolation="full", raw_score=0.0, score=0.0,
        max_score=100.0, status="load_error", message=huge,
        outcomes=[Outcome(test_id="test_relu", function="relu", points=0.0, max_points=8.0, passed=False,
                          message=huge, duration=0.0, details={"received": huge, "warnings": [huge] * 5})])
    page = render_feedback(record, A02, "md")
    assert len(page) < 10_000


@pytest.mark.parametrize("where", ["call", "import"])
def test_a_huge_exception_class_and_message_stay_small_in_the_results(tmp_path, where):
    course = load_course(make_course(tmp_path / "course", hidden=HIDDEN))
    name = "E" * 2_000_000
    raise_it = f"raise {name}('z' * 1_000_000)"
    source = REFERENCE + f"\nclass {name}(Exception):\n    pass\n\n" + (
        f"def sigmoid(x):\n    {raise_it}\n" if where == "call" else raise_it + "\n")
    path = tmp_path / "act.py"
    path.write_text(source, encoding="utf-8")
    results = run_tests(course.hidden_tests(course.course.assignments[0]), submission=path, isolation=LEVEL)
    failed = [r for r in results if not r.passed]
    assert failed and all(len(r.message) < 1200 for r in results), [len(r.message) for r in results]
