"""Compare the reference library (solutions/) with golden values computed by PyTorch.

The values live in tests/golden/golden.npz and were produced once by
tests/golden/make_golden.py (see its docstring for the convention differences
between torch and COURSE_API.md and how they are bridged). Torch is NOT imported
here: the tests need NumPy only.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "golden.npz"

if importlib.util.find_spec("solutions") is None:  # e.g. plain `pytest` with importlib mode
    sys.path.insert(0, str(ROOT))

# Default tolerances: both sides are float64 and follow the same formulas up to
# rounding order, so agreement is expected to ~1e-15 relative.
RTOL = 1e-10
ATOL = 1e-12


@pytest.fixture(scope="module")
def g():
    with np.load(GOLDEN, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def _module(name):
    return importlib.import_module(f"solutions.{name}")


@pytest.fixture(scope="module")
def activations():
    return _module("activations")


@pytest.fixture(scope="module")
def losses():
    return _module("losses")


@pytest.fixture(scope="module")
def optimizers():
    return _module("optimizers")


@pytest.fixture(scope="module")
def normalization():
    return _module("normalization")


def close(got, expected, what, rtol=RTOL, atol=ATOL):
    got = np.asarray(got, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    assert got.shape == expected.shape, f"{what}: shape {got.shape}, expected {expected.shape}"
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=atol, err_msg=what)


def no_warnings(fn, *args, **kwargs):
    """Call fn turning RuntimeWarnings (overflow, invalid value) into errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        return fn(*args, **kwargs)


def is_float(x):
    return isinstance(x, float) and not isinstance(x, bool)


# ---------------------------------------------------------------- activations

@pytest.mark.parametrize("case", ["softmax_1d", "softmax_1d_large"])
def test_softmax_1d(g, activations, case):
    x = g[f"{case}_x"]
    close(no_warnings(activations.softmax, x), g[f"{case}_out"], f"softmax({case})")
    close(no_warnings(activations.softmax, x, axis=-1), g[f"{case}_out"], f"softmax({case}, axis=-1)")


def test_softmax_2d_last_axis(g, activations):
    x = g["softmax_2d_x"]
    close(no_warnings(activations.softmax, x), g["softmax_2d_axis_last_out"], "softmax(2d)")
    close(no_warnings(activations.softmax, x, axis=-1), g["softmax_2d_axis_last_out"],
          "softmax(2d, axis=-1)")
    close(no_warnings(activations.softmax, x, axis=1), g["softmax_2d_axis_last_out"],
          "softmax(2d, axis=1)")


def test_softmax_2d_axis0(g, activations):
    x = g["softmax_2d_x"]
    close(no_warnings(activations.softmax, x, axis=0), g["softmax_2d_axis0_out"], "softmax(2d, axis=0)")


def test_softmax_does_not_modify_input(g, activations):
    x = g["softmax_2d_x"].copy()
    activations.softmax(x, axis=0)
    activations.softmax(x)
    np.testing.assert_array_equal(x, g["softmax_2d_x"])


def test_sigmoid(g, activations):
    # torch flushes sigmoid(-710) to 0.0 whereas the exact value is ~4.5e-309 (subnormal);
    # ATOL absorbs this harmless difference.
    close(no_warnings(activations.sigmoid, g["sigmoid_x"]), g["sigmoid_out"], "sigmoid")


def test_sigmoid_grad(g, activations):
    close(no_warnings(activations.sigmoid_grad, g["sigmoid_x"]), g["sigmoid_grad_out"], "sigmoid_grad")


# ---------------------------------------------------------------------- losses

def test_binary_cross_entropy(g, losses):
    loss = losses.binary_cross_entropy(g["bce_y"], g["bce_p"])
    assert is_float(loss)
    close(loss, g["bce_loss"], "binary_cross_entropy")


def test_binary_cross_entropy_grad(g, losses):
    close(losses.binary_cross_entropy_grad(g["bce_y"], g["bce_p"]), g["bce_grad"],
          "binary_cross_entropy_grad")


def test_bce_with_logits(g, losses):
    loss = no_warnings(losses.bce_with_logits, g["bcel_y"], g["bcel_z"])
    assert is_float(loss)
    close(loss, g["bcel_loss"], "bce_with_logits")


def test_bce_with_logits_grad(g, losses):
    close(no_warnings(losses.bce_with_logits_grad, g["bcel_y"], g["bcel_z"]), g["bcel_grad"],
          "bce_with_logits_grad")


@pytest.mark.parametrize("labels_key", ["cce_labels", "cce_onehot"])
def test_categorical_cross_entropy(g, losses, labels_key):
    loss = losses.categorical_cross_entropy(g[labels_key], g["cce_p"])
    assert is_float(loss)
    close(loss, g["cce_loss"], f"categorical_cross_entropy({labels_key})")


@pytest.mark.parametrize("case", ["sce", "sce_large"])
def test_softmax_cross_entropy(g, losses, case):
    loss, dlogits = no_warnings(losses.softmax_cross_entropy, g[f"{case}_logits"], g[f"{case}_labels"])
    assert is_float(loss)
    close(loss, g[f"{case}_loss"], f"softmax_cross_entropy loss ({case})")
    close(dlogits, g[f"{case}_dlogits"], f"softmax_cross_entropy dlogits ({case})")


# ------------------------------------------------------------------ optimizers

def _quad_grad(g):
    a, b = g["opt_A"], g["opt_b"]
    return lambda w: a @ w - b  # same expression that fed torch's param.grad


def _momentum_hyper(g, i):
    lr, beta = g["momentum_hyper"][i]
    return {"lr": float(lr), "beta": float(beta)}


def _adam_hyper(g, i):
    lr, beta1, beta2, eps = g["adam_hyper"][i]
    return {"lr": float(lr), "beta1": float(beta1), "beta2": float(beta2), "eps": float(eps)}


def _step_loop(step, w0, grad_at, steps, hyper):
    w, state, traj = w0.copy(), None, [w0.copy()]
    for k in range(steps):
        dw = grad_at(k, w)
        w_before, dw_before = w.copy(), dw.copy()
        w, state = step(w, dw, state, **hyper)
        # COURSE_API: inputs are not modified in place
        np.testing.assert_array_equal(traj[-1], w_before)
        np.testing.assert_array_equal(dw, dw_before)
        traj.append(np.array(w, dtype=np.float64, copy=True))
    return np.stack(traj)


MOMENTUM_CASES = [0, 1, 2]
ADAM_CASES = [0, 1, 2, 3]


@pytest.mark.parametrize("i", MOMENTUM_CASES)
def test_minimize_momentum(g, optimizers, i):
    steps = int(g["opt_steps"])
    hyper = _momentum_hyper(g, i)
    w0 = g["opt_w0"].copy()
    traj = optimizers.minimize(_quad_grad(g), w0, method="momentum", steps=steps, **hyper)
    np.testing.assert_array_equal(w0, g["opt_w0"])
    close(traj, g[f"momentum_{i}_quad_traj"], f"minimize(momentum, {hyper})")


@pytest.mark.parametrize("i", ADAM_CASES)
def test_minimize_adam(g, optimizers, i):
    steps = int(g["opt_steps"])
    hyper = _adam_hyper(g, i)
    w0 = g["opt_w0"].copy()
    traj = optimizers.minimize(_quad_grad(g), w0, method="adam", steps=steps, **hyper)
    np.testing.assert_array_equal(w0, g["opt_w0"])
    close(traj, g[f"adam_{i}_quad_traj"], f"minimize(adam, {hyper})")


@pytest.mark.parametrize("kind", ["quad", "seq"])
@pytest.mark.parametrize("i", MOMENTUM_CASES)
def test_momentum_step_loop(g, optimizers, i, kind):
    steps = int(g["opt_steps"])
    hyper = _momentum_hyper(g, i)
    qg, seq = _quad_grad(g), g["opt_grad_seq"]
    grad_at = (lambda k, w: qg(w)) if kind == "quad" else (lambda k, w: seq[k].copy())
    traj = _step_loop(optimizers.momentum_step, g["opt_w0"], grad_at, steps, hyper)
    close(traj, g[f"momentum_{i}_{kind}_traj"], f"momentum_step loop ({kind}, {hyper})")


@pytest.mark.parametrize("kind", ["quad", "seq"])
@pytest.mark.parametrize("i", ADAM_CASES)
def test_adam_step_loop(g, optimizers, i, kind):
    steps = int(g["opt_steps"])
    hyper = _adam_hyper(g, i)
    qg, seq = _quad_grad(g), g["opt_grad_seq"]
    grad_at = (lambda k, w: qg(w)) if kind == "quad" else (lambda k, w: seq[k].copy())
    traj = _step_loop(optimizers.adam_step, g["opt_w0"], grad_at, steps, hyper)
    close(traj, g[f"adam_{i}_{kind}_traj"], f"adam_step loop ({kind}, {hyper})")


def test_minimize_default_hyper_matches_adam_case0(g, optimizers):
    # adam case 0 uses the contract defaults lr=1e-3, betas (0.9, 0.999), eps=1e-8
    assert _adam_hyper(g, 0) == {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    traj = optimizers.minimize(_quad_grad(g), g["opt_w0"].copy(), steps=int(g["opt_steps"]))
    close(traj, g["adam_0_quad_traj"], "minimize() with default method/hyperparameters")


# --------------------------------------------------------------- normalization

BN_CASES = ["bn", "bn2"]


@pytest.mark.parametrize("case", BN_CASES)
def test_batchnorm_train_and_eval(g, normalization, case):
    gamma, beta = g[f"{case}_gamma"], g[f"{case}_beta"]
    mom, eps = float(g[f"{case}_momentum"]), float(g[f"{case}_eps"])
    state = None
    for s in range(g[f"{case}_x"].shape[0]):
        x = g[f"{case}_x"][s].copy()
        out, cache, state = normalization.batchnorm_forward(
            x, gamma, beta, state=state, training=True, momentum=mom, eps=eps)
        close(out, g[f"{case}_out"][s], f"{case} step {s}: batchnorm_forward out")
        close(state["running_mean"], g[f"{case}_running_mean"][s], f"{case} step {s}: running_mean")
        close(state["running_var"], g[f"{case}_running_var"][s],
              f"{case} step {s}: running_var (biased-variance convention)")
        dx, dgamma, dbeta = normalization.batchnorm_backward(g[f"{case}_dout"][s].copy(), cache)
        close(dx, g[f"{case}_dx"][s], f"{case} step {s}: dx")
        close(dgamma, g[f"{case}_dgamma"][s], f"{case} step {s}: dgamma")
        close(dbeta, g[f"{case}_dbeta"][s], f"{case} step {s}: dbeta")
        np.testing.assert_array_equal(x, g[f"{case}_x"][s])

    out_eval, _, _ = normalization.batchnorm_forward(
        g[f"{case}_eval_x"], gamma, beta, state=state, training=False, momentum=mom, eps=eps)
    close(out_eval, g[f"{case}_eval_out"], f"{case}: eval-mode output")


@pytest.mark.parametrize("case", BN_CASES)
def test_batchnorm_eval_with_given_state(g, normalization, case):
    state = {"running_mean": g[f"{case}_running_mean"][-1].copy(),
             "running_var": g[f"{case}_running_var"][-1].copy()}
    out, _, state_after = normalization.batchnorm_forward(
        g[f"{case}_eval_x"], g[f"{case}_gamma"], g[f"{case}_beta"], state=state,
        training=False, eps=float(g[f"{case}_eps"]))
    close(out, g[f"{case}_eval_out"], f"{case}: eval-mode output with given running stats")
    # eval mode must not change the running statistics
    close(state_after["running_mean"], g[f"{case}_running_mean"][-1], f"{case}: eval running_mean")
    close(state_after["running_var"], g[f"{case}_running_var"][-1], f"{case}: eval running_var")


def test_batchnorm_first_step_default_momentum(g, normalization):
    # case "bn" uses the contract default momentum=0.9 and eps=1e-5
    assert float(g["bn_momentum"]) == 0.9 and float(g["bn_eps"]) == 1e-5
    _, _, state = normalization.batchnorm_forward(g["bn_x"][0], g["bn_gamma"], g["bn_beta"])
    close(state["running_mean"], g["bn_running_mean"][0], "bn default momentum: running_mean")
    close(state["running_var"], g["bn_running_var"][0], "bn default momentum: running_var")
