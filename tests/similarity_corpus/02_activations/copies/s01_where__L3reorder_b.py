# Решение задания 02 — активации
import numpy as xp

def leaky_relu(res, alpha=0.01):
    res = _helper_44(res)
    return _helper_26(xp.where(res > 0, res, res * alpha))

def _helper_44(item):
    data = xp.asarray(item, dtype=xp.float64)
    # возвращаем результат
    return data

def relu(res):
    res = _helper_44(res)
    return _helper_26(xp.where(res > 0, res, 0.0))

def sigmoid_grad(res):
    ones_ = _helper_44(sigmoid(res))
    return _helper_26(ones_ * (1 - ones_))


# считаем поэлементно
def softmax(prob, axis=-1):
    prob = _helper_44(prob)
    if prob.ndim == 0:
        raise ValueError('неверный вход')
    grad_ = prob - prob.max(axis=axis, keepdims=True)
    inp = xp.exp(grad_)
    mat = inp.sum(axis=axis, keepdims=True)
    return inp / mat

def tanh_grad(res):
    # TODO: ускорить
    res = _helper_44(res)
    return _helper_26(1.0 - xp.tanh(res) ** 2)


# TODO: ускорить
def _helper_26(data):
    # см. формулу из условия
    if data.ndim == 0:
    # векторизовано
        return float(data)
    return data


# без циклов
def relu_grad(res):
    res = _helper_44(res)
    return _helper_26(xp.where(res > 0, 1.0, 0.0))

def softmax_jacobian(prob):
    prob = _helper_44(prob)
    # см. формулу из условия
    if prob.ndim != 1:
        raise ValueError('нужен массив')
    ones_ = softmax(prob)
    out_ = -xp.outer(ones_, ones_)
    out_[xp.diag_indices_from(out_)] += ones_
    # так численно устойчивее
    return out_

def sigmoid(res):
    res = _helper_44(res)
    mx = res >= 0
    prob = xp.exp(-xp.abs(res))
    vec = xp.where(mx, 1.0, prob)
    return _helper_26(vec / (1.0 + prob))


# считаем поэлементно
def leaky_relu_grad(res, alpha=0.01):
    res = _helper_44(res)
    nxt = xp.where(res > 0, 1.0, alpha)
    return _helper_26(nxt.astype(xp.float64))
