"""The reference solutions/normalization.py against independent oracles."""
import copy

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from oracles import fd_grad, rel_err, CYRILLIC
from solutions import normalization as ref


def _data(seed=0, m=16, d=5):
    rng = np.random.default_rng(seed)
    x = rng.normal(loc=3.0, scale=2.0, size=(m, d))
    return x, rng.normal(size=d), rng.normal(size=d)


# ---------- forward ----------

@settings(max_examples=30, deadline=None)
@given(st.integers(2, 40), st.integers(1, 6), st.integers(0, 1000), st.floats(0.1, 100))
def test_train_output_is_standardized(m, d, seed, scale):
    rng = np.random.default_rng(seed)
    x = rng.normal(loc=5.0, scale=scale, size=(m, d))
    x0 = x.copy()
    out, _, _ = ref.batchnorm_forward(x, np.ones(d), np.zeros(d), eps=1e-12)
    assert out.shape == (m, d)
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(out.var(axis=0), 1.0, rtol=1e-6)  # biased variance
    np.testing.assert_array_equal(x, x0)


def test_train_forward_matches_formula_and_running_update():
    x, gamma, beta = _data()
    mu = x.sum(axis=0) / len(x)
    var = ((x - mu) ** 2).sum(axis=0) / len(x)  # biased
    out, cache, state = ref.batchnorm_forward(x, gamma, beta, momentum=0.8, eps=1e-5)
    np.testing.assert_allclose(out, gamma * (x - mu) / np.sqrt(var + 1e-5) + beta, rtol=1e-12)
    # state None starts at zeros / ones
    np.testing.assert_allclose(state["running_mean"], 0.8 * 0 + 0.2 * mu, rtol=1e-13)
    np.testing.assert_allclose(state["running_var"], 0.8 * 1 + 0.2 * var, rtol=1e-13)
    # a second batch continues from the returned state, which is not mutated
    x2 = x[::-1] * 0.5 + 1
    s_copy = copy.deepcopy(state)
    _, _, state2 = ref.batchnorm_forward(x2, gamma, beta, state=state, momentum=0.8)
    for key in s_copy:
        np.testing.assert_array_equal(state[key], s_copy[key])
    np.testing.assert_allclose(state2["running_mean"], 0.8 * state["running_mean"] + 0.2 * x2.mean(0), rtol=1e-13)
    np.testing.assert_allclose(state2["running_var"], 0.8 * state["running_var"] + 0.2 * x2.var(0), rtol=1e-13)


def test_default_momentum_is_0_9():
    x, gamma, beta = _data(1)
    _, _, state = ref.batchnorm_forward(x, gamma, beta)
    np.testing.assert_allclose(state["running_mean"], 0.1 * x.mean(0), rtol=1e-13)
    np.testing.assert_allclose(state["running_var"], 0.9 + 0.1 * x.var(0), rtol=1e-13)


def test_eval_uses_running_statistics():
    x, gamma, beta = _data(2)
    state = {"running_mean": np.array([1.0, -1.0, 0.0, 2.0, 0.5]),
             "running_var": np.array([4.0, 1.0, 0.25, 9.0, 1.0])}
    s_copy = copy.deepcopy(state)
    out, cache, new_state = ref.batchnorm_forward(x, gamma, beta, state=state, training=False, eps=1e-5)
    expected = gamma * (x - state["running_mean"]) / np.sqrt(state["running_var"] + 1e-5) + beta
    np.testing.assert_allclose(out, expected, rtol=1e-12)
    for key in state:  # eval does not update the statistics
        np.testing.assert_array_equal(new_state[key], s_copy[key])
        np.testing.assert_array_equal(state[key], s_copy[key])
    # a single example in eval mode is fine (no batch statistics needed)
    one, _, _ = ref.batchnorm_forward(x[:1], gamma, beta, state=state, training=False)
    np.testing.assert_allclose(one, expected[:1], rtol=1e-9)


# ---------- backward vs finite differences ----------

@pytest.mark.parametrize("m, d, seed", [(8, 3, 0), (2, 4, 1), (32, 6, 2)])
def test_backward_train_fd(m, d, seed):
    x, gamma, beta = _data(seed, m, d)
    G = np.random.default_rng(seed + 100).normal(size=(m, d))

    def loss(x_, g_, b_):
        return float(np.sum(ref.batchnorm_forward(x_, g_, b_)[0] * G))

    _, cache, _ = ref.batchnorm_forward(x, gamma, beta)
    dx, dgamma, dbeta = ref.batchnorm_backward(G, cache)
    assert dx.shape == x.shape and dgamma.shape == (d,) and dbeta.shape == (d,)
    assert rel_err(dx, fd_grad(lambda v: loss(v, gamma, beta), x)) <= 1e-6
    assert rel_err(dgamma, fd_grad(lambda v: loss(x, v, beta), gamma)) <= 1e-6
    assert rel_err(dbeta, fd_grad(lambda v: loss(x, gamma, v), beta)) <= 1e-6


def test_backward_eval_fd():
    x, gamma, beta = _data(3)
    state = {"running_mean": np.full(5, 0.5), "running_var": np.full(5, 2.0)}
    G = np.random.default_rng(9).normal(size=x.shape)

    def loss(x_, g_, b_):
        return float(np.sum(ref.batchnorm_forward(x_, g_, b_, state=state, training=False)[0] * G))

    _, cache, _ = ref.batchnorm_forward(x, gamma, beta, state=state, training=False)
    dx, dgamma, dbeta = ref.batchnorm_backward(G, cache)
    assert rel_err(dx, fd_grad(lambda v: loss(v, gamma, beta), x)) <= 1e-6
    assert rel_err(dgamma, fd_grad(lambda v: loss(x, v, beta), gamma)) <= 1e-6
    assert rel_err(dbeta, fd_grad(lambda v: loss(x, gamma, v), beta)) <= 1e-6


# ---------- initialization ----------

@pytest.mark.parametrize("fn, n_in, n_out, dist, var, bound", [
    (ref.xavier_init, 600, 400, "uniform", 2 / 1000, np.sqrt(6 / 1000)),
    (ref.xavier_init, 600, 400, "normal", 2 / 1000, None),
    (ref.he_init, 500, 300, "normal", 2 / 500, None),
    (ref.he_init, 500, 300, "uniform", 2 / 500, np.sqrt(6 / 500)),
])
def test_init_variance_and_support(fn, n_in, n_out, dist, var, bound):
    W = fn(n_in, n_out, seed=0, distribution=dist)
    assert W.shape == (n_in, n_out) and W.dtype == np.float64
    assert abs(W.var() / var - 1) < 0.05
    assert abs(W.mean()) < 0.05 * np.sqrt(var)
    if bound is not None:
        assert np.abs(W).max() <= bound and np.abs(W).max() > 0.99 * bound
    else:
        assert np.abs(W).max() > np.sqrt(3 * var)  # normal tails go past the uniform bound
    np.testing.assert_array_equal(W, fn(n_in, n_out, seed=0, distribution=dist))
    assert not np.array_equal(W, fn(n_in, n_out, seed=1, distribution=dist))


def test_init_defaults():
    xu = ref.xavier_init(400, 400, seed=3)
    assert np.abs(xu).max() <= np.sqrt(6 / 800)  # default uniform
    hn = ref.he_init(400, 400, seed=3)
    assert np.abs(hn).max() > np.sqrt(6 / 400)  # default normal
    assert ref.xavier_init(3, 2).shape == (3, 2)  # seed=None works


# ---------- vanishing gradients ----------

def test_layer_gradient_norms_vanishing_sigmoid_small():
    norms = ref.layer_gradient_norms(10, 64, "sigmoid", "small", seed=0)
    assert len(norms) == 10 and all(isinstance(v, float) for v in norms)
    assert all(np.isfinite(norms)) and norms[-1] > 0
    assert norms[0] / norms[-1] < 1e-8  # many orders of magnitude
    assert all(a < b for a, b in zip(norms, norms[1:]))  # shrinks layer after layer going back


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_layer_gradient_norms_healthy_relu_he(seed):
    norms = ref.layer_gradient_norms(10, 64, "relu", "he", seed=seed)
    ratio = norms[0] / norms[-1]
    assert 1e-2 < ratio < 1e2
    assert ref.layer_gradient_norms(10, 64, "relu", "he", seed=seed) == norms  # deterministic


def test_layer_gradient_norms_against_finite_differences():
    # Independent check of the manual backprop on a tiny net: rebuild the loss here from the
    # documented construction and compare the norms of finite-difference gradients.
    depth, width, seed = 3, 4, 5
    for act, init in [("tanh", "xavier"), ("sigmoid", "he"), ("relu", "he")]:
        rng = np.random.default_rng(seed)
        X = rng.standard_normal((64, width))
        std = {"xavier": np.sqrt(1 / width), "he": np.sqrt(2 / width)}[init]
        Ws = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
        f = {"tanh": np.tanh, "sigmoid": lambda z: 1 / (1 + np.exp(-z)), "relu": lambda z: np.maximum(z, 0)}[act]

        def loss(Ws_):
            A = X
            for W in Ws_:
                A = f(A @ W)
            return float(A.mean())

        expected = []
        for layer in range(depth):
            def fl(v, layer=layer):
                Ws_ = list(Ws)
                Ws_[layer] = v
                return loss(Ws_)
            expected.append(np.linalg.norm(fd_grad(fl, Ws[layer])))
        got = ref.layer_gradient_norms(depth, width, act, init, seed=seed)
        np.testing.assert_allclose(got, expected, rtol=1e-6)


@pytest.mark.parametrize("call", [
    lambda: ref.batchnorm_forward(np.ones(4), np.ones(4), np.zeros(4)),
    lambda: ref.batchnorm_forward(np.ones((3, 4)), np.ones(3), np.zeros(4)),
    lambda: ref.batchnorm_forward(np.ones((3, 4)), np.ones(4), np.zeros(4), state={"running_mean": np.zeros(4)}),
    lambda: ref.batchnorm_backward(np.ones((2, 2)), {"x_hat": np.ones((3, 2))}),
    lambda: ref.xavier_init(3, 4, distribution="laplace"),
    lambda: ref.he_init(0, 4),
    lambda: ref.layer_gradient_norms(3, 4, "softplus", "he"),
    lambda: ref.layer_gradient_norms(3, 4, "relu", "zeros"),
    lambda: ref.layer_gradient_norms(0, 4, "relu", "he"),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
