"""Публичные тесты задания 03 (функции потерь).

Запуск в папке задания:  pytest test_losses.py
Ожидаемые числа посчитаны вручную по формулам из README.md.
"""
import math

import numpy as np

from grader.testing import assert_close, assert_float, checks, no_warnings


# ------------------------------------------------------------------ MSE

@checks("mse")
def test_mse_small_example(student):
    loss = assert_float(student.mse(np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, 2.0])),
                        what="mse для векторов длины 3")
    assert_close(loss, (0.25 + 0.0 + 1.0) / 3, what="mse([1, 2, 3], [1.5, 2, 2])")


@checks("mse")
def test_mse_averages_over_all_elements(student):
    y_true = np.array([[1.0, 2.0], [3.0, 4.0]])
    y_pred = np.array([[1.0, 0.0], [3.0, 5.0]])
    loss = assert_float(student.mse(y_true, y_pred), what="mse для матриц 2×2")
    assert_close(loss, (0 + 4 + 0 + 1) / 4, what="mse для матриц 2×2 (среднее по всем 4 элементам)")


@checks("mse")
def test_mse_zero_for_perfect_prediction(student):
    y = np.array([0.5, -1.0, 7.0])
    assert_close(student.mse(y, y.copy()), 0.0, what="mse при идеальном предсказании")


@checks("mse_grad")
def test_mse_grad_small_example(student):
    grad = student.mse_grad(np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, 2.0]))
    assert_close(grad, [1 / 3, 0.0, -2 / 3], what="mse_grad([1, 2, 3], [1.5, 2, 2])")


@checks("mse_grad")
def test_mse_grad_matrix(student):
    grad = student.mse_grad(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 0.0], [3.0, 5.0]]))
    assert_close(grad, [[0.0, -1.0], [0.0, 0.5]], what="mse_grad для матриц 2×2 (N = 4)")


# ------------------------------------------------------------------ BCE по вероятностям

@checks("binary_cross_entropy")
def test_bce_small_example(student):
    loss = assert_float(student.binary_cross_entropy(np.array([1.0, 0.0]), np.array([0.9, 0.2])),
                        what="binary_cross_entropy")
    assert_close(loss, -(math.log(0.9) + math.log(0.8)) / 2, what="binary_cross_entropy([1, 0], [0.9, 0.2])")


@checks("binary_cross_entropy")
def test_bce_handles_exact_zero_and_one(student):
    y = np.array([1.0, 0.0])
    p = np.array([0.0, 1.0])   # уверенно и неверно: без обрезки получится ln 0
    with no_warnings("binary_cross_entropy при p = 0 и p = 1"):
        loss = assert_float(student.binary_cross_entropy(y, p), what="binary_cross_entropy при p = 0 и 1")
    assert_close(loss, -math.log(1e-12), rtol=1e-6, what="binary_cross_entropy([1, 0], [0, 1]) при eps = 1e-12")


@checks("binary_cross_entropy_grad")
def test_bce_grad_small_example(student):
    grad = student.binary_cross_entropy_grad(np.array([1.0, 0.0]), np.array([0.9, 0.2]))
    assert_close(grad, [-1 / 0.9 / 2, 1 / 0.8 / 2], what="binary_cross_entropy_grad([1, 0], [0.9, 0.2])")


@checks("binary_cross_entropy_grad")
def test_bce_grad_is_finite_at_zero(student):
    with no_warnings("binary_cross_entropy_grad при p = 0"):
        grad = np.asarray(student.binary_cross_entropy_grad(np.array([1.0, 0.0]), np.array([0.0, 0.5])))
    assert np.all(np.isfinite(grad)), "binary_cross_entropy_grad при p = 0 должен быть конечным (обрежьте p)"


# ------------------------------------------------------------------ BCE по логитам

@checks("bce_with_logits")
def test_bce_with_logits_small_example(student):
    loss = assert_float(student.bce_with_logits(np.array([1.0, 0.0]), np.array([2.0, -1.0])),
                        what="bce_with_logits")
    expected = (math.log(1 + math.exp(-2.0)) + math.log(1 + math.exp(-1.0))) / 2
    assert_close(loss, expected, what="bce_with_logits([1, 0], [2, -1])")


@checks("bce_with_logits")
def test_bce_with_logits_huge_logits(student):
    with no_warnings("bce_with_logits при |z| = 1e4"):
        right = student.bce_with_logits(np.array([1.0, 0.0]), np.array([1e4, -1e4]))
        wrong = student.bce_with_logits(np.array([0.0]), np.array([1e4]))
    assert_close(right, 0.0, what="bce_with_logits для уверенных верных ответов (z = ±1e4)")
    assert_close(wrong, 1e4, what="bce_with_logits(y = 0, z = 1e4)")


@checks("bce_with_logits_grad")
def test_bce_with_logits_grad_small_example(student):
    grad = student.bce_with_logits_grad(np.array([1.0, 0.0]), np.array([2.0, -1.0]))
    s2, s_1 = 1 / (1 + math.exp(-2.0)), 1 / (1 + math.exp(1.0))
    assert_close(grad, [(s2 - 1) / 2, s_1 / 2], what="bce_with_logits_grad([1, 0], [2, -1])")


@checks("bce_with_logits_grad")
def test_bce_with_logits_grad_zero_logits(student):
    grad = student.bce_with_logits_grad(np.array([0.0, 1.0, 1.0, 0.0]), np.zeros(4))
    assert_close(grad, [0.125, -0.125, -0.125, 0.125], what="bce_with_logits_grad при z = 0 (σ = 0.5, N = 4)")


# ------------------------------------------------------------------ категориальная

P = np.array([[0.7, 0.2, 0.1],
              [0.1, 0.3, 0.6]])


@checks("categorical_cross_entropy")
def test_cce_integer_labels(student):
    loss = assert_float(student.categorical_cross_entropy(np.array([0, 2]), P),
                        what="categorical_cross_entropy с целыми метками")
    assert_close(loss, -(math.log(0.7) + math.log(0.6)) / 2, what="categorical_cross_entropy([0, 2], P)")


@checks("categorical_cross_entropy")
def test_cce_one_hot_labels(student):
    one_hot = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    loss = student.categorical_cross_entropy(one_hot, P)
    assert_close(loss, -(math.log(0.7) + math.log(0.6)) / 2, what="categorical_cross_entropy с one-hot метками")


@checks("softmax_cross_entropy")
def test_softmax_cross_entropy_one_sample(student):
    result = student.softmax_cross_entropy(np.array([[2.0, 1.0, 0.0]]), np.array([0]))
    assert isinstance(result, tuple) and len(result) == 2, "softmax_cross_entropy должна вернуть кортеж (loss, dlogits)"
    loss, dlogits = result
    e = np.exp([2.0, 1.0, 0.0])
    s = e / e.sum()
    assert_close(assert_float(loss, what="loss"), -math.log(s[0]), what="loss для логитов [2, 1, 0] и метки 0")
    assert_close(dlogits, [[s[0] - 1, s[1], s[2]]], what="dlogits для логитов [2, 1, 0] и метки 0")


@checks("softmax_cross_entropy")
def test_softmax_cross_entropy_uniform_logits(student):
    loss, dlogits = student.softmax_cross_entropy(np.zeros((2, 4)), np.array([1, 3]))
    assert_close(loss, math.log(4), what="loss при одинаковых логитах (4 класса)")
    assert_close(dlogits, [[0.125, -0.375, 0.125, 0.125], [0.125, 0.125, 0.125, -0.375]],
                 what="dlogits при одинаковых логитах (m = 2, k = 4)")
