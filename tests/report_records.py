"""Hand-built SubmissionRecords for the gradebook, feedback and export tests."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from grader.records import SubmissionRecord, TestOutcome

ROOT = Path(__file__).resolve().parents[1]
MSK = timezone(timedelta(hours=3))
HINT_AXIS = "похоже, softmax нормируется не по той оси: суммируйте по axis=-1 с keepdims=True"
HINT_OVERFLOW = "exp от больших чисел переполняется: вычтите максимум перед экспонентой"
LEAKY_ASSERT = "assert np.allclose(student.softmax(z), ref.softmax(z))\n+  where False = allclose(...)"


def _ok(test_id: str, function: str, pts: float) -> TestOutcome:
    return TestOutcome(test_id, function, pts, pts, True, "", 0.01)


def _activations(student_id: str, name: str, *, outcomes: list[TestOutcome], late_days: int = 0,
                 penalty: float = 0.0, status: str = "graded", message: str = "", notes=None,
                 content_hash: str | None = None) -> SubmissionRecord:
    raw = sum(o.points for o in outcomes)
    return SubmissionRecord(
        student_id=student_id, student_name=name, assignment_id="02_activations",
        source_path=f"submissions/{student_id}/02_activations/activations.py",
        content_hash=content_hash or f"sha-{student_id}-02",
        submitted_at=datetime(2026, 10, 1 + late_days, 21, 15, tzinfo=MSK), late_days=late_days,
        penalty_percent=penalty, isolation="full", raw_score=raw, score=raw * (1 - penalty / 100),
        max_score=100.0, status=status, message=message, notes=list(notes or []), outcomes=outcomes,
        graded_at=datetime(2026, 10, 9, 12, 0, tzinfo=timezone.utc), duration=1.25,
    )


FULL = [_ok("test_relu_random[shape0]", "relu", 4), _ok("test_relu_special", "relu", 4),
        _ok("test_relu_grad", "relu_grad", 8), _ok("test_leaky_relu", "leaky_relu", 8),
        _ok("test_leaky_relu_grad", "leaky_relu_grad", 8), _ok("test_sigmoid", "sigmoid", 16),
        _ok("test_sigmoid_grad", "sigmoid_grad", 10), _ok("test_tanh_grad", "tanh_grad", 8),
        _ok("test_softmax_rows_sum_to_one[shape0]", "softmax", 10), _ok("test_softmax_huge", "softmax", 10),
        _ok("test_softmax_jacobian", "softmax_jacobian", 14)]


def buggy_outcomes() -> list[TestOutcome]:
    outcomes = [o for o in FULL if o.function not in ("softmax", "sigmoid")]
    outcomes += [
        TestOutcome("test_sigmoid", "sigmoid", 0, 16, False,
                    "sigmoid для массива формы (3, 4): возникли предупреждения (1): RuntimeWarning: overflow "
                    "encountered in exp. Решение должно работать без переполнений и деления на ноль", 0.02,
                    {"kind": "warnings", "warnings": ["RuntimeWarning: overflow encountered in exp"]},
                    HINT_OVERFLOW, "sigmoid:sigmoid_naive"),
        TestOutcome("test_softmax_rows_sum_to_one[shape0]", "softmax", 0, 10, False,
                    "softmax для массива формы (64, 10): значения не совпадают (640 из 640 элементов, форма (64, 10)); "
                    "<сумма> по строкам не равна 1", 0.03,
                    {"kind": "values", "mismatched": 640, "size": 640, "shape": [64, 10], "max_rel_error": 0.8125,
                     "first_diffs": [[[0, 0], 0.01, 0.2], [[0, 1], 0.02, 0.1]]},
                    HINT_AXIS, "softmax:softmax_wrong_axis"),
        TestOutcome("test_softmax_huge", "softmax", 0, 10, False, LEAKY_ASSERT, 0.01, {}, HINT_AXIS,
                    "softmax:softmax_wrong_axis"),
    ]
    return outcomes


def sample_records() -> list[SubmissionRecord]:
    """Five students, two assignments: full marks, buggy with hints, load error, late, shape mistake."""
    shape_fail = [o for o in FULL if o.function != "relu"] + [
        TestOutcome("test_relu_random[shape0]", "relu", 0, 4, False,
                    "relu для массива формы (7,): неверная форма — получено (7, 1), ожидалось (7,)", 0.01,
                    {"kind": "shape", "received_shape": [7, 1], "expected_shape": [7]}),
        _ok("test_relu_special", "relu", 4)]
    neuron = SubmissionRecord(
        student_id="ivanov", student_name="Иванов Иван", assignment_id="01_neuron",
        source_path="submissions/ivanov/01_neuron/neuron.ipynb", content_hash="sha-ivanov-01",
        submitted_at=None, late_days=0, penalty_percent=0.0, isolation="reduced", raw_score=70.0, score=70.0,
        max_score=100.0, status="graded", notes=["блокнот: пропущены магические команды %matplotlib"],
        outcomes=[TestOutcome("test_weighted_sum", "weighted_sum", 20, 20, True, "", 0.01),
                  TestOutcome("test_neuron", "neuron", 30, 30, True, "", 0.01),
                  TestOutcome("test_dense_forward", "dense_forward", 20, 20, True, "", 0.01),
                  TestOutcome("test_gate_weights[and]", "gate_weights", 0, 30, False,
                              "gate_weights('and'): нейрон с этими весами ошибается на входе (1, 1)", 0.01,
                              {"kind": "values"})],
        graded_at=None, duration=0.5)
    return [
        _activations("ivanov", "Иванов Иван", outcomes=list(FULL)),
        _activations("petrova", "Петрова Мария", outcomes=buggy_outcomes(), notes=["кодировка cp1251"]),
        _activations("sidorov", "Сидоров Пётр", outcomes=[], status="load_error",
                     message="activations.py, строка 3: SyntaxError: invalid syntax — проверьте скобки и отступы"),
        _activations("kuznetsova", "Кузнецова Анна", outcomes=shape_fail, late_days=2, penalty=20.0),
        _activations("Смирнов Олег_4521", "Смирнов Олег", outcomes=list(FULL)),
        neuron,
    ]


def hidden_source_lines() -> list[str]:
    """Substantial code lines of the real hidden tests of 02: none may reach a student."""
    text = (ROOT / "exercises/02_activations/hidden/test_activations_hidden.py").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        s = line.strip()
        if len(s) >= 25 and not s.startswith(("#", '"', "'")) and any(c in s for c in "=()"):
            lines.append(s)
    return lines
