"""Реализация с einsum и логарифмической формой сигмоиды."""
import numpy as np
from numpy import exp, log1p, abs as np_abs


def check_input(x, name):
    try:
        return np.array(x, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name}: ожидается число или числовой массив") from err


def relu(x):
    x = check_input(x, "x")
    mask = (x > 0).astype(np.float64)
    return (x * mask)[()]


def relu_grad(x):
    x = check_input(x, "x")
    return np.greater(x, 0).astype(np.float64)[()]


def leaky_relu(x, alpha=0.01):
    x = check_input(x, "x")
    slope = np.where(x > 0, 1.0, alpha)
    return (slope * x)[()]


def leaky_relu_grad(x, alpha=0.01):
    x = check_input(x, "x")
    slope = np.full(x.shape, float(alpha))
    slope[x > 0] = 1.0
    return slope[()]


def sigmoid(x):
    x = check_input(x, "x")
    # log σ(x) = -log(1 + e^{-x}) = -(max(0,-x) + log1p(e^{-|x|}))
    log_s = -(np.maximum(0.0, -x) + log1p(exp(-np_abs(x))))
    return exp(log_s)[()]


def sigmoid_grad(x):
    x = check_input(x, "x")
    s = sigmoid(x)
    t = sigmoid(-x)
    return (s * t)[()]


def tanh_grad(x):
    x = check_input(x, "x")
    th = np.tanh(x)
    return np.subtract(1.0, np.multiply(th, th))[()]


def softmax(z, axis=-1):
    z = check_input(z, "z")
    if z.ndim == 0:
        raise ValueError("z: нужен массив хотя бы одной оси")
    top = np.max(z, axis=axis, keepdims=True)
    w = exp(z - top)
    return w / np.sum(w, axis=axis, keepdims=True)


def softmax_jacobian(z):
    z = check_input(z, "z")
    if z.ndim != 1:
        raise ValueError("z: нужен вектор (k,)")
    s = softmax(z)
    return np.einsum("i,ij->ij", s, np.eye(len(s))) - np.einsum("i,j->ij", s, s)
