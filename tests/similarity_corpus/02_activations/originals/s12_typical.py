"""Функции активации (моё решение)."""
import numpy as np


def to_float(x):
    """Приводит вход к массиву float64, не меняя исходный."""
    return np.array(x, dtype=np.float64, copy=True)


def relu(x):
    a = to_float(x)
    a[a < 0] = 0
    return a


def relu_grad(x):
    a = to_float(x)
    return (a > 0) * 1.0


def leaky_relu(x, alpha=0.01):
    a = to_float(x)
    return np.where(a > 0, a, alpha * a)


def leaky_relu_grad(x, alpha=0.01):
    a = to_float(x)
    d = np.full_like(a, alpha)
    d[a > 0] = 1.0
    return d


def sigmoid(x):
    a = to_float(x)
    res = np.empty_like(a)
    m = a >= 0
    res[m] = 1.0 / (1.0 + np.exp(-a[m]))
    t = np.exp(a[~m])
    res[~m] = t / (1.0 + t)
    return res


def sigmoid_grad(x):
    sg = sigmoid(x)
    return sg * (1.0 - sg)


def tanh_grad(x):
    return 1.0 - np.tanh(to_float(x)) ** 2


def softmax(z, axis=-1):
    a = to_float(z)
    if a.ndim == 0:
        raise ValueError("z должен быть массивом")
    a -= a.max(axis=axis, keepdims=True)
    np.exp(a, out=a)
    return a / a.sum(axis=axis, keepdims=True)


def softmax_jacobian(z):
    a = to_float(z)
    if a.ndim != 1:
        raise ValueError("z должен быть вектором")
    s = softmax(a)
    return np.diagflat(s) - np.outer(s, s)
