"""The harness: student fixture, points, Russian failure messages, validate's verdicts."""
from pathlib import Path

import pytest

from fakecourse import REFERENCE, STARTER, make_course
from grader.course import load_course
from grader.harness.runner import run_tests
from grader.sandbox.launcher import isolation_level
from grader.validate import validate_assignment

LEVEL = isolation_level()[0]


@pytest.fixture
def course(tmp_path):
    return load_course(make_course(tmp_path))


def hidden(course):
    return course.hidden_tests(course.course.assignments[0])


def write_submission(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "submission.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_reference_gets_full_points_split_over_parametrized_cases(course):
    results = run_tests(hidden(course), submission=course.root / "solutions/act.py")
    assert all(r.passed for r in results)
    relu = [r for r in results if r.function == "relu"]
    assert [r.max_points for r in relu] == [20.0, 20.0]
    assert sum(r.points for r in results) == 100


def test_starter_fails_every_test_with_not_implemented(course):
    results = run_tests(hidden(course), submission=course.starter_path(course.course.assignments[0]))
    assert results and not any(r.passed for r in results)
    assert all("не реализована" in r.message for r in results)
    assert sum(r.points for r in results) == 0


def test_missing_function_is_named(course, tmp_path):
    sub = write_submission(tmp_path, REFERENCE.replace("def sigmoid(", "def sigmoida("))
    results = run_tests(hidden(course), submission=sub)
    failing = {r.function for r in results if not r.passed}
    assert failing == {"sigmoid"}
    assert all("нет функции «sigmoid»" in r.message for r in results if not r.passed)


def test_syntax_error_names_the_line(course, tmp_path):
    sub = write_submission(tmp_path, "import numpy as np\n\ndef relu(x)\n    return x\n")
    results = run_tests(hidden(course), submission=sub)
    assert not any(r.passed for r in results)
    assert "строка 3" in results[0].message and "синтаксическая ошибка" in results[0].message


def test_crash_inside_student_function_points_to_its_line(course, tmp_path):
    sub = write_submission(tmp_path, REFERENCE.replace("return np.maximum(", "return 1 / 0 + np.maximum("))
    results = run_tests(hidden(course), submission=sub)
    relu = [r for r in results if r.function == "relu"]
    assert all("ZeroDivisionError" in r.message and "строка 4" in r.message for r in relu)
    assert all(r.passed for r in results if r.function == "sigmoid")


def test_values_and_warnings_messages_are_russian_and_specific(course, tmp_path):
    naive = "import numpy as np\ndef relu(x):\n    return np.asarray(x, float)\n" \
            "def sigmoid(x):\n    return 1 / (1 + np.exp(-np.asarray(x, float)))\n"
    results = {r.test_id: r for r in run_tests(hidden(course), submission=write_submission(tmp_path, naive))}
    relu = results["test_relu[shape0]"]
    assert "relu(x) для x формы (3,)" in relu.message and "макс. относительная ошибка" in relu.message
    stable = results["test_sigmoid_stable"]
    assert "предупреждения" in stable.message and "overflow" in stable.message
    assert results["test_sigmoid_values"].passed


def test_in_place_modification_is_caught(course, tmp_path):
    sub = write_submission(tmp_path, REFERENCE.replace(
        "return np.maximum(np.asarray(x, dtype=float), 0.0)", "x[x < 0] = 0\n    return x"))
    relu = [r for r in run_tests(hidden(course), submission=sub) if r.function == "relu"]
    assert not any(r.passed for r in relu)
    assert all("изменила входной массив x" in r.message for r in relu)


def test_validate_passes_on_a_consistent_course(course):
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    assert report.ok, [(c.name, c.detail) for c in report.checks if not c.ok]


def test_validate_reports_each_kind_of_problem(tmp_path):
    surviving = 'from grader.testing import mutant\n' \
                '@mutant("relu", hint="x")\ndef relu_same(x):\n    import numpy as np\n    return np.maximum(x, 0.0)\n'
    cheating_starter = STARTER.replace("def relu(x):\n    raise NotImplementedError",
                                       "import numpy as np\ndef relu(x):\n    return np.maximum(x, 0.0)")
    course = load_course(make_course(tmp_path, mutants=surviving, starter=cheating_starter,
                                     reference=REFERENCE.replace("def relu(x):", "def relu(x, extra=1):")))
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert any("сигнатуры" in name and "relu(x, extra=1)" in detail for name, detail in failed.items())
    assert any("заготовка 0 %" in name and "test_relu" in detail for name, detail in failed.items())
    assert any("мутанты" in name and "relu:relu_same" in detail for name, detail in failed.items())


def test_validate_reports_points_mismatch(tmp_path):
    from fakecourse import HIDDEN
    course = load_course(make_course(tmp_path, hidden=HIDDEN.replace('@points(40, "relu")', '@points(30, "relu")')))
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert failed == {"баллы тестов = баллам course.yaml": "relu: 30 вместо 40"}


def test_public_tests_run_with_plain_pytest_in_the_folder(course, pytester_free_run=None):
    """What a student does: `pytest test_act.py` next to their act.py."""
    import subprocess
    import sys
    folder = course.folder(course.course.assignments[0])
    starter = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_act.py"],
                             cwd=folder, capture_output=True, text=True)
    assert starter.returncode == 1 and "2 failed" in starter.stdout
    (folder / "act.py").write_text(REFERENCE, encoding="utf-8")
    solved = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_act.py"],
                            cwd=folder, capture_output=True, text=True)
    assert solved.returncode == 0 and "2 passed" in solved.stdout


def test_bare_assert_in_a_hidden_test_does_not_leak_expected_values(tmp_path):
    from fakecourse import HIDDEN
    leaky = HIDDEN + '''

@points(0, "relu")
def test_bare_assert(student):
    secret = 123.0
    assert float(student.relu(np.array([-3.0, 5.0]))[1]) == secret
'''
    course = load_course(make_course(tmp_path, hidden=leaky))
    sub = write_submission(tmp_path, REFERENCE)
    [bare] = [r for r in run_tests(hidden(course), submission=sub) if r.test_id == "test_bare_assert"]
    assert not bare.passed
    assert "123" not in bare.message and "assert" not in bare.message and "secret" not in bare.message


# ---------------------------------------------------------------- rules of the statement, raise-only files, hints

def test_validate_requires_a_rule_on_every_hidden_test_and_in_the_readme(tmp_path):
    from fakecourse import HIDDEN, README
    untagged = HIDDEN.replace('@rule("sigmoid")\n', "").replace('@rule("relu")', '@rule("relu-unlisted")')
    course = load_course(make_course(tmp_path, hidden=untagged,
                                     readme=README + "- `softplus` — про softplus (ни один тест не проверяет).\n"))
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert "test_sigmoid_values" in failed["каждый скрытый тест связан с правилом условия (@rule)"]
    assert "relu-unlisted" in failed["правила тестов описаны в README («Что проверяется»)"]
    warned = {c.name: c.detail for c in report.checks if c.ok and c.warning}
    assert "softplus" in warned["правила README проверяются тестами"]


def test_statement_rules_parse_the_section_only():
    from grader.statement import statement_rules
    text = ("# Задание\n- `outside` — не в разделе\n## Что проверяется\n\n- `a-1` — первое.\n"
            "* `b_2` – второе\n- `a-1` — снова\n- `Bad Key` — плохо\n### Подробнее\n- `c` — вложенный раздел\n"
            "## Как проверить себя\n- `d` — уже не правило\n")
    rules, problems = statement_rules(text)
    assert set(rules) == {"a-1", "b_2", "Bad Key", "c"}
    assert any("дважды" in p for p in problems) and any("Bad Key" in p for p in problems)
    assert statement_rules("# Нет раздела\n")[1] == ["в README нет раздела «Что проверяется»"]


def test_validate_refuses_points_for_raising_value_error_alone(tmp_path):
    from fakecourse import HIDDEN, README
    lenient = HIDDEN + '''
from grader.testing import raises_value_error

@rule("relu-shapes")
@points(0, "relu")
def test_relu_rejects_strings(student):
    with raises_value_error("relu('abc')"):
        student.relu("abc")
'''
    course = load_course(make_course(tmp_path, hidden=lenient, readme=README + "- `relu-shapes` — нечисловой вход: ValueError.\n"))
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    failed = {c.name: c.detail for c in report.checks if not c.ok}
    assert "test_relu_rejects_strings" in failed["скрытые тесты: файл, где всё бросает ValueError, — 0 %"]


def test_validate_reports_hint_recall_and_precision(course):
    report = validate_assignment(course, course.course.assignments[0], min_mutants=2, isolation=LEVEL)
    assert (report.hints.mutants, report.hints.own_shown, report.hints.shown, report.hints.right) == (2, 2, 2, 2)
    assert "полнота 2/2" in next(c.detail for c in report.checks if c.name.startswith("подсказки"))


def _call(name, value, x):
    import numpy as np
    from grader.harness.recording import RecordedCall
    return RecordedCall(name, (np.asarray(x, dtype=float),), {}, ("value", np.asarray(value, dtype=float)), 0.0)


def _explain(tests, mutants):
    import types
    from grader.harness.loader import with_replacement
    from grader.harness.recording import explain_submission
    reference = types.SimpleNamespace(relu=lambda x: np.maximum(x, 0.0), step=lambda x: (x >= 0) * 1.0)
    return explain_submission(tests, reference, mutants, with_replacement)


import numpy as np  # noqa: E402 - used by the hint helpers above
from grader.harness.recording import TestCalls  # noqa: E402
from grader.testing import Mutant  # noqa: E402

ABS = Mutant("relu", "relu_abs", "модуль вместо ReLU", lambda x: np.abs(x))
ZERO = Mutant("relu", "relu_zero", "всегда ноль", lambda x: np.zeros_like(x))
ABS_TWIN = Mutant("relu", "relu_abs_twin", "другая подсказка к тому же поведению", lambda x: np.abs(x) + 0.0)


def test_hint_needs_agreement_with_every_call_of_the_function_not_just_the_failed_test():
    x_neg, x_pos = np.array([-1.0, -2.0]), np.array([1.0, 3.0])
    student = lambda x: np.where(x < 0, 0.5 * -x, x)  # noqa: E731 - a mistake no mutant describes
    failed = TestCalls("neg", [_call("relu", student(x_neg), x_neg)], True)
    # ZERO reproduces nothing; ABS differs from the student on the negative input: no hint at all.
    assert _explain([failed], [ABS, ZERO]) == {}
    abs_student = TestCalls("neg", [_call("relu", np.abs(x_neg), x_neg)], True)
    passed = TestCalls("pos", [_call("relu", x_pos, x_pos)], False)
    assert _explain([abs_student, passed], [ZERO, ABS]) == {"neg": [ABS]}
    # A mutant contradicted by a passing test (where the student behaved like the reference)
    # is not shown even if it reproduces the failure.
    other_neg = np.array([-3.0, 4.0])
    contradicted = TestCalls("other", [_call("relu", np.maximum(other_neg, 0), other_neg)], False)
    assert _explain([abs_student, contradicted], [ABS]) == {}
    # A passing test's call that differs from the reference (tolerance, chance) is no evidence either way.
    within_tolerance = TestCalls("pos", [_call("relu", x_pos * 2, x_pos)], False)
    assert _explain([abs_student, within_tolerance], [ABS]) == {"neg": [ABS]}


def test_observably_equivalent_mutants_with_different_hints_give_no_hint():
    x = np.array([-1.0, 2.0])
    failed = TestCalls("t", [_call("relu", np.abs(x), x)], True)
    assert _explain([failed], [ABS, ABS_TWIN]) == {}
    same_hint = Mutant("relu", "relu_abs_copy", ABS.hint, lambda x: np.abs(x))
    assert _explain([failed], [ABS, same_hint]) == {"t": [ABS]}


def test_validate_cli_prints_hint_totals_for_the_chosen_assignments(tmp_path):
    from typer.testing import CliRunner
    from grader.cli import app
    root = make_course(tmp_path)
    result = CliRunner().invoke(app, ["validate", "01", "01_act", "--in-process", "--course", str(root)])
    assert result.exit_code == 1  # the mini course has 2 mutants, fewer than validate asks for
    assert "Подсказки мутантов (01_act, 01_act): полнота 4/4 (100.0%), точность 4/4 (100.0%)" in " ".join(result.output.split())


def test_a_failure_inside_hint_matching_costs_the_hints_not_the_grade(course, tmp_path):
    from grader.grading.batch import load_hints

    class Broken(type(load_hints(course, course.course.assignments[0]))):
        def explain(self, tests):
            raise RecursionError("student data too deep to compare")

    good = load_hints(course, course.course.assignments[0])
    sub = write_submission(tmp_path, REFERENCE.replace("return np.maximum(", "return -np.maximum("))
    results = run_tests(hidden(course), submission=sub, hints=Broken(good.reference, good.mutants, good.build))
    assert [r.passed for r in results if r.function == "sigmoid"] == [True, True]
    assert all(not r.passed and r.hint is None for r in results if r.function == "relu")


def test_replayed_warnings_are_compared_as_a_sandboxed_student_shows_them():
    """A student's warnings cross the sandbox with numbers redacted; a replay's must match that form,
    or a mutant whose only tell is "Degrees of freedom <= 0" would never be recognised."""
    import warnings as w

    from grader.harness.recording import _warning_kinds
    with w.catch_warnings(record=True) as caught:
        w.simplefilter("always")
        np.var(np.ones((1, 3)), axis=0, ddof=1)
    kinds = _warning_kinds(caught)
    assert kinds and all(not any(ch.isdigit() for ch in k) for k in kinds)
    assert "RuntimeWarning: Degrees of freedom <= … for slice" in kinds
