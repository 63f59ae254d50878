"""Reference solution for 04_backprop (Обратное распространение, цепное правило).

Self-contained: the stable sigmoid and softmax cross-entropy are re-implemented here.
"""
import numpy as np


def _as_float_array(a, name):
    try:
        return np.asarray(a, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def dense_backward(dZ, X, W):
    """Backward pass of Z = X @ W + b.

    dX = dZ @ W^T (m, n_in);  dW = X^T @ dZ (n_in, n_out);  db = sum_i dZ_i (n_out,).
    """
    dZ = _as_float_array(dZ, "dZ")
    X = _as_float_array(X, "X")
    W = _as_float_array(W, "W")
    if dZ.ndim != 2 or X.ndim != 2 or W.ndim != 2:
        raise ValueError(
            f"Ожидаются dZ формы (m, n_out), X формы (m, n_in), W формы (n_in, n_out); "
            f"получены dZ {dZ.shape}, X {X.shape}, W {W.shape}"
        )
    if X.shape[1] != W.shape[0] or dZ.shape != (X.shape[0], W.shape[1]):
        raise ValueError(
            f"Несовместимые формы: dZ {dZ.shape}, X {X.shape}, W {W.shape} — "
            f"нужно X (m, n_in), W (n_in, n_out), dZ (m, n_out)"
        )
    return dZ @ W.T, X.T @ dZ, dZ.sum(axis=0)


def _same_shape(dA, Z):
    dA = _as_float_array(dA, "dA")
    Z = _as_float_array(Z, "Z")
    if dA.shape != Z.shape:
        raise ValueError(f"Несовместимые формы: dA {dA.shape} и Z {Z.shape} — формы должны совпадать")
    return dA, Z


def relu_backward(dA, Z):
    """Backward pass of A = relu(Z): dZ = dA * 1[Z > 0]."""
    dA, Z = _same_shape(dA, Z)
    return dA * (Z > 0)


def sigmoid_backward(dA, Z):
    """Backward pass of A = sigmoid(Z): dZ = dA * s(Z) * (1 - s(Z))."""
    dA, Z = _same_shape(dA, Z)
    s = _sigmoid(Z)
    return dA * s * (1.0 - s)


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient: g_i = (f(x + h e_i) - f(x - h e_i)) / (2h).

    f maps an array shaped like x to a float. Only a private copy of x is perturbed (and each
    entry is restored before moving on), so the caller's x is never modified.
    """
    if not callable(f):
        raise ValueError("f должна быть функцией, принимающей массив и возвращающей число")
    if not h > 0:
        raise ValueError(f"Шаг h должен быть положительным, получено {h!r}")
    xp = np.array(x, dtype=np.float64)  # always a copy
    grad = np.zeros_like(xp)
    for idx in np.ndindex(xp.shape):
        old = xp[idx]
        xp[idx] = old + h
        f_plus = float(f(xp))
        xp[idx] = old - h
        f_minus = float(f(xp))
        xp[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


def relative_error(a, b):
    """Max elementwise relative error: max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|) (a float)."""
    a = _as_float_array(a, "a")
    b = _as_float_array(b, "b")
    try:
        np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(f"Несовместимые формы: a {a.shape} и b {b.shape}") from None
    err = np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))
    return float(np.max(err)) if err.size else 0.0


def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a 2-layer net with softmax cross-entropy.

    Forward:  Z1 = X W1 + b1,  A1 = relu(Z1),  Z2 = A1 W2 + b2,
              L = -(1/m) * sum_i log softmax(Z2_i)[y_i].
    Backward: dZ2 = (softmax(Z2) - onehot(y)) / m,  dW2 = A1^T dZ2,  db2 = sum dZ2,
              dA1 = dZ2 W2^T,  dZ1 = dA1 * 1[Z1 > 0],  dW1 = X^T dZ1,  db1 = sum dZ1.
    Returns (loss: float, grads: dict with W1, b1, W2, b2).
    """
    missing = [key for key in ("W1", "b1", "W2", "b2") if key not in params]
    if missing:
        raise ValueError(f"В params не хватает ключей: {', '.join(missing)}; нужны W1, b1, W2, b2")
    W1, b1, W2, b2 = (_as_float_array(params[k], k) for k in ("W1", "b1", "W2", "b2"))
    X = _as_float_array(X, "X")
    if X.ndim != 2 or W1.ndim != 2 or W2.ndim != 2 or b1.ndim != 1 or b2.ndim != 1:
        raise ValueError(
            f"Ожидаются X (m, n), W1 (n, h), b1 (h,), W2 (h, k), b2 (k,); получены X {X.shape}, "
            f"W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape}"
        )
    if not (X.shape[1] == W1.shape[0] and b1.shape[0] == W1.shape[1] == W2.shape[0] and b2.shape[0] == W2.shape[1]):
        raise ValueError(
            f"Несовместимые формы: X {X.shape}, W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape} — "
            f"нужно X (m, n), W1 (n, h), b1 (h,), W2 (h, k), b2 (k,)"
        )
    m, k = X.shape[0], W2.shape[1]
    if m == 0:
        raise ValueError("X не содержит ни одного примера")
    y = np.asarray(y)
    if y.shape != (m,) or (y.dtype.kind not in "iu" and not (y.dtype.kind == "f" and np.all(y == np.round(y)))):
        raise ValueError(f"y должен быть массивом целых меток формы ({m},), получена форма {y.shape}")
    y = y.astype(np.int64)
    if y.min() < 0 or y.max() >= k:
        raise ValueError(f"Метки y должны лежать в диапазоне от 0 до {k - 1}")

    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(m)
    loss = float(-np.mean(logp[rows, y]))

    dZ2 = np.exp(logp)
    dZ2[rows, y] -= 1.0
    dZ2 /= m
    dA1 = dZ2 @ W2.T
    dZ1 = dA1 * (Z1 > 0)
    grads = {"W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(axis=0)}
    return loss, grads


# ---- typical mistake dense_backward:dense_backward_db_not_summed

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if callable(v)})

import numpy as np

def _f(a):
    return np.asarray(a, dtype=np.float64)

def _mlp_forward(params, X, y):
    W1, b1, W2, b2 = (_f(params[k]) for k in ("W1", "b1", "W2", "b2"))
    X = _f(X)
    y = np.asarray(y).astype(np.int64)
    m = X.shape[0]
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    Z2 = A1 @ W2 + b2
    shifted = Z2 - Z2.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(m)
    dZ2 = np.exp(logp)
    dZ2[rows, y] -= 1.0
    return W1, W2, X, y, m, Z1, A1, Z2, logp, rows, dZ2

def dense_backward(dZ, X, W):
    dX, dW, _ = ref.dense_backward(dZ, X, W)
    return dX, dW, _f(dZ).copy()
