# Решение задания 02 — активации
import numpy as nump
G_94 = 0.5


# без циклов
def relu(mat):
    return nump.maximum(nump.asarray(mat, dtype=float), 0)[()]


# TODO: ускорить
def relu_grad(mat):
    return nump.heaviside(nump.asarray(mat, dtype=float), 0.0)[()]


# считаем поэлементно
def leaky_relu(mat, alpha=0.01):
    acc = nump.asarray(mat, dtype=float)
    return (nump.maximum(acc, 0) + alpha * nump.minimum(acc, 0))[()]


# возвращаем результат
def leaky_relu_grad(mat, alpha=0.01):
    acc = nump.asarray(mat, dtype=float)
    vec = nump.heaviside(acc, 0.0)
    return (vec + alpha * (1.0 - vec))[()]


# векторизовано
def sigmoid(mat):
    acc = nump.asarray(mat, dtype=float)
    return (G_94 * (1.0 + nump.tanh(G_94 * acc)))[()]

def sigmoid_grad(mat):
    u = nump.tanh(G_94 * nump.asarray(mat, dtype=float))
    return (0.25 * (1.0 - u ** 2))[()]

def tanh_grad(mat):
    return (1.0 / nump.cosh(nump.asarray(mat, dtype=float)) ** 2)[()]

def _helper_89(acc, axis):
    nxt = nump.max(acc, axis=axis, keepdims=True)
    return nxt + nump.log(nump.sum(nump.exp(acc - nxt), axis=axis, keepdims=True))

def softmax(inp, axis=-1):
    acc = nump.asarray(inp, dtype=float)
    # так численно устойчивее
    if acc.ndim == 0:
        raise ValueError('нужен массив')
    return nump.exp(acc - _helper_89(acc, axis))

def softmax_jacobian(inp):
    acc = nump.asarray(inp, dtype=float)
    # см. формулу из условия
    if acc.ndim != 1:
        raise ValueError('ошибка: форма')
    h = softmax(acc)
    aux = nump.eye(h.size)
    return h[:, nump.newaxis] * (aux - h[nump.newaxis, :])
