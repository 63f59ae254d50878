"""The reference solutions/optimizers.py against independent loops written here."""
import copy
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from solutions import optimizers as ref

CYRILLIC = re.compile("[а-яА-ЯёЁ]")
vectors = hnp.arrays(np.float64, st.tuples(st.integers(1, 5)), elements=st.floats(-100, 100))

# A fixed ill-conditioned quadratic f(w) = 1/2 (w - c)^T A (w - c), gradient A (w - c).
A = np.array([[3.0, 0.5], [0.5, 1.0]])
C = np.array([1.0, -2.0])


def quad_grad(w):
    return A @ (w - C)


def run(rule, w0, grads, **hyper):
    """Drive a rule by hand, feeding back its state; returns the list of iterates."""
    w, state, out = w0, None, [w0]
    for g in grads:
        w, state = rule(w, g, state, **hyper)
        out.append(w)
    return out


@settings(max_examples=50, deadline=None)
@given(vectors, st.floats(0, 1))
def test_sgd_exact_step(w, lr):
    dw = np.linspace(-1, 1, w.size)
    w0 = w.copy()
    w1, state = ref.sgd_step(w, dw, lr=lr)
    np.testing.assert_array_equal(w1, w - lr * dw)
    np.testing.assert_array_equal(w, w0)
    w2, _ = ref.sgd_step(w, dw, state)  # default lr = 1e-2, and it accepts its own state back
    np.testing.assert_allclose(w2, w - 1e-2 * dw, rtol=0, atol=1e-15)


def test_momentum_trajectory_matches_alternative_formulation():
    # Independent oracle: the "v <- beta v - lr dw; w <- w + v" form of heavy-ball momentum.
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=3) for _ in range(25)]
    lr, beta = 0.05, 0.8
    w, v, expected = np.array([1.0, -1.0, 2.0]), np.zeros(3), []
    for g in grads:
        v = beta * v - lr * g
        w = w + v
        expected.append(w)
    got = run(ref.momentum_step, np.array([1.0, -1.0, 2.0]), grads, lr=lr, beta=beta)[1:]
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-14)


def test_momentum_defaults_and_first_step_is_sgd():
    w, dw = np.array([1.0, 2.0]), np.array([0.5, -0.5])
    w1, s1 = ref.momentum_step(w, dw)
    np.testing.assert_allclose(w1, w - 1e-2 * dw)
    w2, _ = ref.momentum_step(w1, dw, s1)
    np.testing.assert_allclose(w2, w1 - 1e-2 * (0.9 * dw + dw))


def _adam_oracle(w, grads, lr, b1, b2, eps):
    """Scalar-by-scalar Adam with bias correction, in plain Python floats."""
    w = [float(v) for v in w]
    m = [0.0] * len(w)
    v = [0.0] * len(w)
    out = []
    for t, g in enumerate(grads, start=1):
        for i, gi in enumerate(g):
            m[i] = b1 * m[i] + (1 - b1) * gi
            v[i] = b2 * v[i] + (1 - b2) * gi * gi
            w[i] -= lr * (m[i] / (1 - b1 ** t)) / (math.sqrt(v[i] / (1 - b2 ** t)) + eps)
        out.append(list(w))
    return out


@pytest.mark.parametrize("hyper", [{}, {"lr": 0.1, "beta1": 0.5, "beta2": 0.9, "eps": 1e-6}])
def test_adam_trajectory_matches_scalar_oracle(hyper):
    rng = np.random.default_rng(1)
    grads = [rng.normal(size=4) for _ in range(30)]
    full = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, **hyper}
    expected = _adam_oracle(np.zeros(4), grads, full["lr"], full["beta1"], full["beta2"], full["eps"])
    got = run(ref.adam_step, np.zeros(4), grads, **hyper)[1:]
    np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-15)


@settings(max_examples=50, deadline=None)
@given(vectors, st.floats(1e-4, 1.0))
def test_adam_first_step_is_lr_times_sign(dw, lr):
    dw = np.where(np.abs(dw) < 1e-3, 1.0, dw)  # |dw| >> eps
    w = np.zeros_like(dw)
    w1, _ = ref.adam_step(w, dw, lr=lr)
    np.testing.assert_allclose(w1, -lr * np.sign(dw), rtol=1e-4)


@pytest.mark.parametrize("rule, hyper", [(ref.sgd_step, {}), (ref.momentum_step, {}), (ref.adam_step, {})])
def test_state_and_inputs_not_mutated(rule, hyper):
    rng = np.random.default_rng(2)
    w, dw = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    _, state = rule(w, dw)
    w_c, dw_c, state_c = w.copy(), dw.copy(), copy.deepcopy(state)
    w1, state1 = rule(w, dw, state)
    np.testing.assert_array_equal(w, w_c)
    np.testing.assert_array_equal(dw, dw_c)
    assert state.keys() == state_c.keys()
    for key in state:
        np.testing.assert_array_equal(state[key], state_c[key])
    assert state1 is not state
    # replaying from the same state gives the same result (no hidden mutation)
    w2, _ = rule(w, dw, state)
    np.testing.assert_array_equal(w1, w2)


@pytest.mark.parametrize("method, hyper", [
    ("sgd", {"lr": 0.2}),
    ("momentum", {"lr": 0.05, "beta": 0.9}),
    ("adam", {"lr": 0.05}),
])
def test_minimize_converges_on_quadratic(method, hyper):
    w0 = np.array([5.0, 5.0])
    traj = ref.minimize(quad_grad, w0, method=method, steps=1000, **hyper)
    assert traj.shape == (1001, 2)
    np.testing.assert_array_equal(traj[0], w0)
    np.testing.assert_allclose(traj[-1], C, atol=1e-6)
    f = [0.5 * (w - C) @ A @ (w - C) for w in traj]
    assert f[-1] < 1e-3 * f[0]
    np.testing.assert_array_equal(w0, [5.0, 5.0])


def test_minimize_matches_manual_rule_loop_and_shapes():
    w0 = np.arange(6.0).reshape(2, 3)
    traj = ref.minimize(lambda w: 2 * w, w0, method="momentum", steps=7, lr=0.1, beta=0.5)
    assert traj.shape == (8, 2, 3)
    # oracle: heavy ball on f = |w|^2 with an explicit loop
    w, v = w0.copy(), np.zeros_like(w0)
    for k in range(1, 8):
        v = 0.5 * v + 2 * w
        w = w - 0.1 * v
        np.testing.assert_allclose(traj[k], w, rtol=1e-13)
    assert ref.minimize(lambda w: w, np.ones(3), steps=0).shape == (1, 3)
    assert ref.minimize(lambda w: w, 1.0, method="sgd", steps=3).shape == (4,)
    # default method is adam with lr = 1e-3: first step of size lr against the gradient
    np.testing.assert_allclose(ref.minimize(lambda w: w, np.ones(2), steps=1)[1], 1 - 1e-3, rtol=1e-6)


@pytest.mark.parametrize("call", [
    lambda: ref.minimize(quad_grad, np.zeros(2), method="rmsprop"),
    lambda: ref.minimize(quad_grad, np.zeros(2), method="sgd", beta=0.9),
    lambda: ref.minimize(quad_grad, np.zeros(2), steps=-1),
    lambda: ref.minimize(lambda w: np.zeros(3), np.zeros(2), steps=2),
    lambda: ref.sgd_step(np.zeros(2), np.zeros(3)),
    lambda: ref.momentum_step(np.zeros(2), np.zeros(2), beta=1.5),
    lambda: ref.adam_step(np.zeros(2), np.zeros(2), lr=-1.0),
    lambda: ref.adam_step(np.zeros(2), np.zeros(2), state={"oops": 1}),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
