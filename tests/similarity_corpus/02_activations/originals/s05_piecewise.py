import numpy as np


def _f64(x):
    return np.asarray(x, dtype=np.float64)


def _ret(y):
    return y.item() if np.ndim(y) == 0 else y


def relu(x):
    x = _f64(x)
    return _ret(np.piecewise(x, [x > 0], [lambda t: t, 0.0]))


def relu_grad(x):
    x = _f64(x)
    return _ret(np.piecewise(x, [x > 0], [1.0, 0.0]))


def leaky_relu(x, alpha=0.01):
    x = _f64(x)
    return _ret(np.piecewise(x, [x > 0, x <= 0], [lambda t: t, lambda t: alpha * t]))


def leaky_relu_grad(x, alpha=0.01):
    x = _f64(x)
    return _ret(np.piecewise(x, [x > 0, x <= 0], [1.0, alpha]))


def sigmoid(x):
    x = _f64(x)
    return _ret(np.piecewise(
        x,
        [x >= 0, x < 0],
        [lambda t: 1 / (1 + np.exp(-t)), lambda t: np.exp(t) / (1 + np.exp(t))],
    ))


def sigmoid_grad(x):
    sx = _f64(sigmoid(x))
    return _ret(sx * (1 - sx))


def tanh_grad(x):
    tx = np.tanh(_f64(x))
    return _ret(1 - np.square(tx))


def softmax(z, axis=-1):
    z = _f64(z)
    if z.ndim == 0:
        raise ValueError("z должен быть массивом")
    stable = z - np.max(z, axis=axis, keepdims=True)
    numer = np.exp(stable)
    denom = np.sum(numer, axis=axis, keepdims=True)
    return numer / denom


def softmax_jacobian(z):
    z = _f64(z)
    if z.ndim != 1:
        raise ValueError("z должен быть вектором (k,)")
    s = softmax(z).reshape(-1, 1)
    return np.diagflat(s) - np.dot(s, s.T)
