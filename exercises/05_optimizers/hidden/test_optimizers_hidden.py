"""Скрытые (оценивающие) тесты задания 05 «Градиентный спуск и оптимизаторы».

Оценивается только то, что обещает контракт: траектория весов. Состояние оптимизатора
непрозрачно — тесты лишь передают обратно то, что вернуло правило. Momentum можно записать
в любой из двух эквивалентных форм (v ← βv + dw, w ← w − lr·v или v ← βv − lr·dw, w ← w + v):
при постоянном lr они дают одни и те же веса, и тесты держат lr постоянным.
"""
import numpy as np
import pytest

from grader.testing import (assert_close, assert_true, no_warnings, points, raises_value_error, reference, rule,
                            unchanged)

ref = reference("optimizers")

SHAPES = [(7,), (4, 5), (2, 3, 4), (1,)]


def run_rule(step, w0, grads, **hyper):
    """Drive an update rule, passing back its state; returns the weights after every step, stacked."""
    w, state, path = w0, None, []
    for g in grads:
        w, state = step(w, g, state, **hyper)
        path.append(np.array(w, dtype=np.float64, copy=True))
    return np.stack(path)


def bounded_gradient(rng, shape):
    """Random signs times magnitudes in [0.2, 3]: far enough from 0 that eps = 1e-8 plays no role."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.2, 3.0, size=shape)


WORKS_FIRST = "ValueError засчитывается только вместе с верным результатом на допустимых аргументах"


def first_weights(result, what):
    """w_next from a rule's (w_next, state) pair."""
    assert_true(isinstance(result, (tuple, list)) and len(result) == 2,
                f"{what}: ожидалась пара (w_next, state), получено {type(result).__name__}")
    return result[0]


def shape_text(shape):
    return "(" + ", ".join(map(str, shape)) + (",)" if len(shape) == 1 else ")")


# ============================================================== sgd_step (15)

@rule("sgd-formula")
@points(6, "sgd_step")
@pytest.mark.parametrize("shape", SHAPES)
def test_sgd_step_matches_formula(student, shape):
    rng = np.random.default_rng([5, len(shape), *shape])
    w, dw = rng.normal(size=shape), rng.normal(size=shape) * 3
    lr = 0.37
    expected = w - lr * dw
    w_next, _ = student.sgd_step(w, dw, None, lr=lr)
    assert_close(w_next, expected, what=f"sgd_step для весов формы {shape_text(shape)}, lr=0.37")


@rule("defaults")
@points(2, "sgd_step")
def test_sgd_step_default_lr(student):
    rng = np.random.default_rng(11)
    w, dw = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    expected = w - 1e-2 * dw
    w_next, _ = student.sgd_step(w, dw)
    assert_close(w_next, expected, what="sgd_step(w, dw) с lr по умолчанию (должно быть 1e-2)")


@rule("state-roundtrip")
@points(3, "sgd_step")
def test_sgd_step_state_roundtrip(student):
    rng = np.random.default_rng(12)
    w0 = rng.normal(size=(5,))
    grads = [rng.normal(size=(5,)) for _ in range(6)]
    expected = w0 - 0.2 * np.cumsum(grads, axis=0)
    path = run_rule(student.sgd_step, w0, grads, lr=0.2)
    assert_close(path, expected, what="6 шагов sgd_step подряд (состояние передаётся обратно), lr=0.2")


@rule("inputs-unchanged")
@points(2, "sgd_step")
def test_sgd_step_inputs_unchanged(student):
    rng = np.random.default_rng(13)
    w, dw = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    expected = w - 0.5 * dw
    with unchanged(w, dw, names=("w", "dw")):
        w_next, _ = student.sgd_step(w, dw, None, lr=0.5)
    assert_close(w_next, expected, what="sgd_step для весов формы (4, 3), lr=0.5")


@rule("shape-mismatch")
@points(2, "sgd_step")
def test_sgd_step_shape_mismatch(student):
    w, dw = np.arange(6.0).reshape(2, 3), np.linspace(-1.0, 1.0, 6).reshape(2, 3)
    what = f"sgd_step(w формы (2, 3), dw формы (2, 3), lr=0.1) — {WORKS_FIRST}"
    expected = w - 0.1 * dw
    assert_close(first_weights(student.sgd_step(w, dw, None, lr=0.1), what), expected, what=what)
    with raises_value_error("sgd_step(w формы (2, 3), dw формы (3, 2))"):
        student.sgd_step(np.ones((2, 3)), np.ones((3, 2)), None, lr=0.1)


# ============================================================== momentum_step (25)

@rule("momentum-first-step")
@points(5, "momentum_step")
@pytest.mark.parametrize("shape", [(6,), (3, 4)])
def test_momentum_first_step_is_sgd(student, shape):
    rng = np.random.default_rng([21, *shape])
    w, dw = rng.normal(size=shape), rng.normal(size=shape)
    expected = w - 0.3 * dw
    w_next, _ = student.momentum_step(w, dw, None, lr=0.3, beta=0.8)
    assert_close(w_next, expected,
                 what=f"первый шаг momentum_step (state=None, скорость в начале нулевая) для формы {shape_text(shape)}")


@rule("momentum-formula")
@points(9, "momentum_step")
@pytest.mark.parametrize("lr, beta, shape", [(0.05, 0.9, (5,)), (0.1, 0.5, (3, 4)), (0.01, 0.99, (2, 2, 3))])
def test_momentum_trajectory(student, lr, beta, shape):
    rng = np.random.default_rng([22, int(beta * 100), *shape])
    w0 = rng.normal(size=shape)
    grads = [rng.normal(size=shape) for _ in range(25)]
    expected = run_rule(ref.momentum_step, w0, grads, lr=lr, beta=beta)
    got = run_rule(student.momentum_step, w0, grads, lr=lr, beta=beta)
    assert_close(got, expected, rtol=1e-7, atol=1e-10,
                 what=f"веса после каждого из 25 шагов momentum_step (lr={lr}, beta={beta}, форма {shape_text(shape)}; "
                      "состояние передаётся обратно)")


@rule("defaults")
@points(3, "momentum_step")
def test_momentum_defaults(student):
    rng = np.random.default_rng(23)
    w0 = rng.normal(size=(4,))
    grads = [rng.normal(size=(4,)) for _ in range(5)]
    expected = run_rule(ref.momentum_step, w0, grads, lr=1e-2, beta=0.9)
    got = run_rule(student.momentum_step, w0, grads)
    assert_close(got, expected, rtol=1e-7, atol=1e-12,
                 what="5 шагов momentum_step с параметрами по умолчанию (lr=1e-2, beta=0.9)")


@rule("momentum-beta-zero")
@points(2, "momentum_step")
def test_momentum_beta_zero_is_sgd(student):
    rng = np.random.default_rng(24)
    w0 = rng.normal(size=(3, 2))
    grads = [rng.normal(size=(3, 2)) for _ in range(4)]
    expected = w0 - 0.25 * np.cumsum(grads, axis=0)
    got = run_rule(student.momentum_step, w0, grads, lr=0.25, beta=0.0)
    assert_close(got, expected, what="momentum_step при beta=0 (должен совпасть с обычным SGD), 4 шага")


@rule("momentum-terminal-velocity")
@points(3, "momentum_step")
def test_momentum_terminal_velocity(student):
    # With a constant gradient g the step length tends to lr * g / (1 - beta).
    g = np.array([1.0, -2.0, 0.5])
    path = run_rule(student.momentum_step, np.zeros(3), [g] * 300, lr=0.01, beta=0.9)
    last_step = path[-1] - path[-2]
    assert_close(last_step, -0.01 * g / (1 - 0.9), rtol=1e-6,
                 what="шаг momentum_step после 300 шагов с постоянным градиентом (lr=0.01, beta=0.9): "
                      "скорость должна выйти на lr·g/(1 − beta)")


@rule("inputs-unchanged")
@points(2, "momentum_step")
def test_momentum_inputs_unchanged(student):
    rng = np.random.default_rng(25)
    w, dw = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    expected = w - 0.1 * dw - 0.1 * 1.9 * dw
    with unchanged(w, dw, names=("w", "dw")):
        w1, state = student.momentum_step(w, dw, None, lr=0.1, beta=0.9)
    w1_copy = np.array(w1, dtype=np.float64, copy=True)
    with unchanged(w1_copy, dw, names=("w", "dw")):
        w2, _ = student.momentum_step(w1_copy, dw, state, lr=0.1, beta=0.9)
    assert_close(w2, expected, what="второй шаг momentum_step с тем же градиентом (lr=0.1, beta=0.9)")


@rule("shape-mismatch")
@points(1, "momentum_step")
def test_momentum_shape_mismatch(student):
    w, dw = np.arange(4.0), np.array([0.5, -1.0, 2.0, 0.25])
    what = f"momentum_step(w формы (4,), dw формы (4,), lr=0.1) — {WORKS_FIRST}"
    expected = w - 0.1 * dw
    assert_close(first_weights(student.momentum_step(w, dw, None, lr=0.1, beta=0.9), what), expected, what=what)
    with raises_value_error("momentum_step(w формы (4,), dw формы (5,))"):
        student.momentum_step(np.ones(4), np.ones(5), None, lr=0.1, beta=0.9)


# ============================================================== adam_step (35)

@rule("adam-first-step")
@points(6, "adam_step")
@pytest.mark.parametrize("shape, lr", [((8,), 0.1), ((3, 5), 1e-3)])
def test_adam_first_step(student, shape, lr):
    rng = np.random.default_rng([31, *shape])
    w = rng.normal(size=shape)
    dw = rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.2, 50.0, size=shape)
    expected = ref.adam_step(w, dw, None, lr=lr)[0]
    w_next, _ = student.adam_step(w, dw, None, lr=lr)
    what = (f"первый шаг adam_step (state=None) для формы {shape_text(shape)}, lr={lr}: "
            "с поправкой на смещение сдвиг равен lr против знака градиента")
    assert_close(np.asarray(w_next, dtype=np.float64) - w, -lr * np.sign(dw), rtol=1e-5, what=what)
    assert_close(w_next, expected, rtol=1e-5, what=what)


@rule("adam-formula")
@points(12, "adam_step")
@pytest.mark.parametrize("hyper, shape", [
    ({"lr": 0.01}, (6,)),
    ({"lr": 0.05, "beta1": 0.5, "beta2": 0.9}, (3, 4)),
    ({"lr": 0.002, "beta1": 0.95, "beta2": 0.99}, (2, 3, 2)),
])
def test_adam_trajectory(student, hyper, shape):
    rng = np.random.default_rng([32, *shape])
    w0 = rng.normal(size=shape)
    grads = [bounded_gradient(rng, shape) * rng.uniform(0.1, 5.0) for _ in range(30)]
    expected = run_rule(ref.adam_step, w0, grads, **hyper)
    got = run_rule(student.adam_step, w0, grads, **hyper)
    args = ", ".join(f"{k}={v}" for k, v in hyper.items())
    assert_close(got - w0, expected - w0, rtol=1e-5, atol=1e-12,
                 what=f"сдвиг весов после каждого из 30 шагов adam_step ({args}, форма {shape_text(shape)}; "
                      "состояние передаётся обратно)")


@rule("defaults")
@points(3, "adam_step")
def test_adam_defaults(student):
    rng = np.random.default_rng(33)
    w0 = rng.normal(size=(5,))
    grads = [bounded_gradient(rng, (5,)) for _ in range(4)]
    expected = run_rule(ref.adam_step, w0, grads, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)
    got = run_rule(student.adam_step, w0, grads)
    assert_close(got - w0, expected - w0, rtol=1e-5, atol=1e-14,
                 what="сдвиг весов за 4 шага adam_step с параметрами по умолчанию "
                      "(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)")


@rule("adam-eps")
@points(3, "adam_step")
@pytest.mark.parametrize("eps, scale", [(0.5, 1.0), (1e-4, 1e-3)])
def test_adam_respects_eps(student, eps, scale):
    rng = np.random.default_rng([34, int(1 / scale)])
    w0 = rng.normal(size=(10,))
    grads = [bounded_gradient(rng, (10,)) * scale for _ in range(5)]
    expected = run_rule(ref.adam_step, w0, grads, lr=0.1, eps=eps)
    got = run_rule(student.adam_step, w0, grads, lr=0.1, eps=eps)
    assert_close(got - w0, expected - w0, rtol=1e-6, atol=1e-12,
                 what=f"сдвиг весов за 5 шагов adam_step с eps={eps} и градиентами порядка {scale} (lr=0.1): "
                      "eps прибавляется к √v̂ после поправки на смещение")


@rule("adam-zero-gradient")
@points(3, "adam_step")
def test_adam_zero_gradient(student):
    w = np.array([[1.0, -2.0], [0.5, 3.0]])
    with no_warnings("adam_step с нулевым градиентом на первом шаге"):
        w_next, state = student.adam_step(w, np.zeros((2, 2)), None, lr=0.1)
    assert_close(w_next, w, atol=0, what="первый шаг adam_step с нулевым градиентом (веса не должны сдвинуться)")
    # after a real gradient, zero gradients still move the weights (first moment remembers)
    grads = [np.array([[1.0, -1.0], [0.0, 2.0]]), np.zeros((2, 2)), np.zeros((2, 2))]
    expected = run_rule(ref.adam_step, w, grads, lr=0.1)
    with no_warnings("adam_step с нулевыми градиентами после ненулевого"):
        got = run_rule(student.adam_step, w, grads, lr=0.1)
    assert_close(got - w, expected - w, rtol=1e-5, atol=1e-12,
                 what="adam_step: шаг с ненулевым градиентом, затем два с нулевым (lr=0.1)")


@rule("adam-huge-gradients")
@points(3, "adam_step")
def test_adam_huge_gradients(student):
    rng = np.random.default_rng(35)
    w0 = rng.normal(size=(6,))
    signs = np.array([1.0, -1.0, 1.0, -1.0, 1.0, -1.0])
    grads = [signs * np.array([1e4, 1e4, 3e3, 0.5, 1.0, 5e3]) * rng.uniform(0.5, 1.5, size=6) for _ in range(10)]
    expected = run_rule(ref.adam_step, w0, grads, lr=0.01)
    with no_warnings("adam_step с градиентами порядка 1e4"):
        got = run_rule(student.adam_step, w0, grads, lr=0.01)
    assert_true(np.all(np.isfinite(got)), "adam_step с градиентами порядка 1e4 вернул nan или inf")
    assert_close(got - w0, expected - w0, rtol=1e-5, atol=1e-12,
                 what="сдвиг весов за 10 шагов adam_step с градиентами от 0.25 до 1.5e4 по модулю (lr=0.01)")


@rule("adam-scale-invariance")
@points(2, "adam_step")
def test_adam_scale_invariance(student):
    # Adam divides by the running scale of the gradient: multiplying all gradients by 1000
    # leaves the steps (almost) the same.
    rng = np.random.default_rng(36)
    w0 = rng.normal(size=(4, 2))
    grads = [rng.choice([-1.0, 1.0], size=(4, 2)) * rng.uniform(0.5, 2.0, size=(4, 2)) for _ in range(15)]
    small = run_rule(student.adam_step, w0, grads, lr=0.05)
    large = run_rule(student.adam_step, w0, [1000.0 * g for g in grads], lr=0.05)
    assert_close(large - w0, small - w0, rtol=1e-5, atol=1e-9,
                 what="adam_step: траектория при градиентах, умноженных на 1000 (шаги Adam не зависят от масштаба "
                      "градиента), по сравнению с исходными градиентами")


@rule("inputs-unchanged")
@points(2, "adam_step")
def test_adam_inputs_unchanged(student):
    rng = np.random.default_rng(37)
    w, dw, dw2 = rng.normal(size=(3, 3)), bounded_gradient(rng, (3, 3)), bounded_gradient(rng, (3, 3))
    expected = run_rule(ref.adam_step, w, [dw, dw2], lr=0.1)[-1]
    with unchanged(w, dw, names=("w", "dw")):
        w1, state = student.adam_step(w, dw, None, lr=0.1)
    w1_copy = np.array(w1, dtype=np.float64, copy=True)
    with unchanged(w1_copy, dw2, names=("w", "dw")):
        w2, _ = student.adam_step(w1_copy, dw2, state, lr=0.1)
    assert_close(np.asarray(w2, dtype=np.float64) - w, expected - w, rtol=1e-5, atol=1e-12,
                 what="сдвиг весов за два шага adam_step (lr=0.1)")


@rule("shape-mismatch")
@points(1, "adam_step")
def test_adam_shape_mismatch(student):
    w, dw = np.arange(3.0), np.array([0.5, -2.0, 1.0])
    what = f"adam_step(w формы (3,), dw формы (3,), lr=0.1) — {WORKS_FIRST}"
    expected = ref.adam_step(w.copy(), dw.copy(), None, lr=0.1)[0]
    assert_close(first_weights(student.adam_step(w, dw, None, lr=0.1), what), expected, rtol=1e-6, what=what)
    with raises_value_error("adam_step(w формы (3,), dw формы (2, 2))"):
        student.adam_step(np.ones(3), np.ones((2, 2)), None)


# ============================================================== minimize (25)
#
# minimize is graded on its own: its trajectory must be what the student's OWN update rule gives when
# driven step by step (the contract: "using the named rule"), so a mistake in adam_step costs points in
# adam_step's tests only. If the student's rule cannot be driven at all, the reference's path stands in.

def rule_path(student, grad_fn, w0, method, steps, **hyper):
    """w0 and the weights after each of `steps` steps of the student's own `<method>_step`."""
    try:
        step = getattr(student, f"{method}_step")
        w, state = np.array(w0, dtype=np.float64), None
        path = [w]
        for _ in range(steps):
            w, state = step(w.copy(), grad_fn(w.copy()), state, **hyper)
            w = np.array(w, dtype=np.float64)
            path.append(w)
        return np.stack(path)
    except Exception:  # noqa: BLE001 - a rule that cannot be driven is graded in its own tests
        return ref.minimize(grad_fn, np.array(w0, dtype=np.float64), method=method, steps=steps, **hyper)


A_DIAG = np.array([0.5, 1.0, 2.0, 4.0])
CENTER = np.array([1.0, -2.0, 0.5, 3.0])


def quad_grad(w):
    """Gradient of 1/2 Σ a_i (w_i − c_i)²: a fresh array every call."""
    return A_DIAG * (np.asarray(w, dtype=np.float64) - CENTER)


A_MAT = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 2.0]])
C_MAT = np.array([[1.0, -1.0], [0.0, 2.0], [-3.0, 0.5]])


def matrix_grad(W):
    """Gradient of 1/2 tr((W − C)ᵀ A (W − C)) for W of shape (3, 2)."""
    return A_MAT @ (np.asarray(W, dtype=np.float64) - C_MAT)


@rule("minimize-trajectory")
@points(4, "minimize")
def test_minimize_sgd_closed_form(student):
    w0 = np.array([4.0, 0.0, -1.0, 2.0])
    lr, steps = 0.3, 12
    expected = rule_path(student, quad_grad, w0, "sgd", steps, lr=lr)
    traj = student.minimize(quad_grad, w0, method="sgd", steps=steps, lr=lr)
    assert_close(traj, expected, rtol=1e-7, atol=1e-12,
                 what="minimize(method='sgd', lr=0.3, steps=12) на квадратичной функции: вся траектория")


@rule("minimize-trajectory")
@points(4, "minimize")
def test_minimize_momentum(student):
    w0 = np.array([4.0, 0.0, -1.0, 2.0])
    expected = rule_path(student, quad_grad, w0, "momentum", 40, lr=0.05, beta=0.8)
    traj = student.minimize(quad_grad, w0, method="momentum", steps=40, lr=0.05, beta=0.8)
    assert_close(traj, expected, rtol=1e-7, atol=1e-10,
                 what="minimize(method='momentum', lr=0.05, beta=0.8, steps=40) на квадратичной функции")


@rule("defaults")
@points(3, "minimize")
def test_minimize_default_method_is_adam(student):
    w0 = np.array([4.0, 0.0, -1.0, 2.0])
    expected = rule_path(student, quad_grad, w0, "adam", 20, lr=0.1)
    traj = student.minimize(quad_grad, w0, steps=20, lr=0.1)
    assert_close(np.asarray(traj, dtype=np.float64) - w0, expected - w0, rtol=1e-5, atol=1e-12,
                 what="minimize без method (по умолчанию 'adam'), lr=0.1, steps=20: сдвиг от w0")


@rule("defaults")
@points(2, "minimize")
def test_minimize_default_steps(student):
    w0 = np.array([0.5, -0.5])
    traj = np.asarray(student.minimize(lambda w: 2.0 * np.asarray(w, dtype=np.float64), w0, method="sgd"))
    assert_true(traj.shape == (101, 2),
                f"minimize без steps (по умолчанию 100) для w0 формы (2,): ожидалась траектория формы (101, 2), "
                f"получена {traj.shape}")
    expected = rule_path(student, lambda w: 2.0 * np.asarray(w, dtype=np.float64), w0, "sgd", 100)
    assert_close(traj, expected, what="minimize(method='sgd') с параметрами по умолчанию (steps=100, lr=1e-2)")


@rule("minimize-trajectory")
@points(3, "minimize")
def test_minimize_matrix_weights(student):
    w0 = np.zeros((3, 2))
    expected = rule_path(student, matrix_grad, w0, "momentum", 25, lr=0.1, beta=0.5)
    traj = student.minimize(matrix_grad, w0, method="momentum", steps=25, lr=0.1, beta=0.5)
    assert_close(traj, expected, rtol=1e-7, atol=1e-10,
                 what="minimize для весов-матрицы формы (3, 2) (method='momentum', lr=0.1, beta=0.5, steps=25): "
                      "траектория формы (26, 3, 2)")


@rule("minimize-hyper")
@points(3, "minimize")
def test_minimize_adam_hyper_passed(student):
    w0 = np.array([[2.0, -1.0], [0.0, 1.0], [1.0, 1.0]])
    hyper = {"lr": 0.05, "beta1": 0.5, "beta2": 0.9}
    expected = rule_path(student, matrix_grad, w0, "adam", 30, **hyper)
    traj = student.minimize(matrix_grad, w0, method="adam", steps=30, **hyper)
    assert_close(np.asarray(traj, dtype=np.float64) - w0, expected - w0, rtol=1e-5, atol=1e-12,
                 what="minimize(method='adam', lr=0.05, beta1=0.5, beta2=0.9, steps=30): "
                      "гиперпараметры должны доходить до правила")


@rule("minimize-trajectory")
@points(2, "minimize")
def test_minimize_zero_steps(student):
    w0 = np.array([1.5, -0.5, 2.0])
    traj = student.minimize(lambda w: 2.0 * np.asarray(w, dtype=np.float64), w0, method="sgd", steps=0, lr=0.1)
    assert_close(traj, w0[None, :], what="minimize(..., steps=0): траектория из одной начальной точки, форма (1, 3)")


@rule("inputs-unchanged")
@points(2, "minimize")
def test_minimize_keeps_w0(student):
    w0 = np.array([4.0, 0.0, -1.0, 2.0])
    with unchanged(w0, names=("w0",)):
        traj = student.minimize(quad_grad, w0, method="sgd", steps=5, lr=0.1)
    traj = np.asarray(traj, dtype=np.float64)
    assert_true(traj.ndim == 2 and traj.shape[0] == 6,
                f"minimize(..., steps=5) для w0 формы (4,): ожидалась траектория формы (6, 4), получена {traj.shape}")
    assert_close(traj[0], w0, what="первая строка траектории minimize (должна быть w0)")


@rule("minimize-unknown-method")
@points(2, "minimize")
def test_minimize_unknown_method(student):
    w0 = np.array([4.0, 0.0, -1.0, 2.0])
    assert_close(student.minimize(quad_grad, w0, method="sgd", steps=3, lr=0.1),
                 rule_path(student, quad_grad, w0, "sgd", 3, lr=0.1),
                 what=f"minimize(method='sgd', lr=0.1, steps=3) — {WORKS_FIRST}")
    with raises_value_error("minimize(..., method='rmsprop') — такого метода в задании нет"):
        student.minimize(quad_grad, np.zeros(4), method="rmsprop", steps=3)
