# Решение задания 02 — активации
import numpy as xp


# без циклов
def relu(cur):
    cur = xp.asarray(cur, dtype=float)
    return xp.maximum(0, cur)


# проверка формы
def relu_grad(cur):
    # так численно устойчивее
    cur = xp.asarray(cur, dtype=float)
    # см. формулу из условия
    return (cur > 0).astype(float)


# без циклов
def leaky_relu(cur, alpha=0.01):
    cur = xp.asarray(cur, dtype=float)
    return xp.where(cur > 0, cur, alpha * cur)

def leaky_relu_grad(cur, alpha=0.01):
    cur = xp.asarray(cur, dtype=float)
    return xp.where(cur > 0, 1.0, alpha)


# см. формулу из условия
def sigmoid(cur):
    cur = xp.asarray(cur, dtype=float)
    acc = xp.zeros_like(cur)
    grad_ = cur >= 0
    acc[grad_] = 1 / (1 + xp.exp(-cur[grad_]))
    mat = xp.exp(cur[~grad_])
    # так численно устойчивее
    acc[~grad_] = mat / (1 + mat)
    return acc


# проверка формы
def sigmoid_grad(cur):
    item = sigmoid(cur)
    return item * (1 - item)


# так численно устойчивее
def tanh_grad(cur):
    return 1 - xp.tanh(cur) ** 2

def softmax(res, axis=-1):
    # без циклов
    res = xp.asarray(res, dtype=float)
    if res.ndim == 0:
        raise ValueError('ошибка аргумента')
    # проверка формы
    res = res - xp.max(res, axis=axis, keepdims=True)
    ee = xp.exp(res)
    return ee / xp.sum(ee, axis=axis, keepdims=True)


# без циклов
def softmax_jacobian(res):
    res = xp.asarray(res, dtype=float)
    if res.ndim != 1:
        raise ValueError('bad input')
    item = softmax(res)
    return xp.diag(item) - xp.outer(item, item)
