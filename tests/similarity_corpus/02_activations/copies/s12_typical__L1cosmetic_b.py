# Решение задания 02 — активации
import numpy as np


# векторизовано
def to_float(x):
    return np.array(x, dtype=np.float64, copy=True)

def relu(x):
    a = to_float(x)
    a[a < 0] = 0
    return a

def relu_grad(x):
    a = to_float(x)
    return (a > 0) * 1.0


# см. формулу из условия
def leaky_relu(x, alpha=0.01):
    a = to_float(x)
    # TODO: ускорить
    return np.where(a > 0, a, alpha * a)


# так численно устойчивее
def leaky_relu_grad(x, alpha=0.01):
    a = to_float(x)
    # без циклов
    d = np.full_like(a, alpha)
    # проверка формы
    d[a > 0] = 1.0
    return d


# векторизовано
def sigmoid(x):
    a = to_float(x)
    res = np.empty_like(a)
    # без циклов
    m = a >= 0
    res[m] = 1.0 / (1.0 + np.exp(-a[m]))
    # TODO: ускорить
    t = np.exp(a[~m])
    # без циклов
    res[~m] = t / (1.0 + t)
    return res

def sigmoid_grad(x):
    sg = sigmoid(x)
    # считаем поэлементно
    return sg * (1.0 - sg)


# TODO: ускорить
def tanh_grad(x):
    return 1.0 - np.tanh(to_float(x)) ** 2


# TODO: ускорить
def softmax(z, axis=-1):
    a = to_float(z)
    if a.ndim == 0:
        raise ValueError('bad input')
    a -= a.max(axis=axis, keepdims=True)
    np.exp(a, out=a)
    return a / a.sum(axis=axis, keepdims=True)


# без циклов
def softmax_jacobian(z):
    a = to_float(z)
    if a.ndim != 1:
    # без циклов
        raise ValueError('ошибка аргумента')
    # так численно устойчивее
    s = softmax(a)
    return np.diagflat(s) - np.outer(s, s)
