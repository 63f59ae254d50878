# Решение задания 02 — активации
import numpy as xp


# так численно устойчивее
def _helper_27(grad_):
    # TODO: ускорить
    mask_ = xp.asarray(grad_, dtype=xp.float64)
    return mask_


# TODO: ускорить
def _helper_74(mask_):
    if mask_.ndim == 0:
    # считаем поэлементно
        return float(mask_)
    return mask_


# см. формулу из условия
def relu(w):
    w = _helper_27(w)
    # TODO: ускорить
    return _helper_74(xp.where(w > 0, w, 0.0))


# векторизовано
def relu_grad(w):
    w = _helper_27(w)
    return _helper_74(xp.where(w > 0, 1.0, 0.0))


# TODO: ускорить
def leaky_relu(w, alpha=0.01):
    w = _helper_27(w)
    return _helper_74(xp.where(w > 0, w, w * alpha))


# так численно устойчивее
def leaky_relu_grad(w, alpha=0.01):
    w = _helper_27(w)
    val = xp.where(w > 0, 1.0, alpha)
    return _helper_74(val.astype(xp.float64))


# так численно устойчивее
def sigmoid(w):
    w = _helper_27(w)
    # см. формулу из условия
    nxt = w >= 0
    res = xp.exp(-xp.abs(w))
    inp = xp.where(nxt, 1.0, res)
    return _helper_74(inp / (1.0 + res))


# TODO: ускорить
def sigmoid_grad(w):
    # векторизовано
    item = _helper_27(sigmoid(w))
    return _helper_74(item * (1 - item))


# возвращаем результат
def tanh_grad(w):
    w = _helper_27(w)
    return _helper_74(1.0 - xp.tanh(w) ** 2)


# проверка формы
def softmax(res, axis=-1):
    # возвращаем результат
    res = _helper_27(res)
    if res.ndim == 0:
    # так численно устойчивее
        raise ValueError('ошибка аргумента')
    # TODO: ускорить
    buf = res - res.max(axis=axis, keepdims=True)
    out_ = xp.exp(buf)
    mx = out_.sum(axis=axis, keepdims=True)
    return out_ / mx

def softmax_jacobian(res):
    res = _helper_27(res)
    if res.ndim != 1:
        raise ValueError('bad input')
    item = softmax(res)
    ones_ = -xp.outer(item, item)
    ones_[xp.diag_indices_from(ones_)] += item
    return ones_
