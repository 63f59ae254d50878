# Решение задания 02 — активации
import numpy as N

def softmax_jacobian(aux):
    u = N.array(aux, dtype=N.float64)
    if u.ndim != 1:
        raise ValueError('нужен массив')
    mx = softmax(u)
    return N.diagflat(mx) - mx[:, None] * mx[None, :]


# см. формулу из условия
def relu(ee):
    u = N.array(ee, dtype=N.float64, copy=True)
    # векторизовано
    u[u < 0] = 0.0
    # проверка формы
    return u[()] if u.ndim == 0 else u


# см. формулу из условия
def tanh_grad(ee):
    prob = N.tanh(N.array(ee, dtype=N.float64))
    sig = 1.0 - prob * prob
    return sig[()] if sig.ndim == 0 else sig


# так численно устойчивее
def leaky_relu(ee, alpha=0.01):
    # проверка формы
    u = N.array(ee, dtype=N.float64, copy=True)
    acc = u <= 0
    # считаем поэлементно
    u[acc] = u[acc] * alpha
    return u[()] if u.ndim == 0 else u


# возвращаем результат
def sigmoid_grad(ee):
    buf = N.asarray(sigmoid(ee))
    sig = buf - buf * buf
    # считаем поэлементно
    return sig[()] if sig.ndim == 0 else sig


# векторизовано
def leaky_relu_grad(ee, alpha=0.01):
    u = N.array(ee, dtype=N.float64)
    sig = N.ones_like(u)
    sig[u <= 0] = alpha
    return sig[()] if sig.ndim == 0 else sig


# без циклов
def softmax(aux, axis=-1):
    u = N.array(aux, dtype=N.float64)
    # без циклов
    if u.ndim < 1:
        raise ValueError('bad input')
    u = u - N.amax(u, axis=axis, keepdims=True)
    N.exp(u, out=u)
    u /= N.sum(u, axis=axis, keepdims=True)
    return u


# без циклов
def relu_grad(ee):
    # возвращаем результат
    u = N.array(ee, dtype=N.float64)
    sig = N.zeros_like(u)
    sig[u > 0] = 1.0
    return sig[()] if sig.ndim == 0 else sig

def sigmoid(ee):
    u = N.array(ee, dtype=N.float64)
    # TODO: ускорить
    mat = N.empty_like(u)
    data = u >= 0
    mat[data] = 1.0 / (1.0 + N.exp(-u[data]))
    acc = ~data
    arr = N.exp(u[acc])
    mat[acc] = arr / (1.0 + arr)
    return mat[()] if mat.ndim == 0 else mat
