"""Assignments 01–04: correct implementations other than the reference score 100, and typical
mistakes written independently of mutants.py get the hint that names them (or none, never a wrong one).

Each alternative is written from the statement alone, in a different style from solutions/
(other formulas, other NumPy calls, loops): the hidden tests must grade the behaviour the README
promises, not the reference's way of computing it.
"""
from pathlib import Path

import pytest

from grader.course import load_course
from grader.grading.batch import load_hints
from grader.harness.runner import run_tests

ROOT = Path(__file__).resolve().parents[1]
COURSE = load_course(ROOT)

NEURON = '''
import numpy as np

def _pair(x, w, b):
    x = np.array(x, dtype=float)
    w = np.array(w, dtype=float)
    if np.ndim(b) != 0 or w.ndim != 1 or x.ndim not in (1, 2) or x.shape[-1] != w.size:
        raise ValueError("несовместимые формы x и w")
    return x, w, float(b)

def weighted_sum(x, w, b):
    x, w, b = _pair(x, w, b)
    if x.ndim == 1:
        total = b
        for xi, wi in zip(x, w):
            total += xi * wi
        return float(total)
    return np.einsum("mn,n->m", x, w) + b

_ACT = {
    "identity": lambda z: z,
    "step": lambda z: np.heaviside(z, 1.0),
    "sigmoid": lambda z: 0.5 * (1.0 + np.tanh(0.5 * z)),
    "relu": lambda z: z * (z > 0),
    "tanh": np.tanh,
}

def neuron(x, w, b, activation="sigmoid"):
    if activation not in _ACT:
        raise ValueError(f"неизвестная активация {activation}")
    z = weighted_sum(x, w, b)
    y = _ACT[activation](np.asarray(z, dtype=float))
    return float(y) if np.ndim(z) == 0 else y

def dense_forward(X, W, b):
    X, W, b = (np.array(a, dtype=float) for a in (X, W, b))
    if X.ndim != 2 or W.ndim != 2 or b.shape != (W.shape[1],) or X.shape[1] != W.shape[0]:
        raise ValueError("несовместимые формы X, W, b")
    return np.dot(X, W) + b[np.newaxis, :]

def gate_weights(gate):
    table = {"and": ([2.0, 2.0], -3.0), "or": ([3.0, 3.0], -1.0), "nand": ([-1.0, -1.0], 1.9),
             "not_x1": ([-5.0, 0.0], 2.0)}
    if gate == "xor":
        raise ValueError("XOR не является линейно разделимой функцией: одного нейрона мало")
    if gate not in table:
        raise ValueError("неизвестный вентиль")
    w, b = table[gate]
    return np.array(w), b
'''

ACTIVATIONS = '''
import numpy as np

def relu(x):
    x = np.asarray(x, dtype=float)
    return x * (x > 0)

def relu_grad(x):
    return np.heaviside(np.asarray(x, dtype=float), 0.0)

def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.maximum(alpha * x, x)

def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    g = np.full(x.shape, float(alpha))
    g[x > 0] = 1.0
    return g[()]

def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))

def sigmoid_grad(x):
    # 1 / (4 cosh²(x/2)): overflows to inf for |x| ~ 1e4 (a warning) but the value 0 is right.
    with np.errstate(over="ignore"):
        return 0.25 / np.cosh(0.5 * np.asarray(x, dtype=float)) ** 2

def tanh_grad(x):
    with np.errstate(over="ignore"):
        return 1.0 / np.cosh(np.asarray(x, dtype=float)) ** 2

def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    m = z.max(axis=axis, keepdims=True)
    log_norm = m + np.log(np.exp(z - m).sum(axis=axis, keepdims=True))
    return np.exp(z - log_norm)

def softmax_jacobian(z):
    z = np.asarray(z, dtype=float)
    if z.ndim != 1:
        raise ValueError("нужен вектор")
    s = softmax(z)
    return np.einsum("i,ij->ij", s, np.eye(z.size)) - np.einsum("i,j->ij", s, s)
'''

LOSSES = '''
import numpy as np

def _same(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError("формы не совпадают")
    return a, b

def mse(y_true, y_pred):
    y, p = _same(y_true, y_pred)
    return float(np.square(p - y).sum() / p.size)

def mse_grad(y_true, y_pred):
    y, p = _same(y_true, y_pred)
    return (p - y) * (2.0 / p.size)

def binary_cross_entropy(y_true, p, eps=1e-12):
    y, p = _same(y_true, p)
    p = np.minimum(np.maximum(p, eps), 1 - eps)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())

def binary_cross_entropy_grad(y_true, p, eps=1e-12):
    y, p = _same(y_true, p)
    p = np.clip(p, eps, 1 - eps)
    return (p - y) / (p * (1 - p)) / p.size

def bce_with_logits(y_true, z):
    y, z = _same(y_true, z)
    return float(np.mean(np.logaddexp(0.0, z) - y * z))

def bce_with_logits_grad(y_true, z):
    y, z = _same(y_true, z)
    s = np.empty_like(z)
    pos = z >= 0
    s[pos] = 1 / (1 + np.exp(-z[pos]))
    s[~pos] = np.exp(z[~pos]) / (1 + np.exp(z[~pos]))
    return (s - y) / z.size

def _labels(y, m, k):
    y = np.asarray(y)
    if y.shape != (m,) or np.any(y != np.round(y)) or np.any(y < 0) or np.any(y >= k):
        raise ValueError("метки должны быть целыми от 0 до k-1")
    return y.astype(int)

def categorical_cross_entropy(y_true, p, eps=1e-12):
    p = np.asarray(p, dtype=float)
    if p.ndim != 2:
        raise ValueError("p должен быть матрицей")
    m, k = p.shape
    y = np.asarray(y_true)
    onehot = np.eye(k)[_labels(y, m, k)] if y.ndim == 1 else _same(y, p)[0]
    return float(-np.sum(onehot * np.log(np.clip(p, eps, None))) / m)

def softmax_cross_entropy(logits, y):
    z = np.asarray(logits, dtype=float)
    m, k = z.shape
    y = _labels(y, m, k)
    top = z.max(axis=1)
    lse = top + np.log(np.exp(z - top[:, None]).sum(axis=1))
    loss = float(np.mean(lse - z[np.arange(m), y]))
    probs = np.exp(z - lse[:, None])
    return loss, (probs - np.eye(k)[y]) / m
'''

BACKPROP = '''
import numpy as np

def dense_backward(dZ, X, W):
    dZ, X, W = (np.asarray(a, dtype=float) for a in (dZ, X, W))
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or dZ.shape != (X.shape[0], W.shape[1]):
        raise ValueError("несовместимые формы")
    return np.einsum("mo,io->mi", dZ, W), np.einsum("mi,mo->io", X, dZ), np.einsum("mo->o", dZ)

def _pair(dA, Z):
    dA, Z = np.asarray(dA, dtype=float), np.asarray(Z, dtype=float)
    if dA.shape != Z.shape:
        raise ValueError("формы dA и Z должны совпадать")
    return dA, Z

def relu_backward(dA, Z):
    dA, Z = _pair(dA, Z)
    return np.where(Z > 0, dA, 0.0)

def sigmoid_backward(dA, Z):
    dA, Z = _pair(dA, Z)
    s = 0.5 * (1 + np.tanh(Z / 2))
    return dA * s * (1 - s)

def numerical_gradient(f, x, h=1e-5):
    work = np.array(x, dtype=float, copy=True)
    grad = np.empty_like(work)
    flat, out = work.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        up = f(work)
        flat[i] = keep - h
        down = f(work)
        flat[i] = keep
        out[i] = (up - down) / (2 * h)
    return grad

def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float((np.abs(a - b) / np.clip(np.abs(a) + np.abs(b), 1e-8, None)).max())

def mlp_loss_and_grads(params, X, y):
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    m, k = X.shape[0], W2.shape[1]
    if y.shape != (m,) or y.min() < 0 or y.max() >= k:
        raise ValueError("метки вне диапазона 0 … k-1")
    H = X @ W1 + b1
    A = np.maximum(H, 0)
    Z = A @ W2 + b2
    M = Z.max(axis=1, keepdims=True)
    log_probs = Z - M - np.log(np.exp(Z - M).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(m), y].sum() / m
    dZ = np.exp(log_probs)
    dZ[np.arange(m), y] -= 1
    dZ /= m
    dH = (dZ @ W2.T) * (H > 0)
    return float(loss), {"W2": A.T @ dZ, "b2": dZ.sum(0), "W1": X.T @ dH, "b1": dH.sum(0)}
'''

ALTERNATIVES = {"01": NEURON, "02": ACTIVATIONS, "03": LOSSES, "04": BACKPROP}


def _grade(assignment_id: str, text: str, tmp_path: Path, hints: bool = False):
    assignment = COURSE.course.assignment(assignment_id)
    path = tmp_path / f"{assignment.module}.py"
    path.write_text(text, encoding="utf-8")
    return run_tests(COURSE.hidden_tests(assignment), submission=path,
                     hints=load_hints(COURSE, assignment) if hints else None)


@pytest.mark.parametrize("assignment_id", sorted(ALTERNATIVES))
def test_alternative_correct_implementation_scores_100(assignment_id, tmp_path):
    results = _grade(assignment_id, ALTERNATIVES[assignment_id], tmp_path)
    failed = [f"{r.test_id}: {r.message}" for r in results if not r.passed]
    assert not failed, failed
    assert sum(r.points for r in results) == pytest.approx(100.0)


MISTAKES = {
    # softmax normalised over the batch axis whatever `axis` says
    ("02", "softmax:softmax_over_columns"): ACTIVATIONS.replace(
        "    m = z.max(axis=axis, keepdims=True)\n    log_norm = m + np.log(np.exp(z - m).sum(axis=axis, keepdims=True))",
        "    m = z.max(axis=0, keepdims=True)\n    log_norm = m + np.log(np.exp(z - m).sum(axis=0, keepdims=True))"),
    # naive tanh in neuron: the formula from the README written literally
    ("01", "neuron:neuron_tanh_manual"): NEURON.replace(
        '"tanh": np.tanh,', '"tanh": lambda z: (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)),'),
    # no label range check: label k ends in an IndexError, −1 silently means the last class
    ("04", "mlp_loss_and_grads:mlp_no_label_check"): BACKPROP.replace(
        '    if y.shape != (m,) or y.min() < 0 or y.max() >= k:\n        raise ValueError("метки вне диапазона 0 … k-1")\n', ""),
    # log of the stable softmax plus a small constant
    ("04", "mlp_loss_and_grads:mlp_log_softmax_plus_eps"): BACKPROP.replace(
        "    loss = -log_probs[np.arange(m), y].sum() / m",
        "    loss = -np.log(np.exp(log_probs[np.arange(m), y]) + 1e-12).sum() / m"),
    # step with a strict comparison: step(0) = 0
    ("01", "neuron:neuron_step_strict"): NEURON.replace(
        '"step": lambda z: np.heaviside(z, 1.0),', '"step": lambda z: (z > 0).astype(float),'),
    # the precedence slip (1 - tanh x)² instead of 1 - tanh² x
    ("02", "tanh_grad:tanh_grad_square_of_difference"): ACTIVATIONS.replace(
        "        return 1.0 / np.cosh(np.asarray(x, dtype=float)) ** 2",
        "        return (1 - np.tanh(np.asarray(x, dtype=float))) ** 2"),
    # a sum instead of a mean
    ("03", "mse:mse_sum"): LOSSES.replace(
        "    return float(np.square(p - y).sum() / p.size)", "    return float(np.square(p - y).sum())"),
    # the gradient zeroed in the caller's dA
    ("04", "relu_backward:relu_backward_in_place"): BACKPROP.replace(
        "    return np.where(Z > 0, dA, 0.0)", "    dA[Z <= 0] = 0.0\n    return dA"),
    # BCE gradient with respect to the logit instead of p
    ("03", "binary_cross_entropy_grad:bce_grad_wrt_logits"): LOSSES.replace(
        "    return (p - y) / (p * (1 - p)) / p.size", "    return (p - y) / p.size"),
}


@pytest.mark.parametrize("key", sorted(MISTAKES), ids=lambda k: k[1])
def test_independent_typical_mistake_gets_its_own_hint_only(key, tmp_path):
    assignment_id, mutant_id = key
    text = MISTAKES[key]
    assert text != ALTERNATIVES[assignment_id], "the replacement did not apply"
    results = _grade(assignment_id, text, tmp_path, hints=True)
    failed = [r for r in results if not r.passed]
    assert failed and sum(r.points for r in results) < 100
    shown = {m for r in failed for m in (r.mutant_id or "").split(",") if m}
    assert shown == {mutant_id}, shown
