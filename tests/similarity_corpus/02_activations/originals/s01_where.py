"""Активации: решение через np.where и вспомогательную функцию приведения типов."""
import numpy as np


def _to_array(value):
    arr = np.asarray(value, dtype=np.float64)
    return arr


def _back(arr):
    if arr.ndim == 0:
        return float(arr)
    return arr


def relu(x):
    x = _to_array(x)
    return _back(np.where(x > 0, x, 0.0))


def relu_grad(x):
    x = _to_array(x)
    return _back(np.where(x > 0, 1.0, 0.0))


def leaky_relu(x, alpha=0.01):
    x = _to_array(x)
    return _back(np.where(x > 0, x, x * alpha))


def leaky_relu_grad(x, alpha=0.01):
    x = _to_array(x)
    grad = np.where(x > 0, 1.0, alpha)
    return _back(grad.astype(np.float64))


def sigmoid(x):
    x = _to_array(x)
    positive = x >= 0
    z = np.exp(-np.abs(x))
    top = np.where(positive, 1.0, z)
    return _back(top / (1.0 + z))


def sigmoid_grad(x):
    s = _to_array(sigmoid(x))
    return _back(s * (1 - s))


def tanh_grad(x):
    x = _to_array(x)
    return _back(1.0 - np.tanh(x) ** 2)


def softmax(z, axis=-1):
    z = _to_array(z)
    if z.ndim == 0:
        raise ValueError("softmax нужен массив, а не число")
    shifted = z - z.max(axis=axis, keepdims=True)
    exps = np.exp(shifted)
    total = exps.sum(axis=axis, keepdims=True)
    return exps / total


def softmax_jacobian(z):
    z = _to_array(z)
    if z.ndim != 1:
        raise ValueError("ожидается вектор формы (k,)")
    s = softmax(z)
    jac = -np.outer(s, s)
    jac[np.diag_indices_from(jac)] += s
    return jac
