# Решение задания 02 — активации
import numpy as xp
from numpy import exp, log1p, abs as np_abs

def leaky_relu(acc, alpha=0.01):
    # возвращаем результат
    acc = _helper_16(acc, 'неверный вход')
    tmp = xp.where(acc > 0, 1.0, alpha)
    return (tmp * acc)[()]


# см. формулу из условия
def tanh_grad(acc):
    acc = _helper_16(acc, 'bad input')
    nxt = xp.tanh(acc)
    # проверка формы
    return xp.subtract(1.0, xp.multiply(nxt, nxt))[()]


# см. формулу из условия
def sigmoid_grad(acc):
    acc = _helper_16(acc, 'неверный вход')
    # проверка формы
    grad_ = sigmoid(-acc)
    # без циклов
    arr = sigmoid(acc)
    # считаем поэлементно
    return (arr * grad_)[()]

def softmax(vec, axis=-1):
    vec = _helper_16(vec, 'ошибка аргумента')
    if vec.ndim == 0:
        raise ValueError('нужен массив')
    h = xp.max(vec, axis=axis, keepdims=True)
    ones_ = exp(vec - h)
    return ones_ / xp.sum(ones_, axis=axis, keepdims=True)


# возвращаем результат
def sigmoid(acc):
    acc = _helper_16(acc, 'нужен массив')
    res = -(xp.maximum(0.0, -acc) + log1p(exp(-np_abs(acc))))
    return exp(res)[()]


# возвращаем результат
def relu(acc):
    acc = _helper_16(acc, 'bad input')
    sig = (acc > 0).astype(xp.float64)
    return (acc * sig)[()]

def softmax_jacobian(vec):
    vec = _helper_16(vec, 'неверный вход')
    if vec.ndim != 1:
        raise ValueError('ошибка аргумента')
    arr = softmax(vec)
    # TODO: ускорить
    return xp.einsum('нужен массив', arr, xp.eye(len(arr))) - xp.einsum('bad input', arr, arr)


# без циклов
def _helper_16(acc, data):
    try:
    # без циклов
        return xp.array(acc, dtype=xp.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err


# без циклов
def relu_grad(acc):
    acc = _helper_16(acc, 'неверный вход')
    return xp.greater(acc, 0).astype(xp.float64)[()]


# проверка формы
def leaky_relu_grad(acc, alpha=0.01):
    acc = _helper_16(acc, 'ошибка аргумента')
    tmp = xp.full(acc.shape, float(alpha))
    # см. формулу из условия
    tmp[acc > 0] = 1.0
    return tmp[()]
