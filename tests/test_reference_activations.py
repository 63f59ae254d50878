"""The reference solutions/activations.py against independent oracles.

Gradients are checked with a central-difference oracle defined here (not the reference's
numerical_gradient); values with plain `math` formulas.
"""
import math
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from solutions import activations as ref

CYRILLIC = re.compile("[а-яА-ЯёЁ]")
ELEMENTWISE = [ref.relu, ref.relu_grad, ref.leaky_relu, ref.leaky_relu_grad, ref.sigmoid,
               ref.sigmoid_grad, ref.tanh_grad]


def fd_elementwise(f, x, h=1e-5):
    """Central differences of an elementwise function: (f(x + h) - f(x - h)) / 2h."""
    return (np.asarray(f(x + h)) - np.asarray(f(x - h))) / (2 * h)


def rel_err(a, b):
    """Norm-wise relative error (robust to tiny individual entries)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def strict():
    """Context where any Python warning or NumPy overflow/invalid/divide raises."""
    class _Ctx:
        def __enter__(self):
            self.w = warnings.catch_warnings()
            self.w.__enter__()
            warnings.simplefilter("error")
            self.e = np.errstate(over="raise", invalid="raise", divide="raise")
            self.e.__enter__()

        def __exit__(self, *exc):
            self.e.__exit__(*exc)
            self.w.__exit__(*exc)
    return _Ctx()


def away_from_zero(rng, size, margin=1e-2):
    x = rng.normal(scale=3, size=size)
    return np.where(np.abs(x) < margin, margin * 2 * np.sign(x + 1e-300), x)


# ---------- gradients vs finite differences ----------

@pytest.mark.parametrize("f, grad", [
    (ref.relu, ref.relu_grad),
    (ref.leaky_relu, ref.leaky_relu_grad),
    (lambda x: ref.leaky_relu(x, alpha=0.2), lambda x: ref.leaky_relu_grad(x, alpha=0.2)),
    (ref.sigmoid, ref.sigmoid_grad),
    (np.tanh, ref.tanh_grad),
])
def test_elementwise_grads_match_finite_differences(f, grad):
    rng = np.random.default_rng(0)
    x = away_from_zero(rng, (6, 7))
    assert rel_err(grad(x), fd_elementwise(f, x)) <= 1e-6
    # elementwise too, where every entry is O(1e-3) or larger
    np.testing.assert_allclose(grad(x), fd_elementwise(f, x), rtol=1e-6, atol=1e-9)


def test_softmax_jacobian_matches_finite_differences():
    rng = np.random.default_rng(1)
    for k in (1, 2, 5, 9):
        z = rng.normal(scale=2, size=k)
        J = ref.softmax_jacobian(z)
        assert J.shape == (k, k)
        h = 1e-5
        fd = np.empty((k, k))
        for j in range(k):
            e = np.zeros(k)
            e[j] = h
            fd[:, j] = (ref.softmax(z + e) - ref.softmax(z - e)) / (2 * h)
        assert rel_err(J, fd) <= 1e-6 or np.abs(J - fd).max() < 1e-12
        np.testing.assert_allclose(J, J.T, atol=1e-15)
        np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)


def test_kink_conventions():
    assert ref.relu_grad(0.0) == 0.0
    assert ref.relu_grad(1e-300) == 1.0
    assert ref.leaky_relu_grad(0.0) == 0.01
    assert ref.leaky_relu_grad(0.0, alpha=0.3) == 0.3
    assert ref.leaky_relu_grad(2.0, alpha=0.3) == 1.0
    assert ref.sigmoid(0.0) == 0.5 and ref.sigmoid_grad(0.0) == 0.25 and ref.tanh_grad(0.0) == 1.0


# ---------- values vs math oracles ----------

@settings(max_examples=100, deadline=None)
@given(st.floats(-700, 700, allow_nan=False))
def test_sigmoid_matches_math(x):
    expected = 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
    assert ref.sigmoid(x) == pytest.approx(expected, rel=1e-12, abs=1e-300)
    # s(1 - s) and 1 - tanh^2 cancel for large |x|: only absolute precision (~1e-16) is meaningful.
    assert ref.sigmoid_grad(x) == pytest.approx(expected * (1 - expected), rel=1e-9, abs=1e-15)
    assert ref.tanh_grad(x) == pytest.approx(1 - math.tanh(x) ** 2, rel=1e-9, abs=1e-15)


@settings(max_examples=100, deadline=None)
@given(st.floats(-1e6, 1e6, allow_nan=False), st.floats(0, 1))
def test_relu_family_matches_python(x, alpha):
    assert ref.relu(x) == max(x, 0.0)
    assert ref.leaky_relu(x, alpha=alpha) == (x if x > 0 else alpha * x)
    assert ref.leaky_relu(x, alpha=alpha) == max(alpha * x, x)


# ---------- shapes, scalars, stability, purity ----------

@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=4, max_side=5),
                  elements=st.floats(-1e4, 1e4)))
def test_elementwise_shapes_stability_and_purity(x):
    before = x.copy()
    with strict():
        for f in ELEMENTWISE:
            y = np.asarray(f(x))
            assert y.shape == x.shape and y.dtype == np.float64
            assert np.all(np.isfinite(y))
        s = np.asarray(ref.sigmoid(x))
        assert np.all((s >= 0) & (s <= 1))
        np.testing.assert_allclose(ref.sigmoid(-x), 1 - s, atol=1e-15)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("f", ELEMENTWISE)
def test_scalars_in_scalars_out(f):
    for v in (0, -2, 3.5, np.float64(1.5)):
        y = f(v)
        assert np.ndim(y) == 0
        assert float(y) == float(f(np.array([v]))[0])
    assert np.shape(f([[1.0, -1.0]])) == (1, 2)  # lists work too


def test_sigmoid_exact_limits():
    with strict():
        assert ref.sigmoid(1e4) == 1.0
        assert ref.sigmoid(-1e4) == 0.0
        np.testing.assert_array_equal(ref.sigmoid(np.array([-1e4, 1e4])), [0.0, 1.0])
        assert ref.sigmoid_grad(1e4) == 0.0 and ref.sigmoid_grad(-1e4) == 0.0
        assert ref.tanh_grad(1e4) == 0.0


def _naive_softmax(z, axis):
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=6),
                  elements=st.floats(-1e4, 1e4)),
       st.floats(-1e3, 1e3))
def test_softmax_properties(z, shift):
    before = z.copy()
    with strict():
        for axis in range(-z.ndim, z.ndim):
            s = ref.softmax(z, axis=axis)
            assert s.shape == z.shape and np.all(np.isfinite(s)) and np.all(s >= 0)
            np.testing.assert_allclose(s.sum(axis=axis), 1.0, atol=1e-12)
            np.testing.assert_allclose(ref.softmax(z + shift, axis=axis), s, atol=1e-12)
    np.testing.assert_array_equal(z, before)


def test_softmax_default_axis_and_naive_oracle():
    rng = np.random.default_rng(3)
    z = rng.normal(scale=3, size=(4, 6))
    np.testing.assert_allclose(ref.softmax(z), _naive_softmax(z, -1), rtol=1e-13)
    np.testing.assert_allclose(ref.softmax(z, axis=0), _naive_softmax(z, 0), rtol=1e-13)
    np.testing.assert_allclose(ref.softmax(z[0]), _naive_softmax(z[0], 0), rtol=1e-13)


def test_softmax_huge_logits():
    with strict():
        np.testing.assert_array_equal(ref.softmax(np.array([1e4, 0.0, -1e4])), [1.0, 0.0, 0.0])
        np.testing.assert_allclose(ref.softmax(np.array([1e4, 1e4])), [0.5, 0.5])
        np.testing.assert_allclose(ref.softmax(np.array([[-1e4, -1e4 + np.log(3.0)]])), [[0.25, 0.75]])


@pytest.mark.parametrize("call", [
    lambda: ref.softmax(np.ones(3), axis=1),
    lambda: ref.softmax(2.0),
    lambda: ref.softmax_jacobian(np.ones((2, 2))),
    lambda: ref.relu("abc"),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
