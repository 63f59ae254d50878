"""The reference solutions/losses.py against independent oracles.

Gradients: central differences written here. Values: plain-Python `math` loops.
"""
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from oracles import fd_grad, rel_err, CYRILLIC
from solutions import losses as ref


class strict:
    """Any Python warning or NumPy overflow/invalid/divide-by-zero becomes an error."""

    def __enter__(self):
        self.w = warnings.catch_warnings()
        self.w.__enter__()
        warnings.simplefilter("error")
        self.e = np.errstate(over="raise", invalid="raise", divide="raise")
        self.e.__enter__()

    def __exit__(self, *exc):
        self.e.__exit__(*exc)
        self.w.__exit__(*exc)


def py_log_softmax(row):
    mx = max(row)
    lse = mx + math.log(math.fsum(math.exp(v - mx) for v in row))
    return [v - lse for v in row]


rng0 = np.random.default_rng(0)


# ---------- values ----------

def test_mse_value_and_type():
    yt, yp = rng0.normal(size=(5, 3)), rng0.normal(size=(5, 3))
    got = ref.mse(yt, yp)
    assert type(got) is float
    assert got == pytest.approx(math.fsum((a - b) ** 2 for a, b in zip(yt.ravel(), yp.ravel())) / 15, rel=1e-12)
    assert ref.mse([1.0, 2.0], [1.0, 4.0]) == 2.0


def test_bce_value():
    y = np.array([0.0, 1.0, 1.0, 0.0])
    p = np.array([0.1, 0.8, 0.3, 0.6])
    expected = -sum(t * math.log(q) + (1 - t) * math.log(1 - q) for t, q in zip(y, p)) / 4
    got = ref.binary_cross_entropy(y, p)
    assert type(got) is float and got == pytest.approx(expected, rel=1e-12)


def test_bce_clipping_keeps_it_finite():
    with strict():
        loss = ref.binary_cross_entropy(np.array([1.0, 0.0]), np.array([0.0, 1.0]))
        assert loss == pytest.approx(-math.log(1e-12), rel=1e-6)
        assert ref.binary_cross_entropy(np.array([1.0, 0.0]), np.array([1.0, 0.0])) == pytest.approx(0.0, abs=1e-11)
        assert np.all(np.isfinite(ref.binary_cross_entropy_grad(np.array([1.0, 0.0]), np.array([0.0, 1.0]))))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(-15, 15), st.sampled_from([0.0, 1.0])), min_size=1, max_size=8))
def test_bce_with_logits_equals_bce_of_sigmoid(pairs):
    # Naive oracle: fine for |z| <= 15, where 1 - sigmoid(z) loses < 1e-9 relative precision.
    expected = -math.fsum(
        t * math.log(1 / (1 + math.exp(-v))) + (1 - t) * math.log(1 - 1 / (1 + math.exp(-v))) for v, t in pairs
    ) / len(pairs)
    got = ref.bce_with_logits(np.array([p[1] for p in pairs]), np.array([p[0] for p in pairs]))
    assert type(got) is float
    assert got == pytest.approx(expected, rel=1e-7, abs=1e-12)


def test_bce_with_logits_huge_logits_exact():
    with strict():
        assert ref.bce_with_logits(np.array([1.0]), np.array([1e4])) == 0.0
        assert ref.bce_with_logits(np.array([0.0]), np.array([-1e4])) == 0.0
        assert ref.bce_with_logits(np.array([0.0]), np.array([1e4])) == pytest.approx(1e4, rel=1e-15)
        assert ref.bce_with_logits(np.array([1.0]), np.array([-1e4])) == pytest.approx(1e4, rel=1e-15)
        g = ref.bce_with_logits_grad(np.array([0.0, 1.0, 1.0, 0.0]), np.array([1e4, -1e4, 1e4, -1e4]))
        np.testing.assert_array_equal(g, [0.25, -0.25, 0.0, 0.0])


def test_categorical_cross_entropy_onehot_and_labels():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])
    labels = np.array([0, 2, 1])
    expected = -(math.log(0.7) + math.log(0.8) + math.log(0.4)) / 3
    onehot = np.eye(3)[labels]
    for yt in (labels, onehot, labels.astype(float)):
        got = ref.categorical_cross_entropy(yt, p)
        assert type(got) is float and got == pytest.approx(expected, rel=1e-12)
    with strict():
        assert ref.categorical_cross_entropy(np.array([0]), np.array([[1.0, 0.0]])) == pytest.approx(0.0, abs=1e-15)
        assert ref.categorical_cross_entropy(np.array([0]), np.array([[0.0, 1.0]])) == pytest.approx(-math.log(1e-12))
        assert ref.categorical_cross_entropy(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]])) == pytest.approx(-math.log(1e-12))


def test_softmax_cross_entropy_value_vs_python():
    logits = rng0.normal(scale=3, size=(6, 4))
    y = np.array([0, 1, 2, 3, 3, 1])
    loss, d = ref.softmax_cross_entropy(logits, y)
    expected = -math.fsum(py_log_softmax(list(row))[c] for row, c in zip(logits, y)) / 6
    assert type(loss) is float and loss == pytest.approx(expected, rel=1e-12)
    assert d.shape == (6, 4)
    np.testing.assert_allclose(d.sum(axis=1), 0.0, atol=1e-15)


def test_softmax_cross_entropy_huge_logits():
    with strict():
        loss, d = ref.softmax_cross_entropy(np.array([[1e4, 0.0, -1e4], [1e4, 0.0, -1e4]]), np.array([0, 2]))
        assert loss == pytest.approx((0.0 + 2e4) / 2, rel=1e-15)
        np.testing.assert_allclose(d, [[0, 0, 0], [0.5, 0, -0.5]], atol=1e-15)


# ---------- gradients vs finite differences ----------

def test_mse_grad_fd():
    yt, yp = rng0.normal(size=(4, 3)), rng0.normal(size=(4, 3))
    assert rel_err(ref.mse_grad(yt, yp), fd_grad(lambda v: ref.mse(yt, v), yp)) <= 1e-6


def test_bce_grad_fd():
    y = (rng0.random(10) < 0.5).astype(float)
    p = rng0.uniform(0.05, 0.95, size=10)
    assert rel_err(ref.binary_cross_entropy_grad(y, p), fd_grad(lambda v: ref.binary_cross_entropy(y, v), p)) <= 1e-6
    # soft targets too
    ys = rng0.random(10)
    assert rel_err(ref.binary_cross_entropy_grad(ys, p), fd_grad(lambda v: ref.binary_cross_entropy(ys, v), p)) <= 1e-6


def test_bce_with_logits_grad_fd():
    y = (rng0.random((3, 4)) < 0.5).astype(float)
    z = rng0.normal(scale=4, size=(3, 4))
    assert rel_err(ref.bce_with_logits_grad(y, z), fd_grad(lambda v: ref.bce_with_logits(y, v), z)) <= 1e-6


def test_softmax_cross_entropy_dlogits_fd():
    logits = rng0.normal(scale=2, size=(5, 4))
    y = rng0.integers(0, 4, size=5)
    _, d = ref.softmax_cross_entropy(logits, y)
    assert rel_err(d, fd_grad(lambda v: ref.softmax_cross_entropy(v, y)[0], logits)) <= 1e-6


def test_categorical_cross_entropy_is_consistent_with_softmax_ce():
    logits = rng0.normal(size=(5, 3))
    y = rng0.integers(0, 3, size=5)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert ref.categorical_cross_entropy(y, p) == pytest.approx(ref.softmax_cross_entropy(logits, y)[0], rel=1e-12)


# ---------- properties ----------

@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5), elements=st.floats(-1e4, 1e4)))
def test_stability_and_purity(z):
    y = (np.abs(z) % 2 < 1).astype(float)
    z0, y0 = z.copy(), y.copy()
    with strict():
        for v in (ref.bce_with_logits(y, z), ref.mse(y, z)):
            assert type(v) is float and math.isfinite(v) and v >= 0
        for g in (ref.bce_with_logits_grad(y, z), ref.mse_grad(y, z)):
            assert g.shape == z.shape and np.all(np.isfinite(g))
        if z.ndim == 2:
            labels = (np.abs(z[:, 0]) % z.shape[1]).astype(int)
            loss, d = ref.softmax_cross_entropy(z, labels)
            assert math.isfinite(loss) and loss >= 0 and np.all(np.isfinite(d))
    np.testing.assert_array_equal(z, z0)
    np.testing.assert_array_equal(y, y0)


@pytest.mark.parametrize("call", [
    lambda: ref.mse(np.ones(3), np.ones((3, 1))),
    lambda: ref.mse_grad(np.ones(3), np.ones(4)),
    lambda: ref.binary_cross_entropy(np.ones(2), np.ones(3) / 2),
    lambda: ref.bce_with_logits(np.ones(2), np.ones(3)),
    lambda: ref.categorical_cross_entropy(np.array([0, 3]), np.full((2, 3), 1 / 3)),
    lambda: ref.categorical_cross_entropy(np.eye(2), np.full((2, 3), 1 / 3)),
    lambda: ref.categorical_cross_entropy(np.array([0.5, 1.0]), np.full((2, 3), 1 / 3)),
    lambda: ref.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2])),
    lambda: ref.softmax_cross_entropy(np.zeros((2, 3)), np.array([-1, 1])),
    lambda: ref.softmax_cross_entropy(np.zeros(3), np.array([0])),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
