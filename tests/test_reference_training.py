"""The reference solutions/training.py: accuracy on a held-out spiral split, time, determinism."""
import re
import time

import numpy as np
import pytest

from solutions import training as ref

CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def split(X, y, seed, test_fraction=0.25):
    perm = np.random.default_rng(seed).permutation(len(y))
    n_test = int(len(y) * test_fraction)
    te, tr = perm[:n_test], perm[n_test:]
    return X[tr], y[tr], X[te], y[te]


def test_make_spiral_matches_cs231n_construction():
    N, K = 50, 3
    X, y = ref.make_spiral(N, K, seed=4)
    assert X.shape == (N * K, 2) and y.shape == (N * K,) and y.dtype.kind == "i"
    np.testing.assert_array_equal(np.bincount(y), [N] * K)
    r = np.hypot(X[:, 0], X[:, 1])
    for k in range(K):
        np.testing.assert_allclose(r[y == k], np.linspace(0, 1, N), atol=1e-12)  # radius ignores noise
        # angle t = atan2(x, y) is within a few noise sd of linspace(4k, 4k + 4)
        t = np.arctan2(X[y == k, 0], X[y == k, 1])
        base = np.linspace(4 * k, 4 * (k + 1), N)
        d = np.angle(np.exp(1j * (t - base)))[1:]  # skip r = 0, where the angle is undefined
        assert np.abs(d).max() < 1.2 and 0.1 < d.std() < 0.3
    X2, _ = ref.make_spiral(N, K, seed=4)
    np.testing.assert_array_equal(X, X2)


@pytest.mark.parametrize("data_seed", [0, 1, 2])
def test_accuracy_on_held_out_spiral(data_seed):
    X, y = ref.make_spiral(300, 3, seed=data_seed)
    Xtr, ytr, Xte, yte = split(X, y, seed=100 + data_seed)
    t0 = time.perf_counter()
    model = ref.train_classifier(Xtr, ytr)  # all defaults, as the grader calls it
    elapsed = time.perf_counter() - t0
    pred = ref.predict(model, Xte)
    acc = float(np.mean(pred == yte))
    print(f"spiral seed {data_seed}: held-out accuracy {acc:.3f}, training time {elapsed:.2f} s")
    assert pred.shape == yte.shape and pred.dtype.kind == "i"
    assert acc >= 0.95
    assert elapsed < 30  # contract budget is 10 s on one core; generous for slow CI


def test_model_is_plain_arrays_deterministic_and_inputs_untouched():
    X, y = ref.make_spiral(60, 3, seed=7)
    X0, y0 = X.copy(), y.copy()
    m1 = ref.train_classifier(X, y, epochs=5, seed=3)
    m2 = ref.train_classifier(X, y, epochs=5, seed=3)
    m3 = ref.train_classifier(X, y, epochs=5, seed=4)
    assert isinstance(m1, dict) and all(isinstance(v, np.ndarray) for v in m1.values())
    assert m1.keys() == m2.keys()
    for key in m1:
        np.testing.assert_array_equal(m1[key], m2[key])
    assert any(not np.array_equal(m1[k], m3[k]) for k in m1)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)
    # the model survives a round trip through plain lists (as across the sandbox boundary)
    as_lists = {k: v.tolist() for k, v in m1.items()}
    np.testing.assert_array_equal(ref.predict(as_lists, X), ref.predict(m1, X))


def test_hyperparameters_are_used():
    X, y = ref.make_spiral(60, 3, seed=8)
    small = ref.train_classifier(X, y, hidden=7, epochs=2)
    assert small["W1"].shape == (2, 7)
    # lr = 0 (well, tiny) leaves the model essentially at its initialization
    a = ref.train_classifier(X, y, epochs=3, lr=1e-12, seed=1)
    b = ref.train_classifier(X, y, epochs=1, lr=1e-12, seed=1)
    np.testing.assert_allclose(a["W1"], b["W1"], atol=1e-9)


def test_more_than_three_classes_and_features():
    rng = np.random.default_rng(0)
    centers = rng.normal(scale=5, size=(5, 4))
    y = np.repeat(np.arange(5), 40)
    X = centers[y] + rng.normal(size=(200, 4))
    model = ref.train_classifier(X, y, epochs=50)
    assert np.mean(ref.predict(model, X) == y) > 0.95


@pytest.mark.parametrize("call", [
    lambda: ref.train_classifier(np.ones((4, 2)), np.array([0, 1, 0])),
    lambda: ref.train_classifier(np.ones(4), np.array([0, 1, 0, 1])),
    lambda: ref.train_classifier(np.ones((4, 2)), np.array([0, 1, 0, -1])),
    lambda: ref.train_classifier(np.ones((4, 2)), np.array([0, 1, 0, 1]), hidden=0),
    lambda: ref.train_classifier(np.ones((4, 2)), np.array([0, 1, 0, 1]), lr=-1.0),
    lambda: ref.predict({"W1": np.ones((2, 2))}, np.ones((3, 2))),
])
def test_invalid_arguments_raise_russian_valueerror(call):
    with pytest.raises(ValueError) as exc:
        call()
    assert CYRILLIC.search(str(exc.value))
