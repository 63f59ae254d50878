"""The reference solutions/regularization.py against independent oracles."""
import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from oracles import fd_grad, rel_err, CYRILLIC
from solutions import regularization as ref


# ---------- dropout ----------

@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropout_statistics(p):
    n = 200_000
    x = np.full(n, 3.0)
    out, mask = ref.dropout_forward(x, p, seed=123)
    assert mask.dtype == bool and mask.shape == x.shape and out.shape == x.shape
    sd = math.sqrt(p * (1 - p) / n)
    assert abs((1 - mask.mean()) - p) < 6 * sd  # fraction dropped ~ p
    assert abs(out.mean() - 3.0) < 6 * 3.0 * sd / (1 - p)  # inverted dropout keeps the expectation
    np.testing.assert_allclose(out[mask], 3.0 / (1 - p))
    assert np.all(out[~mask] == 0.0)


@settings(max_examples=40, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6), elements=st.floats(-1e3, 1e3)),
       st.floats(0, 0.95), st.integers(0, 2**32))
def test_dropout_properties(x, p, seed):
    x0 = x.copy()
    out, mask = ref.dropout_forward(x, p, seed=seed)
    np.testing.assert_array_equal(x, x0)
    assert out.shape == x.shape and mask.shape == x.shape and mask.dtype == bool
    np.testing.assert_allclose(out, np.where(mask, x / (1 - p), 0.0), rtol=1e-15)
    out2, mask2 = ref.dropout_forward(x, p, seed=seed)  # reproducible with a seed
    np.testing.assert_array_equal(mask, mask2)
    np.testing.assert_array_equal(out, out2)
    ev, none = ref.dropout_forward(x, p, training=False, seed=seed)
    assert none is None
    np.testing.assert_array_equal(ev, x)


def test_dropout_p_zero_is_identity():
    x = np.random.default_rng(0).normal(size=(50, 7))
    out, mask = ref.dropout_forward(x, 0.0)
    np.testing.assert_array_equal(out, x)
    assert mask.all()


def test_dropout_uses_default_rng_seed():
    # the contract: mask drawn with np.random.default_rng(seed); different seeds differ
    x = np.ones(1000)
    _, m1 = ref.dropout_forward(x, 0.5, seed=1)
    _, m2 = ref.dropout_forward(x, 0.5, seed=2)
    assert not np.array_equal(m1, m2)


def test_dropout_backward_fd():
    rng = np.random.default_rng(4)
    x, G, p = rng.normal(size=(5, 6)), rng.normal(size=(5, 6)), 0.3
    _, mask = ref.dropout_forward(x, p, seed=7)
    # with the seed fixed the mask is fixed, so out is a deterministic function of x
    f = lambda v: float(np.sum(ref.dropout_forward(v, p, seed=7)[0] * G))
    dx = ref.dropout_backward(G, mask, p)
    assert dx.shape == x.shape
    assert rel_err(dx, fd_grad(f, x)) <= 1e-6
    np.testing.assert_array_equal(ref.dropout_backward(G, None, p), G)


# ---------- L1 / L2 ----------

def test_penalties_hand_values():
    Ws = [np.array([[1.0, -2.0], [0.0, 3.0]]), np.array([0.5, -0.5])]
    assert ref.l2_penalty(Ws, 0.1) == pytest.approx(0.1 / 2 * (1 + 4 + 0 + 9 + 0.25 + 0.25))
    assert ref.l1_penalty(Ws, 0.1) == pytest.approx(0.1 * (1 + 2 + 0 + 3 + 0.5 + 0.5))
    assert type(ref.l2_penalty(Ws, 0.1)) is float and type(ref.l1_penalty(Ws, 0.1)) is float
    assert ref.l2_penalty(Ws, 0.0) == 0.0 and ref.l2_penalty([], 1.0) == 0.0


def test_penalty_grads_fd():
    rng = np.random.default_rng(5)
    W = rng.normal(size=(4, 3))
    W = np.where(np.abs(W) < 0.01, 0.1, W)  # l1 away from its kink
    assert rel_err(ref.l2_grad(W, 0.3), fd_grad(lambda v: ref.l2_penalty([v], 0.3), W)) <= 1e-6
    assert rel_err(ref.l1_grad(W, 0.3), fd_grad(lambda v: ref.l1_penalty([v], 0.3), W)) <= 1e-6
    np.testing.assert_array_equal(ref.l1_grad(np.array([-2.0, 0.0, 5.0]), 0.5), [-0.5, 0.0, 0.5])


def test_penalties_leave_inputs_alone():
    W = np.arange(6.0).reshape(2, 3) - 2
    W0 = W.copy()
    ref.l2_penalty([W], 1.0), ref.l1_penalty([W], 1.0), ref.l2_grad(W, 1.0), ref.l1_grad(W, 1.0)
    np.testing.assert_array_equal(W, W0)


# ---------- early stopping ----------
# Rule (0-based): epoch i improves when loss < best - min_delta (best starts at +inf, so epoch 0
# improves); stop at the first epoch that is `patience` epochs after the last improvement.

@pytest.mark.parametrize("losses, patience, min_delta, expected", [
    # the worked example: improvements at 0, 1, 2; 2 + 3 = 5
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 3, 0.0, (5, 2)),
    # same history, patience too long for it: would stop at 8, which does not exist
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 6, 0.0, (None, 2)),
    # stop exactly at the last index
    ([5, 4, 3, 3.5, 3.6, 3.7, 3.8, 3.9], 5, 0.0, (7, 2)),
    # a later improvement resets the counter: 3 at 2, 2.5 at 4; stop at 4 + 3 = 7
    ([5, 4, 3, 3.5, 2.5, 2.6, 2.7, 2.8, 2.9], 3, 0.0, (7, 4)),
    # strictly decreasing: never stops, best is the last epoch
    ([5, 4, 3, 2, 1], 2, 0.0, (None, 4)),
    # equal loss is not an improvement (strict <)
    ([1.0, 1.0, 1.0, 1.0], 3, 0.0, (3, 0)),
    # patience 1: stop at the first non-improving epoch
    ([3, 2, 2.5, 1], 1, 0.0, (2, 1)),
    # nothing after the stop epoch matters (the 0.1 comes too late)
    ([5, 4, 3, 3.5, 3.6, 3.7, 0.1], 3, 0.0, (5, 2)),
    # min_delta: 0.95 and 0.91 are gains below 0.1, not improvements -> stop at 0 + 2
    ([1.0, 0.95, 0.91, 0.5], 2, 0.1, (2, 0)),
    # min_delta: a gain of exactly min_delta is not enough; 0.85 < 1.0 - 0.1 is
    ([1.0, 0.9, 0.85, 0.84, 0.83], 3, 0.1, (None, 2)),
    # single epoch
    ([0.7], 1, 0.0, (None, 0)),
])
def test_early_stopping_crafted_histories(losses, patience, min_delta, expected):
    assert ref.early_stopping(losses, patience=patience, min_delta=min_delta) == expected


def test_early_stopping_default_patience_and_numpy_input():
    hist = np.array([1.0, 0.5] + [0.6] * 10)
    assert ref.early_stopping(hist) == (6, 1)  # default patience 5
    assert ref.early_stopping(list(hist)) == (6, 1)


def _oracle_early_stopping(losses, patience, min_delta):
    """Independent restatement: for each epoch recompute 'last improvement' from scratch."""
    improvements = []
    best = math.inf
    for i, loss in enumerate(losses):
        if loss < best - min_delta:
            best = loss
            improvements.append(i)
    for i in range(len(losses)):
        prior = [j for j in improvements if j <= i]
        if prior and i - prior[-1] == patience:
            return i, prior[-1]
    return None, improvements[-1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6).map(float), min_size=1, max_size=15), st.integers(1, 5),
       st.sampled_from([0.0, 0.5, 1.0, 1.5]))
def test_early_stopping_against_oracle(losses, patience, min_delta):
    assert ref.early_stopping(losses, patience, min_delta) == _oracle_early_stopping(losses, patience, min_delta)


@pytest.mark.parametrize("call", [
    lambda: ref.dropout_forward(np.ones(3), 1.0),
    lambda: ref.dropout_forward(np.ones(3), -0.1),
    lambda: ref.dropout_forward(np.ones(3), 1.5, training=False),
    lambda: ref.dropout_backward(np.ones(3), np.ones(4, dtype=bool), 0.5),
    lambda: ref.dropout_backward(np.ones(3), np.ones(3, dtype=bool), 1.0),
    lambda: ref.l2_penalty([np.ones(2)], -1.0),
    lambda: ref.l1_penalty([np.ones(2)], -0.1),
    lambda: ref.l2_grad(np.ones(2), -1.0),
    lambda: ref.l1_grad(np.ones(2), -1.0),
    lambda: ref.early_stopping([1.0, 2.0], patience=0),
    lambda: ref.early_stopping([1.0, 2.0], min_delta=-0.1),
    lambda: ref.early_stopping([]),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
