"""Скрытые (оценивающие) тесты задания 01 «Анатомия нейрона».

Баллы по функциям совпадают с course.yaml: weighted_sum 20, neuron 30, dense_forward 20,
gate_weights 30. Входы — случайные с фиксированным seed; сравнение с эталоном — с допусками,
так что любая верная запись формулы (np.dot, @, np.sum, цикл) получает полный балл.
Вентили проверяются по таблице истинности (эталонный ступенчатый нейрон на весах студента),
поэтому подходят любые верные веса.
"""
import itertools
import re

import numpy as np
import pytest

from grader.testing import (GradingFailure, assert_close, assert_float, assert_true, points,
                            raises_value_error, reference, rule, unchanged)

ref = reference("neuron")

ACTIVATIONS = ["identity", "step", "sigmoid", "relu", "tanh"]
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def _rng(seed):
    return np.random.default_rng(seed)


# ====================================================================== weighted_sum (20)

@rule("weighted-sum-single")
@points(6, "weighted_sum")
@pytest.mark.parametrize("n", [1, 3, 10])
def test_weighted_sum_single_example(student, n):
    rng = _rng(100 + n)
    x, w, b = rng.normal(size=n), rng.normal(size=n), float(rng.normal())
    expected = ref.weighted_sum(x, w, b)
    what = f"weighted_sum для одного примера x формы ({n},)"
    assert_close(assert_float(student.weighted_sum(x, w, b), what), expected, what=what)


@rule("weighted-sum-batch")
@points(6, "weighted_sum")
@pytest.mark.parametrize("shape", [(1, 4), (6, 3), (50, 8)])
def test_weighted_sum_batch(student, shape):
    rng = _rng(200 + shape[0])
    X, w, b = rng.normal(size=shape), rng.normal(size=shape[1]), float(rng.normal())
    expected = ref.weighted_sum(X, w, b)
    assert_close(student.weighted_sum(X, w, b), expected,
                 what=f"weighted_sum для пакета X формы {shape} (ожидается массив формы ({shape[0]},))")


@rule("weighted-sum-bias-integers")
@points(2, "weighted_sum")
def test_weighted_sum_bias_and_integers(student):
    # Нулевые входы и нулевые веса: остаётся только смещение; целые входы тоже должны работать.
    assert_close(assert_float(student.weighted_sum(np.zeros(4), np.array([1.0, -2.0, 3.0, 4.0]), 2.5),
                              "weighted_sum при нулевом x"), 2.5, what="weighted_sum при нулевом x")
    assert_close(student.weighted_sum(np.array([[1.0, 2.0], [3.0, 4.0]]), np.zeros(2), -1.25), [-1.25, -1.25],
                 what="weighted_sum при нулевых весах для пакета формы (2, 2)")
    assert_close(assert_float(student.weighted_sum(np.array([1, 2, 3]), np.array([4, -5, 6]), 7),
                              "weighted_sum для целочисленных x, w, b"), 19.0,
                 what="weighted_sum для целочисленных x, w, b")


@rule("inputs-unchanged")
@points(2, "weighted_sum")
def test_weighted_sum_keeps_inputs(student):
    rng = _rng(300)
    X, w = rng.normal(size=(5, 3)), rng.normal(size=3)
    expected = ref.weighted_sum(X, w, 0.3)
    with unchanged(X, w, names=("x", "w")):
        z = student.weighted_sum(X, w, 0.3)
    assert_close(z, expected, what="weighted_sum для пакета X формы (5, 3)")


@rule("shape-errors")
@points(4, "weighted_sum")
@pytest.mark.parametrize("x_shape, w_shape", [((3,), (2,)), ((4, 3), (5,))])
def test_weighted_sum_incompatible_shapes(student, x_shape, w_shape):
    # Баллы за ValueError — только вместе с работающим вычислением на верных входах.
    X, w = _rng(310).normal(size=(4, 3)), _rng(311).normal(size=3)
    assert_close(student.weighted_sum(X, w, 0.5), ref.weighted_sum(X, w, 0.5),
                 what="weighted_sum для верных входов X (4, 3), w (3,)")
    with raises_value_error(f"weighted_sum для x формы {x_shape} и w формы {w_shape}"):
        student.weighted_sum(np.ones(x_shape), np.ones(w_shape), 0.0)


# ====================================================================== neuron (30)

@rule("neuron-activations")
@points(10, "neuron")
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_neuron_batch(student, activation):
    rng = _rng(400 + ACTIVATIONS.index(activation))
    X, w, b = rng.normal(size=(12, 4)), rng.normal(size=4), float(rng.normal())
    expected = ref.neuron(X, w, b, activation)
    assert_close(student.neuron(X, w, b, activation), expected,
                 what=f"neuron(X, w, b, {activation!r}) для пакета X формы (12, 4)")


@rule("neuron-single")
@points(5, "neuron")
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_neuron_single_example(student, activation):
    rng = _rng(500 + ACTIVATIONS.index(activation))
    x, w, b = rng.normal(size=5), rng.normal(size=5), float(rng.normal())
    what = f"neuron(x, w, b, {activation!r}) для одного примера x формы (5,)"
    expected = ref.neuron(x, w, b, activation)
    assert_close(assert_float(student.neuron(x, w, b, activation), what), expected, what=what)


@rule("neuron-default")
@points(3, "neuron")
def test_neuron_default_activation_is_sigmoid(student):
    rng = _rng(600)
    X, w = rng.normal(size=(7, 3)), rng.normal(size=3)
    expected = ref.neuron(X, w, -0.4, "sigmoid")
    assert_close(student.neuron(X, w, -0.4), expected,
                 what="neuron(X, w, b) без аргумента activation (по умолчанию — sigmoid)")


@rule("step-at-zero")
@points(3, "neuron")
def test_neuron_step_at_zero(student):
    # Целые входы и веса: у части строк z равно нулю точно, и там step обязан дать 1.0.
    X = np.array([[1.0, 1.0], [2.0, 1.0], [0.0, 0.0], [1.0, 2.0], [3.0, 3.0]])
    w, b = np.array([1.0, -1.0]), 0.0
    assert_close(student.neuron(X, w, b, "step"), [1.0, 1.0, 1.0, 0.0, 1.0],
                 what="neuron(X, w, b, 'step') для строк, где z = 0 ровно (step(0) = 1) или z = ±1")
    assert_close(student.neuron(np.array([2.0, 3.0]), np.array([1.5, -1.0]), 0.0, "step"), 1.0,
                 what="neuron(x, w, b, 'step') для одного примера с z = 0")
    assert_close(student.neuron(np.array([2.0, 3.0]), np.array([1.5, -1.0]), -0.25, "step"), 0.0,
                 what="neuron(x, w, b, 'step') для одного примера с z = -0.25")


@rule("large-z")
@points(3, "neuron")
def test_neuron_large_z(student):
    X = np.array([[1.0], [-1.0], [0.5], [-0.5], [0.0]])
    w = np.array([1e4])
    for activation in ACTIVATIONS:
        expected = ref.neuron(X, w, 0.0, activation)
        assert_close(student.neuron(X, w, 0.0, activation), expected, atol=1e-12,
                     what=f"neuron(X, w, 0, {activation!r}) при z из {{±1e4, ±5e3, 0}}")


@rule("unknown-activation")
@points(3, "neuron")
@pytest.mark.parametrize("name", ["softplus", "leaky_relu", ""])
def test_neuron_unknown_activation(student, name):
    x, w = np.array([0.5, -1.0]), np.array([1.0, 2.0])
    for activation in ACTIVATIONS:
        what = f"neuron(x, w, 0, {activation!r}) для x = [0.5, -1]"
        assert_close(assert_float(student.neuron(x, w, 0.0, activation), what), ref.neuron(x, w, 0.0, activation),
                     what=what)
    with raises_value_error(f"neuron(x, w, b, {name!r}) — неизвестная активация"):
        student.neuron(np.array([0.5, -1.0]), np.array([1.0, 2.0]), 0.0, name)


@rule("inputs-unchanged")
@points(3, "neuron")
def test_neuron_keeps_inputs(student):
    rng = _rng(700)
    X, w = rng.normal(size=(6, 3)), rng.normal(size=3)
    for activation in ACTIVATIONS:
        expected = ref.neuron(X, w, 0.1, activation)
        with unchanged(X, w, names=("x", "w")):
            y = student.neuron(X, w, 0.1, activation)
        assert_close(y, expected, what=f"neuron(X, w, b, {activation!r}) для X формы (6, 3)")


# ====================================================================== dense_forward (20)

@rule("dense-forward")
@points(10, "dense_forward")
@pytest.mark.parametrize("m, n_in, n_out", [(1, 3, 2), (5, 4, 3), (32, 10, 7), (4, 4, 4), (6, 1, 1)])
def test_dense_forward_random(student, m, n_in, n_out):
    rng = _rng(800 + 10 * m + n_in + n_out)
    X, W, b = rng.normal(size=(m, n_in)), rng.normal(size=(n_in, n_out)), rng.normal(size=n_out)
    expected = ref.dense_forward(X, W, b)
    assert_close(student.dense_forward(X, W, b), expected,
                 what=f"dense_forward для X {X.shape}, W {W.shape}, b {b.shape} (ожидается форма ({m}, {n_out}))")


@rule("dense-bias")
@points(3, "dense_forward")
def test_dense_forward_bias_per_neuron(student):
    # На нулевом входе каждая строка Z равна b: смещение у каждого нейрона своё, общее для всех примеров.
    b = np.array([0.5, -1.0, 2.0])
    W = _rng(900).normal(size=(2, 3))
    assert_close(student.dense_forward(np.zeros((4, 2)), W, b), np.tile(b, (4, 1)),
                 what="dense_forward при нулевом X формы (4, 2) и b формы (3,)")


@rule("inputs-unchanged")
@points(3, "dense_forward")
def test_dense_forward_keeps_inputs(student):
    rng = _rng(901)
    X, W, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    expected = ref.dense_forward(X, W, b)
    with unchanged(X, W, b, names=("X", "W", "b")):
        Z = student.dense_forward(X, W, b)
    assert_close(Z, expected, what="dense_forward для X (5, 3), W (3, 2), b (2,)")


@rule("shape-errors")
@points(4, "dense_forward")
@pytest.mark.parametrize("x_shape, w_shape, b_shape", [((4, 3), (2, 5), (5,)), ((4, 3), (3, 5), (4,))])
def test_dense_forward_incompatible_shapes(student, x_shape, w_shape, b_shape):
    rng = _rng(902)
    X, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=5)
    assert_close(student.dense_forward(X, W, b), ref.dense_forward(X, W, b),
                 what="dense_forward для верных входов X (4, 3), W (3, 5), b (5,)")
    with raises_value_error(f"dense_forward для X {x_shape}, W {w_shape}, b {b_shape}"):
        student.dense_forward(np.ones(x_shape), np.ones(w_shape), np.ones(b_shape))


# ====================================================================== gate_weights (30)

TRUTH = {
    "and": lambda a, c: a and c,
    "or": lambda a, c: a or c,
    "nand": lambda a, c: not (a and c),
    "not_x1": lambda a, c: not a,
}
INPUTS = np.array(list(itertools.product([0.0, 1.0], repeat=2)))


def _check_gate(student, gate):
    result = student.gate_weights(gate)
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                f"gate_weights({gate!r}) должна вернуть пару (w, b), получено: {type(result).__name__}")
    w, b = result
    assert_true(np.shape(w) == (2,), f"gate_weights({gate!r}): w должен иметь форму (2,), получено {np.shape(w)}")
    w = np.asarray(w, dtype=np.float64)
    b = assert_float(b, f"gate_weights({gate!r}): смещение b")
    expected = np.array([float(bool(TRUTH[gate](int(a), int(c)))) for a, c in INPUTS])
    got = ref.neuron(INPUTS, w, b, "step")   # эталонный ступенчатый нейрон: step(z) = 1 при z >= 0
    wrong = [f"({int(a)}, {int(c)}) → {g:g} вместо {e:g}" for (a, c), g, e in zip(INPUTS, got, expected) if g != e]
    assert_true(not wrong, f"вентиль {gate!r}: нейрон step(w·x + b) с вашими весами ошибается на входах: "
                           + "; ".join(wrong) + " (напомним: step(0) = 1)")


@rule("gate-truth-table")
@points(20, "gate_weights")
@pytest.mark.parametrize("gate", list(TRUTH))
def test_gate_truth_table(student, gate):
    _check_gate(student, gate)


@rule("gate-xor")
@points(5, "gate_weights")
def test_gate_xor_refused(student):
    _check_gate(student, "and")  # отказ засчитывается только вместе с работающими вентилями
    with raises_value_error("gate_weights('xor') — XOR одним нейроном не реализуется"):
        student.gate_weights("xor")


@rule("gate-xor-message")
@points(1, "gate_weights")
def test_gate_xor_message_in_russian(student):
    _check_gate(student, "or")
    try:
        student.gate_weights("xor")
    except ValueError as exc:
        assert_true(bool(CYRILLIC.search(str(exc))),
                    "gate_weights('xor'): сообщение ValueError должно быть на русском и объяснять, "
                    f"почему XOR нельзя получить одним нейроном; сейчас оно: {str(exc)!r}")
        return
    except Exception as exc:  # noqa: BLE001 - wrong exception type is the student's mistake
        raise GradingFailure(f"gate_weights('xor'): ожидалось ValueError, а возникло {type(exc).__name__}: {exc}")
    raise GradingFailure("gate_weights('xor'): ожидалось ValueError, но функция завершилась без ошибки")


@rule("gate-unknown")
@points(4, "gate_weights")
@pytest.mark.parametrize("gate", ["nor", "xnor", ""])
def test_gate_unknown_name(student, gate):
    _check_gate(student, "nand")
    with raises_value_error(f"gate_weights({gate!r}) — неизвестный вентиль"):
        student.gate_weights(gate)
