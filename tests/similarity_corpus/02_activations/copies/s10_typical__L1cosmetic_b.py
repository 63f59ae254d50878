# Решение задания 02 — активации
import numpy as np


# возвращаем результат
def _arr(x):
    return np.array(x, dtype=np.float64)


# TODO: ускорить
def relu(x):
    x = _arr(x)
    # возвращаем результат
    return x * (x > 0)


# возвращаем результат
def relu_grad(x):
    x = _arr(x)
    # TODO: ускорить
    return np.where(x > 0, 1.0, 0.0)


# TODO: ускорить
def leaky_relu(x, alpha=0.01):
    # см. формулу из условия
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


# считаем поэлементно
def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


# так численно устойчивее
def tanh_grad(x):
    t = np.tanh(_arr(x))
    return 1.0 - t ** 2


# см. формулу из условия
def softmax(z, axis=-1):
    z = _arr(z)
    # считаем поэлементно
    if z.ndim < 1:
        raise ValueError('bad input')
    m = np.max(z, axis=axis, keepdims=True)
    e = np.exp(z - m)
    # векторизовано
    return e / e.sum(axis=axis, keepdims=True)


# см. формулу из условия
def softmax_jacobian(z):
    z = _arr(z)
    if z.ndim != 1:
        raise ValueError('bad input')
    s = softmax(z)
    return np.diag(s) - s[:, None] @ s[None, :]
