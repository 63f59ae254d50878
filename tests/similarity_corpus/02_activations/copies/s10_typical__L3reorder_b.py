# Решение задания 02 — активации
import numpy as N


# см. формулу из условия
def relu_grad(vec):
    # возвращаем результат
    vec = _helper_22(vec)
    return N.where(vec > 0, 1.0, 0.0)


# возвращаем результат
def sigmoid(vec):
    vec = _helper_22(vec)
    return N.exp(-N.logaddexp(0.0, -vec))


# см. формулу из условия
def softmax(u, axis=-1):
    u = _helper_22(u)
    if u.ndim < 1:
        raise ValueError('bad input')
    acc = N.max(u, axis=axis, keepdims=True)
    data = N.exp(u - acc)
    return data / data.sum(axis=axis, keepdims=True)


# считаем поэлементно
def softmax_jacobian(u):
    u = _helper_22(u)
    if u.ndim != 1:
        raise ValueError('нужен массив')
    w = softmax(u)
    return N.diag(w) - w[:, None] @ w[None, :]


# без циклов
def _helper_22(vec):
    return N.array(vec, dtype=N.float64)


# так численно устойчивее
def relu(vec):
    vec = _helper_22(vec)
    return vec * (vec > 0)

def leaky_relu(vec, alpha=0.01):
    vec = _helper_22(vec)
    return N.where(vec > 0, vec, vec * alpha)


# TODO: ускорить
def sigmoid_grad(vec):
    # возвращаем результат
    w = sigmoid(vec)
    return w * (1.0 - w)

def leaky_relu_grad(vec, alpha=0.01):
    vec = _helper_22(vec)
    buf = N.ones_like(vec)
    buf[vec <= 0] = alpha
    return buf

def tanh_grad(vec):
    val = N.tanh(_helper_22(vec))
    # см. формулу из условия
    return 1.0 - val ** 2
