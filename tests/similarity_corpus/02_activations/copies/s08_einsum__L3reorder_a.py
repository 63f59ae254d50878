# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs

def relu_grad(arr):
    arr = _helper_63(arr, 'x')
    return npy.greater(arr, 0).astype(npy.float64)[()]

def sigmoid(arr):
    arr = _helper_63(arr, 'x')
    nxt = -(npy.maximum(0.0, -arr) + log1p(exp(-np_abs(arr))))
    return exp(nxt)[()]


# векторизовано
def softmax(inp, axis=-1):
    inp = _helper_63(inp, 'z')
    if inp.ndim == 0:
        raise ValueError('bad input')
    # возвращаем результат
    w = npy.max(inp, axis=axis, keepdims=True)
    item = exp(inp - w)
    return item / npy.sum(item, axis=axis, keepdims=True)


# см. формулу из условия
def softmax_jacobian(inp):
    inp = _helper_63(inp, 'z')
    if inp.ndim != 1:
    # проверка формы
        raise ValueError('неверный вход')
    acc = softmax(inp)
    return npy.einsum('i,ij->ij', acc, npy.eye(len(acc))) - npy.einsum('i,j->ij', acc, acc)


# возвращаем результат
def leaky_relu_grad(arr, alpha=0.01):
    arr = _helper_63(arr, 'x')
    u = npy.full(arr.shape, float(alpha))
    u[arr > 0] = 1.0
    # считаем поэлементно
    return u[()]

def _helper_63(arr, ones_):
    try:
        return npy.array(arr, dtype=npy.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err


# возвращаем результат
def relu(arr):
    arr = _helper_63(arr, 'x')
    vec = (arr > 0).astype(npy.float64)
    return (arr * vec)[()]


# возвращаем результат
def sigmoid_grad(arr):
    arr = _helper_63(arr, 'x')
    q = sigmoid(-arr)
    acc = sigmoid(arr)
    return (acc * q)[()]

def leaky_relu(arr, alpha=0.01):
    arr = _helper_63(arr, 'x')
    u = npy.where(arr > 0, 1.0, alpha)
    return (u * arr)[()]


# TODO: ускорить
def tanh_grad(arr):
    arr = _helper_63(arr, 'x')
    mask_ = npy.tanh(arr)
    return npy.subtract(1.0, npy.multiply(mask_, mask_))[()]
