"""Reference solution for 02_activations (Функции активации).

Elementwise functions accept Python scalars or arrays of any shape and return the same shape
(a scalar in gives a np.float64 out). Nothing here computes exp of a positive number, so
|x| up to 1e4 (and beyond) never overflows.
"""
import numpy as np


def _as_float_array(x, name="x"):
    try:
        return np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"Аргумент {name} должен быть числом или числовым массивом") from None


def _out(a):
    # a[()] turns a 0-d array into np.float64 and leaves n-d arrays as they are.
    return a[()]


def relu(x):
    """ReLU: relu(x) = max(0, x)."""
    x = _as_float_array(x)
    return _out(np.maximum(x, 0.0))


def relu_grad(x):
    """Derivative of ReLU: 1 for x > 0, 0 for x <= 0 (0 at the kink x = 0 by convention)."""
    x = _as_float_array(x)
    return _out((x > 0).astype(np.float64))


def leaky_relu(x, alpha=0.01):
    """Leaky ReLU: x for x > 0, alpha * x otherwise (= max(alpha*x, x) for 0 <= alpha <= 1)."""
    x = _as_float_array(x)
    return _out(np.where(x > 0, x, alpha * x))


def leaky_relu_grad(x, alpha=0.01):
    """Derivative of leaky ReLU: 1 for x > 0, alpha otherwise (alpha at x = 0)."""
    x = _as_float_array(x)
    return _out(np.where(x > 0, 1.0, float(alpha)))


def sigmoid(x):
    """Logistic sigmoid: s(x) = 1 / (1 + exp(-x)), computed stably.

    With e = exp(-|x|) <= 1:  s(x) = 1/(1+e) for x >= 0 and e/(1+e) for x < 0.
    Exact limits: sigmoid(1e4) == 1.0, sigmoid(-1e4) == 0.0, no overflow warning.
    """
    x = _as_float_array(x)
    e = np.exp(-np.abs(x))
    return _out(np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def sigmoid_grad(x):
    """Derivative of the sigmoid: s'(x) = s(x) * (1 - s(x))."""
    s = np.asarray(sigmoid(x))
    return _out(s * (1.0 - s))


def tanh_grad(x):
    """Derivative of tanh: 1 - tanh(x)^2."""
    t = np.tanh(_as_float_array(x))
    return _out(1.0 - t * t)


def softmax(z, axis=-1):
    """Softmax along `axis`: s_i = exp(z_i - max z) / sum_j exp(z_j - max z).

    Subtracting the max (softmax is shift-invariant) keeps every exponent <= 0: stable for
    any finite z. Works for 1-D, 2-D and n-D input; the result sums to 1 along `axis`.
    """
    z = _as_float_array(z, "z")
    if z.ndim == 0:
        raise ValueError("softmax ожидает массив хотя бы из одного измерения (вектор или матрицу), получено число")
    if not isinstance(axis, (int, np.integer)) or not -z.ndim <= axis < z.ndim:
        raise ValueError(f"Недопустимая ось axis={axis!r} для массива формы {z.shape}: допустимы целые от {-z.ndim} до {z.ndim - 1}")
    if z.shape[axis] == 0:
        raise ValueError(f"softmax: вдоль оси axis={axis} нет ни одного элемента (форма {z.shape})")
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def softmax_jacobian(z):
    """Jacobian of softmax for a vector z of shape (k,): J = diag(s) - s s^T, J[i, j] = ds_i/dz_j."""
    z = _as_float_array(z, "z")
    if z.ndim != 1:
        raise ValueError(f"softmax_jacobian ожидает вектор z формы (k,), получена форма {z.shape}")
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


# ---- typical mistake softmax:softmax_ignores_axis

import types as _types
ref = _types.SimpleNamespace(**{k: v for k, v in dict(globals()).items() if callable(v)})

import numpy as np

def _f(x):
    return np.asarray(x, dtype=np.float64)

def softmax(z, axis=-1):
    return ref.softmax(z, axis=-1)
