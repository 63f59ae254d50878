"""Публичные тесты задания 05 «Градиентный спуск и оптимизаторы».

Запуск в папке задания:  pytest test_optimizers.py
Это простые проверки на маленьких примерах; оценку ставят скрытые тесты.
"""
import numpy as np

from grader.testing import assert_close, assert_true, checks, raises_value_error, unchanged


def run_rule(rule, w0, grads, **hyper):
    """Прогнать правило по списку градиентов, передавая состояние обратно; вернуть веса после каждого шага."""
    w, state, path = w0, None, []
    for g in grads:
        w, state = rule(w, g, state, **hyper)
        path.append(np.array(w, dtype=float))
    return path


# ---------------------------------------------------------------- sgd_step

@checks("sgd_step")
def test_sgd_one_step(student):
    w, dw = np.array([1.0, -2.0]), np.array([0.5, -1.0])
    w_next, _ = student.sgd_step(w, dw, None, lr=0.1)
    assert_close(w_next, [0.95, -1.9], what="sgd_step(w=[1, -2], dw=[0.5, -1], lr=0.1)")


@checks("sgd_step")
def test_sgd_default_lr_and_state_roundtrip(student):
    w, dw = np.array([[1.0, 2.0], [3.0, 4.0]]), np.ones((2, 2))
    path = run_rule(student.sgd_step, w, [dw, dw, dw])
    assert_close(path[-1], w - 3 * 1e-2 * dw, what="три шага sgd_step с lr по умолчанию (0.01)")


@checks("sgd_step")
def test_sgd_does_not_modify_inputs(student):
    w, dw = np.array([1.0, 2.0, 3.0]), np.array([0.1, 0.2, 0.3])
    with unchanged(w, dw, names=("w", "dw")):
        student.sgd_step(w, dw, None, lr=0.5)


# ---------------------------------------------------------------- momentum_step

@checks("momentum_step")
def test_momentum_two_steps(student):
    w = np.array([1.0, -2.0])
    grads = [np.array([0.5, -1.0]), np.array([0.1, 0.4])]
    path = run_rule(student.momentum_step, w, grads, lr=0.1, beta=0.9)
    assert_close(path[0], [0.95, -1.9], what="первый шаг momentum (lr=0.1, beta=0.9)")
    assert_close(path[1], [0.895, -1.85], what="второй шаг momentum (lr=0.1, beta=0.9): скорость копит градиенты")


@checks("momentum_step")
def test_momentum_beta_zero_is_sgd(student):
    w = np.array([0.0, 0.0])
    grads = [np.array([1.0, 2.0]), np.array([-1.0, 1.0]), np.array([3.0, 0.0])]
    path = run_rule(student.momentum_step, w, grads, lr=0.5, beta=0.0)
    assert_close(path[-1], [-1.5, -1.5], what="momentum при beta=0 (должен совпасть с SGD)")


# ---------------------------------------------------------------- adam_step

@checks("adam_step")
def test_adam_first_step_is_lr_against_sign(student):
    w, dw = np.array([1.0, -2.0, 0.5]), np.array([0.5, -1.0, 100.0])
    w_next, _ = student.adam_step(w, dw, None, lr=0.1)
    assert_close(w_next, [0.9, -1.9, 0.4], rtol=1e-6,
                 what="первый шаг Adam (lr=0.1): с поправкой на смещение он равен lr против знака градиента")


@checks("adam_step")
def test_adam_second_step(student):
    w = np.array([1.0, -2.0])
    grads = [np.array([0.5, -1.0]), np.array([0.1, 0.4])]
    path = run_rule(student.adam_step, w, grads, lr=0.1)
    assert_close(path[1], [0.8196959043846518, -1.8654394156626260], rtol=1e-7,
                 what="второй шаг Adam (lr=0.1, пример из README)")


@checks("adam_step")
def test_adam_zero_gradient_does_not_move(student):
    w = np.array([1.0, 2.0])
    w_next, _ = student.adam_step(w, np.zeros(2), None)
    assert_close(w_next, w, what="шаг Adam при нулевом градиенте")


# ---------------------------------------------------------------- minimize

@checks("minimize")
def test_minimize_sgd_on_parabola(student):
    traj = student.minimize(lambda w: 2 * (w - 3), np.array([0.0]), method="sgd", steps=3, lr=0.1)
    assert_close(traj, [[0.0], [0.6], [1.08], [1.464]], what="minimize для (w − 3)², method='sgd', lr=0.1, steps=3")


@checks("minimize")
def test_minimize_momentum_on_parabola(student):
    traj = student.minimize(lambda w: 2 * (w - 3), np.array([0.0]), method="momentum", steps=3, lr=0.1)
    assert_close(traj, [[0.0], [0.6], [1.62], [2.814]], what="minimize для (w − 3)², method='momentum', lr=0.1, steps=3")


@checks("minimize")
def test_minimize_default_shape(student):
    traj = np.asarray(student.minimize(lambda w: w, np.ones((2, 3))))
    assert_true(traj.shape == (101, 2, 3),
                f"minimize с параметрами по умолчанию для w0 формы (2, 3): ожидалась траектория формы "
                f"(101, 2, 3) (steps=100 шагов плюс начальная точка), получена {traj.shape}")


@checks("minimize")
def test_minimize_unknown_method(student):
    with raises_value_error("minimize(..., method='newton')"):
        student.minimize(lambda w: w, np.ones(2), method="newton", steps=3)
