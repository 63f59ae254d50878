import numpy as np
import math


def _apply(func, x):
    # проходим по всем элементам по очереди
    arr = np.array(x, dtype=float)
    flat = arr.reshape(-1)
    result = np.empty_like(flat)
    for i in range(flat.size):
        result[i] = func(flat[i])
    result = result.reshape(arr.shape)
    if result.shape == ():
        return result[()]
    return result


def _sig_scalar(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    ev = math.exp(v)
    return ev / (1.0 + ev)


def relu(x):
    return _apply(lambda v: v if v > 0 else 0.0, x)


def relu_grad(x):
    return _apply(lambda v: 1.0 if v > 0 else 0.0, x)


def leaky_relu(x, alpha=0.01):
    return _apply(lambda v: v if v > 0 else alpha * v, x)


def leaky_relu_grad(x, alpha=0.01):
    return _apply(lambda v: 1.0 if v > 0 else alpha, x)


def sigmoid(x):
    return _apply(_sig_scalar, x)


def sigmoid_grad(x):
    def d(v):
        s = _sig_scalar(v)
        return s * (1.0 - s)
    return _apply(d, x)


def tanh_grad(x):
    return _apply(lambda v: 1.0 - math.tanh(v) ** 2, x)


def softmax(z, axis=-1):
    z = np.array(z, dtype=float)
    if z.ndim == 0:
        raise ValueError("нужен хотя бы вектор")
    moved = np.moveaxis(z, axis, -1)
    out = np.empty_like(moved)
    for idx in np.ndindex(moved.shape[:-1]):
        row = moved[idx]
        m = max(row)
        ex = [math.exp(v - m) for v in row]
        s = sum(ex)
        out[idx] = [e / s for e in ex]
    return np.moveaxis(out, -1, axis)


def softmax_jacobian(z):
    z = np.array(z, dtype=float)
    if len(z.shape) != 1:
        raise ValueError("z должен быть вектором")
    s = softmax(z)
    k = len(s)
    J = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            if i == j:
                J[i, j] = s[i] * (1 - s[i])
            else:
                J[i, j] = -s[i] * s[j]
    return J
