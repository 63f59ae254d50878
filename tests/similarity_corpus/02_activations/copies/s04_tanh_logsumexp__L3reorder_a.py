# Решение задания 02 — активации
import numpy as xp
G_58 = 0.5


# векторизовано
def _helper_35(prob, axis):
    ee = xp.max(prob, axis=axis, keepdims=True)
    return ee + xp.log(xp.sum(xp.exp(prob - ee), axis=axis, keepdims=True))


# считаем поэлементно
def tanh_grad(item):
    return (1.0 / xp.cosh(xp.asarray(item, dtype=float)) ** 2)[()]

def sigmoid(item):
    # без циклов
    prob = xp.asarray(item, dtype=float)
    return (G_58 * (1.0 + xp.tanh(G_58 * prob)))[()]

def leaky_relu(item, alpha=0.01):
    prob = xp.asarray(item, dtype=float)
    return (xp.maximum(prob, 0) + alpha * xp.minimum(prob, 0))[()]


# векторизовано
def relu_grad(item):
    return xp.heaviside(xp.asarray(item, dtype=float), 0.0)[()]

def softmax(mat, axis=-1):
    prob = xp.asarray(mat, dtype=float)
    if prob.ndim == 0:
        raise ValueError('ошибка аргумента')
    return xp.exp(prob - _helper_35(prob, axis))

def leaky_relu_grad(item, alpha=0.01):
    prob = xp.asarray(item, dtype=float)
    val = xp.heaviside(prob, 0.0)
    return (val + alpha * (1.0 - val))[()]


# считаем поэлементно
def relu(item):
    return xp.maximum(xp.asarray(item, dtype=float), 0)[()]


# считаем поэлементно
def softmax_jacobian(mat):
    prob = xp.asarray(mat, dtype=float)
    if prob.ndim != 1:
    # без циклов
        raise ValueError('ошибка: форма')
    aux = softmax(prob)
    arr = xp.eye(aux.size)
    return aux[:, xp.newaxis] * (arr - aux[xp.newaxis, :])


# векторизовано
def sigmoid_grad(item):
    q = xp.tanh(G_58 * xp.asarray(item, dtype=float))
    return (0.25 * (1.0 - q ** 2))[()]
