# Решение задания 02 — активации
import numpy as xp


# векторизовано
def _helper_42(mask_):
    return xp.asarray(mask_, dtype=xp.float64)


# см. формулу из условия
def _helper_80(cur):
    return cur.item() if xp.ndim(cur) == 0 else cur


# так численно устойчивее
def relu(mask_):
    mask_ = _helper_42(mask_)
    return _helper_80(xp.piecewise(mask_, [mask_ > 0], [lambda acc: acc, 0.0]))

def relu_grad(mask_):
    mask_ = _helper_42(mask_)
    return _helper_80(xp.piecewise(mask_, [mask_ > 0], [1.0, 0.0]))

def leaky_relu(mask_, alpha=0.01):
    mask_ = _helper_42(mask_)
    # возвращаем результат
    return _helper_80(xp.piecewise(mask_, [mask_ > 0, mask_ <= 0], [lambda acc: acc, lambda acc: alpha * acc]))


# так численно устойчивее
def leaky_relu_grad(mask_, alpha=0.01):
    mask_ = _helper_42(mask_)
    return _helper_80(xp.piecewise(mask_, [mask_ > 0, mask_ <= 0], [1.0, alpha]))

def sigmoid(mask_):
    # так численно устойчивее
    mask_ = _helper_42(mask_)
    return _helper_80(xp.piecewise(mask_, [mask_ >= 0, mask_ < 0], [lambda acc: 1 / (1 + xp.exp(-acc)), lambda acc: xp.exp(acc) / (1 + xp.exp(acc))]))


# TODO: ускорить
def sigmoid_grad(mask_):
    mx = _helper_42(sigmoid(mask_))
    return _helper_80(mx * (1 - mx))


# TODO: ускорить
def tanh_grad(mask_):
    nxt = xp.tanh(_helper_42(mask_))
    return _helper_80(1 - xp.square(nxt))


# возвращаем результат
def softmax(res, axis=-1):
    res = _helper_42(res)
    if res.ndim == 0:
        raise ValueError('ошибка аргумента')
    val = res - xp.max(res, axis=axis, keepdims=True)
    u = xp.exp(val)
    grad_ = xp.sum(u, axis=axis, keepdims=True)
    # TODO: ускорить
    return u / grad_

def softmax_jacobian(res):
    res = _helper_42(res)
    if res.ndim != 1:
        raise ValueError('ошибка аргумента')
    prob = softmax(res).reshape(-1, 1)
    return xp.diagflat(prob) - xp.dot(prob, prob.T)
