"""Публичные тесты задания 04 (обратное распространение).

Запуск в папке задания:  pytest test_backprop.py
Ожидаемые числа посчитаны вручную по формулам из README.md.
"""
import math

import numpy as np

from grader.testing import assert_close, assert_float, assert_gradient, checks, unchanged

X = np.array([[1.0, 2.0], [3.0, 4.0]])
W = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
DZ = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, -1.0]])


# ------------------------------------------------------------------ dense_backward

@checks("dense_backward")
def test_dense_backward_small_example(student):
    result = student.dense_backward(DZ, X, W)
    assert isinstance(result, tuple) and len(result) == 3, "dense_backward должна вернуть кортеж (dX, dW, db)"
    dX, dW, db = result
    assert_close(dX, [[0.0, 2.0], [1.0, 1.0]], what="dX = dZ @ W.T для примера из README")
    assert_close(dW, [[1.0, 3.0, -2.0], [2.0, 4.0, -2.0]], what="dW = X.T @ dZ для примера из README")
    assert_close(db, [1.0, 1.0, 0.0], what="db (сумма dZ по батчу) для примера из README")


@checks("dense_backward")
def test_dense_backward_shapes(student):
    dX, dW, db = student.dense_backward(np.ones((5, 2)), np.ones((5, 3)), np.ones((3, 2)))
    assert np.shape(dX) == (5, 3), f"dX: форма {np.shape(dX)}, ожидалась (5, 3) — как у X"
    assert np.shape(dW) == (3, 2), f"dW: форма {np.shape(dW)}, ожидалась (3, 2) — как у W"
    assert np.shape(db) == (2,), f"db: форма {np.shape(db)}, ожидалась (2,) — как у b"
    assert_close(db, [5.0, 5.0], what="db для dZ из единиц (m = 5): сумма по батчу")


# ------------------------------------------------------------------ relu_backward / sigmoid_backward

@checks("relu_backward")
def test_relu_backward_small_example(student):
    dZ = student.relu_backward(np.array([1.0, 2.0, 3.0]), np.array([-1.0, 0.0, 2.0]))
    assert_close(dZ, [0.0, 0.0, 3.0], what="relu_backward(dA = [1, 2, 3], Z = [−1, 0, 2])")


@checks("relu_backward")
def test_relu_backward_keeps_dA(student):
    dA = np.array([[1.0, -2.0], [3.0, -4.0]])
    Z = np.array([[-1.0, 1.0], [1.0, -1.0]])
    with unchanged(dA, Z, names=("dA", "Z")):
        dZ = student.relu_backward(dA, Z)
    assert_close(dZ, [[0.0, -2.0], [3.0, 0.0]], what="relu_backward для матрицы 2×2")


@checks("sigmoid_backward")
def test_sigmoid_backward_small_example(student):
    dZ = student.sigmoid_backward(np.array([1.0, 2.0]), np.array([0.0, math.log(3.0)]))
    assert_close(dZ, [0.25, 2 * 0.75 * 0.25], what="sigmoid_backward(dA = [1, 2], Z = [0, ln 3])")


# ------------------------------------------------------------------ numerical_gradient

@checks("numerical_gradient")
def test_numerical_gradient_of_sum_of_squares(student):
    x = np.array([1.0, -2.0, 3.0])
    with unchanged(x, names=("x",)):
        g = student.numerical_gradient(lambda v: float(np.sum(v ** 2)), x)
    assert_close(g, [2.0, -4.0, 6.0], rtol=1e-6, atol=1e-8, what="численный градиент Σx² в точке [1, −2, 3]")


@checks("numerical_gradient")
def test_numerical_gradient_keeps_shape(student):
    A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    g = student.numerical_gradient(lambda v: float(np.sum(A * v)), np.zeros((2, 3)))
    assert_close(g, A, rtol=1e-6, atol=1e-8, what="численный градиент линейной функции Σ A·x для x формы (2, 3)")


# ------------------------------------------------------------------ relative_error

@checks("relative_error")
def test_relative_error_small_example(student):
    err = assert_float(student.relative_error(np.array([1.0, 2.0]), np.array([1.0, 3.0])), what="relative_error")
    assert_close(err, 0.2, what="relative_error([1, 2], [1, 3]) = max(0, 1/5)")


@checks("relative_error")
def test_relative_error_of_zeros(student):
    err = assert_float(student.relative_error(np.zeros(3), np.zeros(3)), what="relative_error для нулей")
    assert_close(err, 0.0, what="relative_error двух нулевых массивов (не nan!)")


# ------------------------------------------------------------------ mlp_loss_and_grads

PARAMS = {
    "W1": np.array([[1.0, -1.0], [0.0, 2.0]]),
    "b1": np.array([0.0, -2.0]),
    "W2": np.array([[2.0, 0.0, -1.0], [1.0, 1.0, 1.0]]),
    "b2": np.zeros(3),
}


@checks("mlp_loss_and_grads")
def test_mlp_example_from_readme(student):
    loss, grads = student.mlp_loss_and_grads(PARAMS, np.array([[1.0, 1.0]]), np.array([0]))
    s = np.exp([2.0, 0.0, -1.0]) / np.exp([2.0, 0.0, -1.0]).sum()
    dZ2 = s - np.array([1.0, 0.0, 0.0])
    dz1 = 2 * dZ2[0] - dZ2[2]          # (dZ2 @ W2.T)[0]; второй скрытый нейрон выключен ReLU
    assert_close(assert_float(loss, what="loss"), -math.log(s[0]), what="loss для примера из README")
    assert isinstance(grads, dict), "второй элемент результата должен быть словарём градиентов"
    assert_close(grads["b2"], dZ2, what="grads['b2'] для примера из README")
    assert_close(grads["W2"], [dZ2, [0.0, 0.0, 0.0]], what="grads['W2'] для примера из README")
    assert_close(grads["b1"], [dz1, 0.0], what="grads['b1'] для примера из README")
    assert_close(grads["W1"], [[dz1, 0.0], [dz1, 0.0]], what="grads['W1'] для примера из README")


@checks("mlp_loss_and_grads")
def test_mlp_grads_agree_with_numerical(student):
    rng = np.random.default_rng(0)
    params = {"W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=4),
              "W2": rng.normal(size=(4, 2)), "b2": rng.normal(size=2)}
    X_ = rng.normal(size=(5, 3))
    y = np.array([0, 1, 1, 0, 1])
    _, grads = student.mlp_loss_and_grads(params, X_, y)
    for key in ("W1", "b1", "W2", "b2"):
        def loss_of(value, key=key):
            return student.mlp_loss_and_grads({**params, key: value}, X_, y)[0]
        assert_gradient(grads[key], loss_of, params[key], tol=1e-5,
                        what=f"grads['{key}'] по сравнению с численным градиентом вашей же потери")
