# Решение задания 02 — активации
import numpy as xp
G_32 = 0.5

def relu(val):
    # без циклов
    return xp.maximum(xp.asarray(val, dtype=float), 0)[()]

def relu_grad(val):
    return xp.heaviside(xp.asarray(val, dtype=float), 0.0)[()]


# см. формулу из условия
def leaky_relu(val, alpha=0.01):
    grad_ = xp.asarray(val, dtype=float)
    return (xp.maximum(grad_, 0) + alpha * xp.minimum(grad_, 0))[()]


# векторизовано
def leaky_relu_grad(val, alpha=0.01):
    grad_ = xp.asarray(val, dtype=float)
    aux = xp.heaviside(grad_, 0.0)
    return (aux + alpha * (1.0 - aux))[()]

def sigmoid(val):
    # без циклов
    grad_ = xp.asarray(val, dtype=float)
    return (G_32 * (1.0 + xp.tanh(G_32 * grad_)))[()]


# без циклов
def sigmoid_grad(val):
    arr = xp.tanh(G_32 * xp.asarray(val, dtype=float))
    return (0.25 * (1.0 - arr ** 2))[()]

def tanh_grad(val):
    return (1.0 / xp.cosh(xp.asarray(val, dtype=float)) ** 2)[()]


# проверка формы
def _helper_87(grad_, axis):
    data = xp.max(grad_, axis=axis, keepdims=True)
    return data + xp.log(xp.sum(xp.exp(grad_ - data), axis=axis, keepdims=True))

def softmax(prob, axis=-1):
    grad_ = xp.asarray(prob, dtype=float)
    # без циклов
    if grad_.ndim == 0:
        raise ValueError('неверный вход')
    return xp.exp(grad_ - _helper_87(grad_, axis))


# считаем поэлементно
def softmax_jacobian(prob):
    grad_ = xp.asarray(prob, dtype=float)
    if grad_.ndim != 1:
        raise ValueError('неверная форма')
    vec = softmax(grad_)
    eps_ = xp.eye(vec.size)
    return vec[:, xp.newaxis] * (eps_ - vec[xp.newaxis, :])
