"""The reference solutions/neuron.py against independent oracles (plain Python math)."""
import itertools
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from solutions import neuron as ref

CYRILLIC = re.compile("[а-яА-ЯёЁ]")
finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


def _oracle_act(z, name):
    return {
        "identity": lambda v: v,
        "step": lambda v: 1.0 if v >= 0 else 0.0,
        "sigmoid": lambda v: 1.0 / (1.0 + math.exp(-v)),
        "relu": lambda v: max(v, 0.0),
        "tanh": math.tanh,
    }[name](z)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(st.lists(finite, min_size=n, max_size=n),
                                                     st.lists(finite, min_size=n, max_size=n))),
       finite)
def test_weighted_sum_matches_python_loop(xw, b):
    x, w = xw
    expected = math.fsum(xi * wi for xi, wi in zip(x, w)) + b
    got = ref.weighted_sum(np.array(x), np.array(w), b)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-9)


def test_weighted_sum_batch_shape_and_values():
    rng = np.random.default_rng(0)
    X, w = rng.normal(size=(7, 4)), rng.normal(size=4)
    X0, w0 = X.copy(), w.copy()
    z = ref.weighted_sum(X, w, 0.5)
    assert z.shape == (7,) and z.dtype == np.float64
    for i in range(7):
        assert z[i] == pytest.approx(math.fsum(X[i, j] * w[j] for j in range(4)) + 0.5, rel=1e-12)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(w, w0)


@pytest.mark.parametrize("activation", ["identity", "step", "sigmoid", "relu", "tanh"])
def test_neuron_each_activation(activation):
    rng = np.random.default_rng(1)
    X, w, b = rng.normal(size=(20, 3)), rng.normal(size=3), 0.1
    y = ref.neuron(X, w, b, activation)
    assert y.shape == (20,)
    for i in range(20):
        z = math.fsum(X[i, j] * w[j] for j in range(3)) + b
        assert y[i] == pytest.approx(_oracle_act(z, activation), rel=1e-12, abs=1e-12)
    single = ref.neuron(X[0], w, b, activation)
    assert isinstance(single, float) and single == pytest.approx(y[0], rel=1e-12, abs=1e-15)


def test_neuron_default_is_sigmoid_and_step_at_zero():
    assert ref.neuron(np.array([1.0, 1.0]), np.array([1.0, -1.0]), 0.0) == 0.5
    assert ref.neuron(np.array([1.0, 1.0]), np.array([1.0, -1.0]), 0.0, "step") == 1.0
    assert ref.neuron(np.array([0.0]), np.array([1.0]), -1e-9, "step") == 0.0


def test_neuron_sigmoid_stable_for_huge_z():
    import warnings
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        assert ref.neuron(np.array([1.0]), np.array([1e4]), 0.0) == 1.0
        assert ref.neuron(np.array([1.0]), np.array([-1e4]), 0.0) == 0.0


def test_dense_forward_matches_loops():
    rng = np.random.default_rng(2)
    X, W, b = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    Z = ref.dense_forward(X, W, b)
    assert Z.shape == (5, 4)
    for i, j in itertools.product(range(5), range(4)):
        assert Z[i, j] == pytest.approx(math.fsum(X[i, k] * W[k, j] for k in range(3)) + b[j], rel=1e-12)


_TRUTH = {
    "and": lambda a, b: a and b,
    "or": lambda a, b: a or b,
    "nand": lambda a, b: not (a and b),
    "not_x1": lambda a, b: not a,
}


@pytest.mark.parametrize("gate", sorted(_TRUTH))
def test_gate_truth_tables(gate):
    w, b = ref.gate_weights(gate)
    assert np.shape(w) == (2,)
    for a, c in itertools.product([0, 1], repeat=2):
        got = ref.neuron(np.array([a, c], dtype=float), w, b, "step")
        assert got == float(_TRUTH[gate](a, c)), (gate, a, c)
    # also as one batch
    X = np.array(list(itertools.product([0.0, 1.0], repeat=2)))
    np.testing.assert_array_equal(ref.neuron(X, w, b, "step"),
                                  [float(_TRUTH[gate](int(a), int(c))) for a, c in X])


def test_xor_is_refused_with_explanation():
    with pytest.raises(ValueError) as exc:
        ref.gate_weights("xor")
    msg = str(exc.value)
    assert CYRILLIC.search(msg) and "линейно" in msg and "XOR" in msg


@pytest.mark.parametrize("call", [
    lambda: ref.gate_weights("nor?"),
    lambda: ref.neuron(np.ones(2), np.ones(2), 0.0, "softplus"),
    lambda: ref.weighted_sum(np.ones(3), np.ones(2), 0.0),
    lambda: ref.weighted_sum(np.ones((4, 3)), np.ones(2), 0.0),
    lambda: ref.dense_forward(np.ones((4, 3)), np.ones((2, 5)), np.ones(5)),
    lambda: ref.dense_forward(np.ones((4, 3)), np.ones((3, 5)), np.ones(4)),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))


def test_unknown_activation_message_lists_allowed():
    with pytest.raises(ValueError, match="identity, step, sigmoid, relu, tanh"):
        ref.neuron(np.ones(2), np.ones(2), 0.0, "foo")
