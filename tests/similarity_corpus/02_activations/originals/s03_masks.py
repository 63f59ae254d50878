import numpy as np


def relu(x):
    a = np.array(x, dtype=np.float64, copy=True)
    a[a < 0] = 0.0
    return a[()] if a.ndim == 0 else a


def relu_grad(x):
    a = np.array(x, dtype=np.float64)
    g = np.zeros_like(a)
    g[a > 0] = 1.0
    return g[()] if g.ndim == 0 else g


def leaky_relu(x, alpha=0.01):
    a = np.array(x, dtype=np.float64, copy=True)
    neg = a <= 0
    a[neg] = a[neg] * alpha
    return a[()] if a.ndim == 0 else a


def leaky_relu_grad(x, alpha=0.01):
    a = np.array(x, dtype=np.float64)
    g = np.ones_like(a)
    g[a <= 0] = alpha
    return g[()] if g.ndim == 0 else g


def sigmoid(x):
    a = np.array(x, dtype=np.float64)
    out = np.empty_like(a)
    pos = a >= 0
    neg = ~pos
    out[pos] = 1.0 / (1.0 + np.exp(-a[pos]))
    e = np.exp(a[neg])
    out[neg] = e / (1.0 + e)
    return out[()] if out.ndim == 0 else out


def sigmoid_grad(x):
    s = np.asarray(sigmoid(x))
    g = s - s * s
    return g[()] if g.ndim == 0 else g


def tanh_grad(x):
    th = np.tanh(np.array(x, dtype=np.float64))
    g = 1.0 - th * th
    return g[()] if g.ndim == 0 else g


def softmax(z, axis=-1):
    a = np.array(z, dtype=np.float64)
    if a.ndim < 1:
        raise ValueError("softmax: на вход нужен массив")
    a = a - np.amax(a, axis=axis, keepdims=True)
    np.exp(a, out=a)
    a /= np.sum(a, axis=axis, keepdims=True)
    return a


def softmax_jacobian(z):
    a = np.array(z, dtype=np.float64)
    if a.ndim != 1:
        raise ValueError("softmax_jacobian: нужен одномерный массив")
    p = softmax(a)
    return np.diagflat(p) - p[:, None] * p[None, :]
