"""Сигмоида через tanh, softmax через logsumexp."""
import numpy as np

HALF = 0.5


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0)[()]


def relu_grad(x):
    return np.heaviside(np.asarray(x, dtype=float), 0.0)[()]


def leaky_relu(x, alpha=0.01):
    v = np.asarray(x, dtype=float)
    return (np.maximum(v, 0) + alpha * np.minimum(v, 0))[()]


def leaky_relu_grad(x, alpha=0.01):
    v = np.asarray(x, dtype=float)
    step = np.heaviside(v, 0.0)
    return (step + alpha * (1.0 - step))[()]


def sigmoid(x):
    # σ(x) = (1 + tanh(x/2)) / 2 — tanh не переполняется
    v = np.asarray(x, dtype=float)
    return (HALF * (1.0 + np.tanh(HALF * v)))[()]


def sigmoid_grad(x):
    t = np.tanh(HALF * np.asarray(x, dtype=float))
    return (0.25 * (1.0 - t ** 2))[()]


def tanh_grad(x):
    return (1.0 / np.cosh(np.asarray(x, dtype=float)) ** 2)[()]


def _logsumexp(v, axis):
    m = np.max(v, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(v - m), axis=axis, keepdims=True))


def softmax(z, axis=-1):
    v = np.asarray(z, dtype=float)
    if v.ndim == 0:
        raise ValueError("softmax определена для массивов")
    return np.exp(v - _logsumexp(v, axis))


def softmax_jacobian(z):
    v = np.asarray(z, dtype=float)
    if v.ndim != 1:
        raise ValueError(f"нужен вектор, а пришла форма {v.shape}")
    s = softmax(v)
    eye = np.eye(s.size)
    return s[:, np.newaxis] * (eye - s[np.newaxis, :])
