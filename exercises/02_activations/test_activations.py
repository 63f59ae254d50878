"""Публичные тесты задания 02 «Функции активации».

Запуск в папке задания:  pytest test_activations.py
Тесты проверяют ваш файл activations.py, лежащий рядом. Это небольшие примеры, посчитанные
вручную; итоговую оценку ставят скрытые тесты, они проверяют гораздо больше случаев.
"""
import numpy as np

from grader.testing import assert_close, assert_true, checks, no_warnings

X = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])


# ------------------------------------------------------------------ ReLU и Leaky ReLU

@checks("relu")
def test_relu_small(student):
    assert_close(student.relu(X), [0.0, 0.0, 0.0, 0.5, 2.0], what="relu([-2, -0.5, 0, 0.5, 2])")


@checks("relu")
def test_relu_keeps_shape(student):
    x = np.array([[-1.0, 3.0], [4.0, -5.0]])
    assert_close(student.relu(x), [[0.0, 3.0], [4.0, 0.0]], what="relu для матрицы формы (2, 2)")


@checks("relu_grad")
def test_relu_grad_small(student):
    # в нуле производная по соглашению равна 0
    assert_close(student.relu_grad(X), [0.0, 0.0, 0.0, 1.0, 1.0], what="relu_grad([-2, -0.5, 0, 0.5, 2])")


@checks("leaky_relu")
def test_leaky_relu_small(student):
    assert_close(student.leaky_relu(X), [-0.02, -0.005, 0.0, 0.5, 2.0],
                 what="leaky_relu([-2, -0.5, 0, 0.5, 2]) с alpha = 0.01")
    assert_close(student.leaky_relu(X, alpha=0.1), [-0.2, -0.05, 0.0, 0.5, 2.0],
                 what="leaky_relu([-2, -0.5, 0, 0.5, 2], alpha=0.1)")


@checks("leaky_relu_grad")
def test_leaky_relu_grad_small(student):
    # в нуле производная по соглашению равна alpha
    assert_close(student.leaky_relu_grad(X), [0.01, 0.01, 0.01, 1.0, 1.0],
                 what="leaky_relu_grad([-2, -0.5, 0, 0.5, 2]) с alpha = 0.01")
    assert_close(student.leaky_relu_grad(X, alpha=0.1), [0.1, 0.1, 0.1, 1.0, 1.0],
                 what="leaky_relu_grad([-2, -0.5, 0, 0.5, 2], alpha=0.1)")


# ------------------------------------------------------------------ сигмоида и tanh

@checks("sigmoid")
def test_sigmoid_small(student):
    assert_close(student.sigmoid(X),
                 [0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.8807970779778823],
                 what="sigmoid([-2, -0.5, 0, 0.5, 2])")


@checks("sigmoid")
def test_sigmoid_scalar(student):
    assert_close(student.sigmoid(0.0), 0.5, what="sigmoid(0.0) — для числа ожидается число")


@checks("sigmoid")
def test_sigmoid_huge_inputs(student):
    with no_warnings("sigmoid([-1e4, 1e4])"):
        s = student.sigmoid(np.array([-1e4, 1e4]))
    assert_close(s, [0.0, 1.0], what="sigmoid([-1e4, 1e4])")


@checks("sigmoid_grad")
def test_sigmoid_grad_small(student):
    assert_close(student.sigmoid_grad(np.array([0.0, 2.0, -2.0])),
                 [0.25, 0.10499358540350662, 0.10499358540350662], what="sigmoid_grad([0, 2, -2])")


@checks("tanh_grad")
def test_tanh_grad_small(student):
    assert_close(student.tanh_grad(np.array([0.0, 1.0, -1.0])),
                 [1.0, 0.41997434161402614, 0.41997434161402614], what="tanh_grad([0, 1, -1])")


# ------------------------------------------------------------------ softmax

@checks("softmax")
def test_softmax_vector(student):
    assert_close(student.softmax(np.array([1.0, 2.0, 3.0])), [0.09003057317038046, 0.24472847105479764,
                                                              0.6652409557748219], what="softmax([1, 2, 3])")


@checks("softmax")
def test_softmax_rows_of_matrix(student):
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])
    with no_warnings("softmax для матрицы с элементами порядка 1000"):
        s = student.softmax(z)
    assert_close(s, [[0.09003057317038046, 0.24472847105479764, 0.6652409557748219], [1 / 3, 1 / 3, 1 / 3]],
                 what="softmax([[1, 2, 3], [1000, 1000, 1000]]) по строкам")


@checks("softmax")
def test_softmax_columns(student):
    z = np.array([[0.0, 0.0], [np.log(3.0), 0.0]])
    assert_close(student.softmax(z, axis=0), [[0.25, 0.5], [0.75, 0.5]],
                 what="softmax([[0, 0], [ln 3, 0]], axis=0) по столбцам")


@checks("softmax_jacobian")
def test_softmax_jacobian_two_classes(student):
    # для z = (0, 0): s = (1/2, 1/2), J = diag(s) - s sᵀ
    assert_close(student.softmax_jacobian(np.array([0.0, 0.0])), [[0.25, -0.25], [-0.25, 0.25]],
                 what="softmax_jacobian([0, 0])")


@checks("softmax_jacobian")
def test_softmax_jacobian_rows_sum_to_zero(student):
    J = np.asarray(student.softmax_jacobian(np.array([1.0, 2.0, 3.0])))
    assert_true(J.shape == (3, 3), f"softmax_jacobian для z формы (3,): ожидалась форма (3, 3), получено {J.shape}")
    # сумма softmax всегда равна 1, поэтому её производная по любому z_j — ноль
    assert_close(J.sum(axis=0), np.zeros(3), atol=1e-12, what="суммы столбцов softmax_jacobian([1, 2, 3])")
    assert_close(J, J.T, what="softmax_jacobian([1, 2, 3]) должна быть симметричной")
