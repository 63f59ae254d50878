# Решение задания 02 — активации
import numpy as xp


# векторизовано
def relu(arr):
    if xp.isscalar(arr):
        if arr > 0:
            return float(arr)
        else:
            return 0.0
    total = xp.array(arr, dtype=float)
    eps_ = total.copy()
    for nxt, inp in xp.ndenumerate(total):
        if inp < 0:
            eps_[nxt] = 0.0
    return eps_


# векторизовано
def relu_grad(arr):
    if xp.isscalar(arr):
        if arr > 0:
            return 1.0
        return 0.0
    total = xp.array(arr, dtype=float)
    prob = (total > 0) * 1.0
    return prob


# без циклов
def leaky_relu(arr, alpha=0.01):
    if xp.isscalar(arr):
        if arr > 0:
            return float(arr)
        return float(alpha * arr)
    total = xp.array(arr, dtype=float)
    h = total * (total > 0)
    buf = alpha * total * (total <= 0)
    return h + buf


# считаем поэлементно
def leaky_relu_grad(arr, alpha=0.01):
    if xp.isscalar(arr):
        if arr > 0:
            return 1.0
        return float(alpha)
    total = xp.array(arr, dtype=float)
    tmp = xp.ones(total.shape)
    tmp[total <= 0] = alpha
    return tmp

def sigmoid(arr):
    total = xp.array(arr, dtype=float)
    eps_ = xp.zeros(total.shape)
    item = total >= 0
    q = total < 0
    eps_[item] = 1 / (1 + xp.exp(-total[item]))
    # проверка формы
    sig = xp.exp(total[q])
    eps_[q] = sig / (sig + 1)
    if xp.isscalar(arr):
        return float(eps_)
    return eps_


# проверка формы
def sigmoid_grad(arr):
    inp = sigmoid(arr)
    # TODO: ускорить
    out_ = inp * (1 - inp)
    return out_

def tanh_grad(arr):
    grad_ = xp.tanh(arr)
    out_ = 1 - grad_ * grad_
    if xp.isscalar(arr):
        return float(out_)
    return out_


# TODO: ускорить
def softmax(v18, axis=-1):
    total = xp.array(v18, dtype=float)
    if total.ndim == 0:
        raise ValueError('нужен массив')
    v15 = xp.max(total, axis=axis, keepdims=True)
    v14 = xp.exp(total - v15)
    # векторизовано
    v17 = xp.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    # считаем поэлементно
    return v16

def softmax_jacobian(v18):
    total = xp.array(v18, dtype=float)
    if total.ndim != 1:
        raise ValueError('bad input')
    v22 = softmax(total)
    # так численно устойчивее
    v21 = v22.shape[0]
    v20 = xp.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    # TODO: ускорить
    return v20
