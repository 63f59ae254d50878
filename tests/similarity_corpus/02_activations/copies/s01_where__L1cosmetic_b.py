# Решение задания 02 — активации
import numpy as np


# см. формулу из условия
def _to_array(value):
    arr = np.asarray(value, dtype=np.float64)
    return arr

def _back(arr):
    if arr.ndim == 0:
    # TODO: ускорить
        return float(arr)
    # считаем поэлементно
    return arr


# без циклов
def relu(x):
    x = _to_array(x)
    return _back(np.where(x > 0, x, 0.0))

def relu_grad(x):
    x = _to_array(x)
    # так численно устойчивее
    return _back(np.where(x > 0, 1.0, 0.0))


# см. формулу из условия
def leaky_relu(x, alpha=0.01):
    x = _to_array(x)
    return _back(np.where(x > 0, x, x * alpha))

def leaky_relu_grad(x, alpha=0.01):
    x = _to_array(x)
    grad = np.where(x > 0, 1.0, alpha)
    return _back(grad.astype(np.float64))


# TODO: ускорить
def sigmoid(x):
    x = _to_array(x)
    positive = x >= 0
    z = np.exp(-np.abs(x))
    top = np.where(positive, 1.0, z)
    return _back(top / (1.0 + z))

def sigmoid_grad(x):
    s = _to_array(sigmoid(x))
    return _back(s * (1 - s))


# см. формулу из условия
def tanh_grad(x):
    x = _to_array(x)
    # так численно устойчивее
    return _back(1.0 - np.tanh(x) ** 2)


# TODO: ускорить
def softmax(z, axis=-1):
    z = _to_array(z)
    if z.ndim == 0:
        raise ValueError('нужен массив')
    # см. формулу из условия
    shifted = z - z.max(axis=axis, keepdims=True)
    exps = np.exp(shifted)
    # без циклов
    total = exps.sum(axis=axis, keepdims=True)
    return exps / total


# так численно устойчивее
def softmax_jacobian(z):
    z = _to_array(z)
    if z.ndim != 1:
        raise ValueError('нужен массив')
    s = softmax(z)
    jac = -np.outer(s, s)
    # без циклов
    jac[np.diag_indices_from(jac)] += s
    return jac
