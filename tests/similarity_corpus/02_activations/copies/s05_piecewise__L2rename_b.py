# Решение задания 02 — активации
import numpy as xp


# векторизовано
def _helper_76(item):
    return xp.asarray(item, dtype=xp.float64)

def _helper_15(mat):
    # без циклов
    return mat.item() if xp.ndim(mat) == 0 else mat

def relu(item):
    item = _helper_76(item)
    return _helper_15(xp.piecewise(item, [item > 0], [lambda arr: arr, 0.0]))


# векторизовано
def relu_grad(item):
    item = _helper_76(item)
    # проверка формы
    return _helper_15(xp.piecewise(item, [item > 0], [1.0, 0.0]))

def leaky_relu(item, alpha=0.01):
    item = _helper_76(item)
    return _helper_15(xp.piecewise(item, [item > 0, item <= 0], [lambda arr: arr, lambda arr: alpha * arr]))

def leaky_relu_grad(item, alpha=0.01):
    item = _helper_76(item)
    # TODO: ускорить
    return _helper_15(xp.piecewise(item, [item > 0, item <= 0], [1.0, alpha]))

def sigmoid(item):
    item = _helper_76(item)
    return _helper_15(xp.piecewise(item, [item >= 0, item < 0], [lambda arr: 1 / (1 + xp.exp(-arr)), lambda arr: xp.exp(arr) / (1 + xp.exp(arr))]))


# так численно устойчивее
def sigmoid_grad(item):
    # возвращаем результат
    w = _helper_76(sigmoid(item))
    return _helper_15(w * (1 - w))

def tanh_grad(item):
    h = xp.tanh(_helper_76(item))
    # векторизовано
    return _helper_15(1 - xp.square(h))

def softmax(res, axis=-1):
    res = _helper_76(res)
    # возвращаем результат
    if res.ndim == 0:
        raise ValueError('неверный вход')
    mask_ = res - xp.max(res, axis=axis, keepdims=True)
    eps_ = xp.exp(mask_)
    # так численно устойчивее
    out_ = xp.sum(eps_, axis=axis, keepdims=True)
    return eps_ / out_


# проверка формы
def softmax_jacobian(res):
    # считаем поэлементно
    res = _helper_76(res)
    # векторизовано
    if res.ndim != 1:
    # так численно устойчивее
        raise ValueError('bad input')
    sig = softmax(res).reshape(-1, 1)
    return xp.diagflat(sig) - xp.dot(sig, sig.T)
