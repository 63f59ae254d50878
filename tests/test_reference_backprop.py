"""The reference solutions/backprop.py against independent oracles.

The finite-difference oracle lives here; the reference's numerical_gradient is itself tested
against analytic gradients, never used as an oracle for the other functions.
"""
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from oracles import fd_grad, rel_err, CYRILLIC
from solutions import backprop as ref


def sigmoid(z):
    return 1 / (1 + np.exp(-z))  # fine for the moderate z used here


def test_dense_backward_fd():
    rng = np.random.default_rng(0)
    X, W, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    G = rng.normal(size=(5, 4))  # loss = sum(Z * G)  =>  dZ = G

    def loss(X_, W_, b_):
        return float(np.sum((X_ @ W_ + b_) * G))

    X0, W0 = X.copy(), W.copy()
    dX, dW, db = ref.dense_backward(G, X, W)
    assert dX.shape == X.shape and dW.shape == W.shape and db.shape == b.shape
    assert rel_err(dX, fd_grad(lambda v: loss(v, W, b), X)) <= 1e-6
    assert rel_err(dW, fd_grad(lambda v: loss(X, v, b), W)) <= 1e-6
    assert rel_err(db, fd_grad(lambda v: loss(X, W, v), b)) <= 1e-6
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(W, W0)


def _away_from_zero(rng, shape):
    Z = rng.normal(scale=2, size=shape)
    return np.where(np.abs(Z) < 0.05, 0.1, Z)


def test_relu_backward_fd():
    rng = np.random.default_rng(1)
    Z, G = _away_from_zero(rng, (4, 6)), rng.normal(size=(4, 6))
    assert rel_err(ref.relu_backward(G, Z), fd_grad(lambda v: float(np.sum(np.maximum(v, 0) * G)), Z)) <= 1e-6
    assert np.all(ref.relu_backward(np.ones(3), np.array([-1.0, 0.0, 1.0])) == [0.0, 0.0, 1.0])


def test_sigmoid_backward_fd():
    rng = np.random.default_rng(2)
    Z, G = rng.normal(scale=3, size=(4, 6)), rng.normal(size=(4, 6))
    assert rel_err(ref.sigmoid_backward(G, Z), fd_grad(lambda v: float(np.sum(sigmoid(v) * G)), Z)) <= 1e-6
    import warnings
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise"):
        warnings.simplefilter("error")
        np.testing.assert_array_equal(ref.sigmoid_backward(np.ones(2), np.array([-1e4, 1e4])), [0.0, 0.0])


def _mlp_loss_oracle(params, X, y):
    """Plain-Python forward pass of the 2-layer net (no NumPy vectorization tricks)."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    total = 0.0
    for i in range(X.shape[0]):
        h = [max(math.fsum(X[i, a] * W1[a, j] for a in range(X.shape[1])) + b1[j], 0.0) for j in range(W1.shape[1])]
        z = [math.fsum(h[j] * W2[j, c] for j in range(len(h))) + b2[c] for c in range(W2.shape[1])]
        mx = max(z)
        total += -(z[y[i]] - mx - math.log(math.fsum(math.exp(v - mx) for v in z)))
    return total / X.shape[0]


def test_mlp_loss_and_grads():
    rng = np.random.default_rng(3)
    n, h, k, m = 3, 5, 4, 6
    params = {"W1": rng.normal(size=(n, h)), "b1": rng.normal(scale=0.1, size=h),
              "W2": rng.normal(size=(h, k)), "b2": rng.normal(scale=0.1, size=k)}
    X, y = rng.normal(size=(m, n)), rng.integers(0, k, size=m)
    copies = {key: v.copy() for key, v in params.items()}
    loss, grads = ref.mlp_loss_and_grads(params, X, y)
    assert type(loss) is float
    assert loss == pytest.approx(_mlp_loss_oracle(params, X, y), rel=1e-12)
    assert set(grads) == {"W1", "b1", "W2", "b2"}
    for key in params:
        assert grads[key].shape == params[key].shape

        def f(v, key=key):
            p = dict(params)
            p[key] = v
            return ref.mlp_loss_and_grads(p, X, y)[0]

        assert rel_err(grads[key], fd_grad(f, params[key])) <= 1e-6, key
    for key in params:
        np.testing.assert_array_equal(params[key], copies[key])


# ---------- numerical_gradient itself, against analytic gradients ----------

@pytest.mark.parametrize("f, grad", [
    (lambda x: float(np.sum(x ** 3)), lambda x: 3 * x ** 2),
    (lambda x: float(np.sum(np.sin(x) * x)), lambda x: np.cos(x) * x + np.sin(x)),
    (lambda x: float(np.sum(x) ** 2), lambda x: 2 * np.sum(x) * np.ones_like(x)),
    (lambda x: float(np.exp(x).sum()), np.exp),
])
@pytest.mark.parametrize("shape", [(), (1,), (5,), (3, 4), (2, 3, 2)])
def test_numerical_gradient_analytic(f, grad, shape):
    x = np.random.default_rng(4).normal(size=shape)
    x0 = x.copy()
    g = ref.numerical_gradient(f, x)
    assert g.shape == x.shape
    assert rel_err(g, grad(x)) <= 1e-8
    np.testing.assert_array_equal(x, x0)


def test_numerical_gradient_leaves_x_unchanged_even_if_f_looks_at_it():
    x = np.linspace(-1, 1, 7)
    x0 = x.copy()
    seen = []

    def f(v):
        seen.append(np.array_equal(x, x0))  # the caller's array must never be the perturbed one
        return float(np.sum(v ** 2))

    g = ref.numerical_gradient(f, x, h=1e-4)
    assert all(seen) and len(seen) == 2 * x.size
    np.testing.assert_allclose(g, 2 * x, rtol=1e-8, atol=1e-10)
    assert np.array_equal(x, x0) and x.dtype == x0.dtype


def test_numerical_gradient_custom_h_on_quadratic_is_exact():
    # central differences are exact for quadratics, whatever h
    x = np.array([1.0, -2.0, 3.0])
    np.testing.assert_allclose(ref.numerical_gradient(lambda v: float(v @ v), x, h=0.5), 2 * x, rtol=1e-12)


def test_relative_error_hand_values():
    assert ref.relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert ref.relative_error(np.array([1.0, 3.0]), np.array([1.0, 1.0])) == pytest.approx(0.5)
    assert ref.relative_error(np.array([0.0]), np.array([1e-9])) == pytest.approx(1e-9 / 1e-8)
    assert ref.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert type(ref.relative_error(np.ones(2), np.ones(2))) is float


@settings(max_examples=50, deadline=None)
@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 4)), elements=st.floats(-1e3, 1e3)),
       st.floats(0.1, 10))
def test_relative_error_properties(a, scale):
    b = a * 0.5 + 1.0
    r = ref.relative_error(a, b)
    assert 0.0 <= r <= 1.0
    assert r == ref.relative_error(b, a)
    assert ref.relative_error(a, a) == 0.0


@pytest.mark.parametrize("call", [
    lambda: ref.dense_backward(np.ones((5, 4)), np.ones((5, 3)), np.ones((2, 4))),
    lambda: ref.dense_backward(np.ones((4, 4)), np.ones((5, 3)), np.ones((3, 4))),
    lambda: ref.relu_backward(np.ones(3), np.ones(4)),
    lambda: ref.sigmoid_backward(np.ones((2, 2)), np.ones(4)),
    lambda: ref.numerical_gradient(lambda v: 0.0, np.ones(2), h=0.0),
    lambda: ref.relative_error(np.ones(2), np.ones(3)),
    lambda: ref.mlp_loss_and_grads({"W1": np.ones((2, 3))}, np.ones((1, 2)), np.array([0])),
    lambda: ref.mlp_loss_and_grads({"W1": np.ones((2, 3)), "b1": np.ones(3), "W2": np.ones((3, 2)),
                                    "b2": np.ones(2)}, np.ones((1, 2)), np.array([2])),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
