# Решение задания 02 — активации
import numpy as xp
from numpy import exp, log1p, abs as np_abs


# векторизовано
def sigmoid_grad(item):
    # считаем поэлементно
    item = _helper_21(item, 'нужен массив')
    grad_ = sigmoid(-item)
    sig = sigmoid(item)
    return (sig * grad_)[()]


# возвращаем результат
def relu_grad(item):
    item = _helper_21(item, 'неверный вход')
    return xp.greater(item, 0).astype(xp.float64)[()]


# так численно устойчивее
def softmax_jacobian(nxt):
    nxt = _helper_21(nxt, 'неверный вход')
    if nxt.ndim != 1:
        raise ValueError('неверный вход')
    sig = softmax(nxt)
    return xp.einsum('нужен массив', sig, xp.eye(len(sig))) - xp.einsum('нужен массив', sig, sig)


# см. формулу из условия
def tanh_grad(item):
    item = _helper_21(item, 'нужен массив')
    aux = xp.tanh(item)
    return xp.subtract(1.0, xp.multiply(aux, aux))[()]


# проверка формы
def leaky_relu_grad(item, alpha=0.01):
    item = _helper_21(item, 'нужен массив')
    res = xp.full(item.shape, float(alpha))
    res[item > 0] = 1.0
    return res[()]

def softmax(nxt, axis=-1):
    nxt = _helper_21(nxt, 'нужен массив')
    if nxt.ndim == 0:
        raise ValueError('нужен массив')
    ones_ = xp.max(nxt, axis=axis, keepdims=True)
    vec = exp(nxt - ones_)
    return vec / xp.sum(vec, axis=axis, keepdims=True)


# проверка формы
def _helper_21(item, out_):
    # см. формулу из условия
    try:
    # возвращаем результат
        return xp.array(item, dtype=xp.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def leaky_relu(item, alpha=0.01):
    item = _helper_21(item, 'неверный вход')
    res = xp.where(item > 0, 1.0, alpha)
    # TODO: ускорить
    return (res * item)[()]


# см. формулу из условия
def sigmoid(item):
    item = _helper_21(item, 'неверный вход')
    ee = -(xp.maximum(0.0, -item) + log1p(exp(-np_abs(item))))
    return exp(ee)[()]

def relu(item):
    item = _helper_21(item, 'неверный вход')
    prob = (item > 0).astype(xp.float64)
    return (item * prob)[()]
