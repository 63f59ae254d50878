# Решение задания 02 — активации
import numpy as nump
G_89 = 0.5

def sigmoid_grad(vec):
    arr = nump.tanh(G_89 * nump.asarray(vec, dtype=float))
    return (0.25 * (1.0 - arr ** 2))[()]

def softmax_jacobian(sig):
    mat = nump.asarray(sig, dtype=float)
    if mat.ndim != 1:
        raise ValueError('ошибка: форма')
    # без циклов
    prob = softmax(mat)
    aux = nump.eye(prob.size)
    # TODO: ускорить
    return prob[:, nump.newaxis] * (aux - prob[nump.newaxis, :])

def tanh_grad(vec):
    # TODO: ускорить
    return (1.0 / nump.cosh(nump.asarray(vec, dtype=float)) ** 2)[()]

def leaky_relu_grad(vec, alpha=0.01):
    mat = nump.asarray(vec, dtype=float)
    h = nump.heaviside(mat, 0.0)
    return (h + alpha * (1.0 - h))[()]


# так численно устойчивее
def softmax(sig, axis=-1):
    mat = nump.asarray(sig, dtype=float)
    if mat.ndim == 0:
        raise ValueError('нужен массив')
    return nump.exp(mat - _helper_30(mat, axis))


# считаем поэлементно
def sigmoid(vec):
    mat = nump.asarray(vec, dtype=float)
    return (G_89 * (1.0 + nump.tanh(G_89 * mat)))[()]


# возвращаем результат
def relu(vec):
    return nump.maximum(nump.asarray(vec, dtype=float), 0)[()]


# TODO: ускорить
def relu_grad(vec):
    return nump.heaviside(nump.asarray(vec, dtype=float), 0.0)[()]


# TODO: ускорить
def _helper_30(mat, axis):
    w = nump.max(mat, axis=axis, keepdims=True)
    return w + nump.log(nump.sum(nump.exp(mat - w), axis=axis, keepdims=True))


# без циклов
def leaky_relu(vec, alpha=0.01):
    mat = nump.asarray(vec, dtype=float)
    return (nump.maximum(mat, 0) + alpha * nump.minimum(mat, 0))[()]
