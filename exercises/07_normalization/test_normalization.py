"""Публичные тесты задания 07: быстрая самопроверка на маленьких примерах.

Запуск из папки задания: pytest test_normalization.py
"""
import numpy as np
import pytest

from grader.testing import assert_close, assert_true, checks

X = np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 14.0], [7.0, 14.0]])  # среднее [4, 12], дисперсия [5, 4]
GAMMA = np.array([2.0, 1.0])
BETA = np.array([0.0, -1.0])
EPS = 1e-5


@checks("batchnorm_forward")
def test_batchnorm_forward_training_example(student):
    out, cache, state = student.batchnorm_forward(X, GAMMA, BETA)
    expected = np.column_stack([
        2.0 * np.array([-3.0, -1.0, 1.0, 3.0]) / np.sqrt(5.0 + EPS),
        1.0 * np.array([-2.0, -2.0, 2.0, 2.0]) / np.sqrt(4.0 + EPS) - 1.0,
    ])
    assert_close(out, expected, what="out для батча из README")
    assert_close(state["running_mean"], [0.4, 1.2], what="running_mean после одного шага из нулей (momentum=0.9)")
    assert_close(state["running_var"], [1.4, 1.3], what="running_var после одного шага из единиц (momentum=0.9)")


@checks("batchnorm_forward")
def test_batchnorm_forward_eval_uses_running_stats(student):
    state = {"running_mean": np.array([4.0, 12.0]), "running_var": np.array([5.0, 4.0])}
    out, cache, new_state = student.batchnorm_forward(X[:1], GAMMA, BETA, state=state, training=False)
    expected = GAMMA * (X[:1] - [4.0, 12.0]) / np.sqrt(np.array([5.0, 4.0]) + EPS) + BETA
    assert_close(out, expected, what="out в режиме применения (training=False) для одного примера")
    assert_close(new_state["running_mean"], [4.0, 12.0], what="running_mean в режиме применения (не должен меняться)")
    assert_close(new_state["running_var"], [5.0, 4.0], what="running_var в режиме применения (не должен меняться)")


@checks("batchnorm_backward")
def test_batchnorm_backward_example(student):
    out, cache, state = student.batchnorm_forward(X, GAMMA, BETA)
    dout = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    dx, dgamma, dbeta = student.batchnorm_backward(dout, cache)
    assert_close(dbeta, [1.0, 1.0], what="dbeta для примера из README")
    assert_close(dgamma, [-3.0 / np.sqrt(5.0 + EPS), 2.0 / np.sqrt(4.0 + EPS)], what="dgamma для примера из README")
    assert_close(dx[:, 0], [0.2683286939543, -0.3577702503023, -0.08944289798476, 0.1788844543328],
                 rtol=1e-9, what="первый столбец dx для примера из README")
    assert_close(np.asarray(dx).sum(axis=0), [0.0, 0.0], atol=1e-12,
                 what="сумма dx по батчу (в режиме обучения она всегда равна нулю)")


@checks("xavier_init")
def test_xavier_shape_bounds_and_seed(student):
    w = student.xavier_init(3, 5, seed=0)
    assert_true(isinstance(w, np.ndarray) and w.shape == (3, 5),
                f"xavier_init(3, 5) должна вернуть массив формы (3, 5), получено {np.shape(w)}")
    assert_true(np.all(np.abs(w) <= np.sqrt(6 / 8)),
                "xavier_init(3, 5): равномерные веса должны лежать в [-sqrt(6/8), sqrt(6/8)]")
    assert_close(student.xavier_init(3, 5, seed=0), w, rtol=0, atol=0,
                 what="xavier_init(3, 5, seed=0) при повторном вызове с тем же seed")


@checks("he_init")
def test_he_normal_variance(student):
    w = np.asarray(student.he_init(500, 200, seed=1))
    assert_true(w.shape == (500, 200), f"he_init(500, 200) должна вернуть форму (500, 200), получено {w.shape}")
    assert_true(abs(w.var() / (2 / 500) - 1) < 0.05,
                f"he_init(500, 200): выборочная дисперсия {w.var():.5f}, а должна быть около 2/500 = 0.004")


@checks("he_init")
def test_he_unknown_distribution(student):
    with pytest.raises(ValueError):
        student.he_init(4, 3, seed=0, distribution="gauss")


@checks("layer_gradient_norms")
def test_sigmoid_small_gradient_vanishes(student):
    norms = [float(v) for v in student.layer_gradient_norms(5, 32, "sigmoid", "small", seed=0)]
    assert_true(len(norms) == 5, f"ожидался список из 5 норм (по одной на слой), получено {len(norms)}")
    assert_true(all(a < b for a, b in zip(norms, norms[1:])),
                f"с sigmoid и init='small' нормы должны расти от первого слоя к последнему, получено {norms}")
    assert_true(0.1 < norms[-1] < 0.15,
                f"норма градиента последнего слоя должна быть около 0.125 (см. README), получено {norms[-1]:.4g}")
    assert_true(norms[0] < 1e-6 * norms[-1],
                f"у первого слоя градиент должен быть на много порядков меньше, чем у последнего: {norms}")
