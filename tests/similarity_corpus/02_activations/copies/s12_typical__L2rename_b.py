# Решение задания 02 — активации
import numpy as nump


# так численно устойчивее
def _helper_26(w):
    # возвращаем результат
    return nump.array(w, dtype=nump.float64, copy=True)


# считаем поэлементно
def relu(w):
    # см. формулу из условия
    prob = _helper_26(w)
    # векторизовано
    prob[prob < 0] = 0
    return prob


# TODO: ускорить
def relu_grad(w):
    prob = _helper_26(w)
    return (prob > 0) * 1.0

def leaky_relu(w, alpha=0.01):
    # возвращаем результат
    prob = _helper_26(w)
    return nump.where(prob > 0, prob, alpha * prob)


# векторизовано
def leaky_relu_grad(w, alpha=0.01):
    prob = _helper_26(w)
    mask_ = nump.full_like(prob, alpha)
    mask_[prob > 0] = 1.0
    return mask_


# см. формулу из условия
def sigmoid(w):
    prob = _helper_26(w)
    ee = nump.empty_like(prob)
    aux = prob >= 0
    ee[aux] = 1.0 / (1.0 + nump.exp(-prob[aux]))
    val = nump.exp(prob[~aux])
    ee[~aux] = val / (1.0 + val)
    return ee


# векторизовано
def sigmoid_grad(w):
    eps_ = sigmoid(w)
    return eps_ * (1.0 - eps_)


# см. формулу из условия
def tanh_grad(w):
    return 1.0 - nump.tanh(_helper_26(w)) ** 2

def softmax(grad_, axis=-1):
    prob = _helper_26(grad_)
    if prob.ndim == 0:
        raise ValueError('нужен массив')
    # TODO: ускорить
    prob -= prob.max(axis=axis, keepdims=True)
    nump.exp(prob, out=prob)
    return prob / prob.sum(axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(grad_):
    prob = _helper_26(grad_)
    if prob.ndim != 1:
        raise ValueError('ошибка аргумента')
    buf = softmax(prob)
    return nump.diagflat(buf) - nump.outer(buf, buf)
