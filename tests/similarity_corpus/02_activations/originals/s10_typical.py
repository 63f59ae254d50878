import numpy as np


def _arr(x):
    return np.array(x, dtype=np.float64)


def relu(x):
    x = _arr(x)
    return x * (x > 0)


def relu_grad(x):
    x = _arr(x)
    return np.where(x > 0, 1.0, 0.0)


def leaky_relu(x, alpha=0.01):
    x = _arr(x)
    return np.where(x > 0, x, x * alpha)


def leaky_relu_grad(x, alpha=0.01):
    x = _arr(x)
    g = np.ones_like(x)
    g[x <= 0] = alpha
    return g


def sigmoid(x):
    x = _arr(x)
    return np.exp(-np.logaddexp(0.0, -x))


def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x):
    t = np.tanh(_arr(x))
    return 1.0 - t ** 2


def softmax(z, axis=-1):
    z = _arr(z)
    if z.ndim < 1:
        raise ValueError("нужен хотя бы вектор")
    m = np.max(z, axis=axis, keepdims=True)
    e = np.exp(z - m)
    return e / e.sum(axis=axis, keepdims=True)


def softmax_jacobian(z):
    z = _arr(z)
    if z.ndim != 1:
        raise ValueError("z — не вектор")
    s = softmax(z)
    return np.diag(s) - s[:, None] @ s[None, :]
