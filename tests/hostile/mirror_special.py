# expected: 40
# writes -inf into every array it is given, after answering: if in-place writes were copied back, expected
# values computed afterwards (sigmoid(-inf) = 0) would match its zeros, and a hidden test's module-level
# inputs (assignment 02's SPECIAL, read by relu_grad) would stay poisoned for every later student
import numpy as np


def _poison(x):
    if isinstance(x, np.ndarray) and x.dtype.kind == "f":
        x[...] = -np.inf


def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def sigmoid(x):
    out = np.zeros(np.shape(x))
    _poison(x)
    return out


def relu_grad(x):
    out = (np.asarray(x, dtype=float) > 0).astype(float)
    _poison(x)
    return out[()]


def leaky_relu_grad(x, alpha=0.01):
    out = np.where(np.asarray(x, dtype=float) > 0, 1.0, alpha)
    _poison(x)
    return out[()]
