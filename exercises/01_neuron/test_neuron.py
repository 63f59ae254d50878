"""Публичные тесты задания 01 «Анатомия нейрона».

Запуск в папке задания:  pytest test_neuron.py
Тесты проверяют ваш файл neuron.py, лежащий рядом. Это небольшие примеры, посчитанные
вручную; итоговую оценку ставят скрытые тесты, они проверяют гораздо больше случаев.
"""
import itertools

import numpy as np
import pytest

from grader.testing import assert_close, assert_float, assert_true, checks


# ------------------------------------------------------------------ weighted_sum

@checks("weighted_sum")
def test_weighted_sum_one_example(student):
    # 1·0.5 + 2·(−1) + 3·2 + 0.5 = 5
    z = student.weighted_sum(np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), 0.5)
    assert_close(assert_float(z, "weighted_sum для x формы (3,)"), 5.0, what="weighted_sum для x формы (3,)")


@checks("weighted_sum")
def test_weighted_sum_batch(student):
    X = np.array([[1.0, 2.0, 3.0],
                  [0.0, 0.0, 0.0],
                  [-1.0, 1.0, 0.0]])
    z = student.weighted_sum(X, np.array([0.5, -1.0, 2.0]), 0.5)
    # для нулевого входа остаётся только смещение
    assert_close(z, [5.0, 0.5, -1.0], what="weighted_sum для пакета X формы (3, 3)")


@checks("weighted_sum")
def test_weighted_sum_shape_mismatch(student):
    with pytest.raises(ValueError):
        student.weighted_sum(np.ones(3), np.ones(2), 0.0)


# ------------------------------------------------------------------ neuron

@checks("neuron")
def test_neuron_each_activation(student):
    x, w, b = np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), -6.0   # z = -1.5
    expected = {"identity": -1.5, "step": 0.0, "sigmoid": 0.18242552380635632, "relu": 0.0,
                "tanh": -0.9051482536448665}
    for activation, value in expected.items():
        y = student.neuron(x, w, b, activation)
        assert_close(y, value, what=f"neuron(..., {activation!r}) при z = -1.5")


@checks("neuron")
def test_neuron_default_is_sigmoid(student):
    y = student.neuron(np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0]), 0.5)   # z = 5
    assert_close(y, 0.9933071490757153, what="neuron без аргумента activation при z = 5")


@checks("neuron")
def test_neuron_step_at_zero_is_one(student):
    y = student.neuron(np.array([1.0, 1.0]), np.array([1.0, -1.0]), 0.0, "step")   # z = 0
    assert_close(y, 1.0, what="neuron(..., 'step') при z = 0 (по соглашению step(0) = 1)")


@checks("neuron")
def test_neuron_batch_relu(student):
    X = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [-1.0, 1.0, 0.0]])
    y = student.neuron(X, np.array([0.5, -1.0, 2.0]), 0.5, "relu")
    assert_close(y, [5.0, 0.5, 0.0], what="neuron(X, w, b, 'relu') для пакета формы (3, 3)")


@checks("neuron")
def test_neuron_unknown_activation(student):
    with pytest.raises(ValueError):
        student.neuron(np.ones(2), np.ones(2), 0.0, "softplus")


# ------------------------------------------------------------------ dense_forward

@checks("dense_forward")
def test_dense_forward_small(student):
    X = np.array([[1.0, 2.0], [3.0, 4.0]])
    W = np.array([[1.0, 0.0, -1.0], [0.0, 1.0, 1.0]])
    b = np.array([0.5, 0.0, -0.5])
    assert_close(student.dense_forward(X, W, b), [[1.5, 2.0, 0.5], [3.5, 4.0, 0.5]],
                 what="dense_forward: X (2, 2), W (2, 3), b (3,)")


@checks("dense_forward")
def test_dense_forward_shape(student):
    Z = student.dense_forward(np.ones((5, 4)), np.ones((4, 2)), np.zeros(2))
    assert_close(Z, np.full((5, 2), 4.0), what="dense_forward: X (5, 4) из единиц, W (4, 2) из единиц")


# ------------------------------------------------------------------ gate_weights

def _step_neuron(x, w, b):
    """Ступенчатый нейрон, написанный прямо здесь, чтобы тест вентилей не зависел от вашего neuron."""
    return 1.0 if float(np.dot(x, w)) + float(b) >= 0 else 0.0


TRUTH = {"and": lambda a, c: a and c, "or": lambda a, c: a or c}


@checks("gate_weights")
@pytest.mark.parametrize("gate", ["and", "or"])
def test_gate_truth_table(student, gate):
    w, b = student.gate_weights(gate)
    assert_true(np.shape(w) == (2,), f"gate_weights({gate!r}): w должен иметь форму (2,), получено {np.shape(w)}")
    for a, c in itertools.product([0, 1], repeat=2):
        expected = float(bool(TRUTH[gate](a, c)))
        got = _step_neuron(np.array([a, c], dtype=float), np.asarray(w, dtype=float), b)
        assert_true(got == expected, f"вентиль {gate!r} на входе ({a}, {c}): нейрон выдал {got}, а должен {expected}")


@checks("gate_weights")
def test_xor_is_impossible(student):
    with pytest.raises(ValueError):
        student.gate_weights("xor")
