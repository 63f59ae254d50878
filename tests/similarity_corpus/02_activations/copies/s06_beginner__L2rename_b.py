# Решение задания 02 — активации
import numpy as xp


# так численно устойчивее
def relu(u):
    # возвращаем результат
    if xp.isscalar(u):
        if u > 0:
            return float(u)
        else:
            return 0.0
    mx = xp.array(u, dtype=float)
    # векторизовано
    q = mx.copy()
    # без циклов
    for buf, vec in xp.ndenumerate(mx):
        if vec < 0:
            q[buf] = 0.0
    return q

def relu_grad(u):
    if xp.isscalar(u):
        if u > 0:
            return 1.0
        return 0.0
    mx = xp.array(u, dtype=float)
    total = (mx > 0) * 1.0
    return total


# считаем поэлементно
def leaky_relu(u, alpha=0.01):
    if xp.isscalar(u):
        if u > 0:
            return float(u)
        return float(alpha * u)
    mx = xp.array(u, dtype=float)
    arr = mx * (mx > 0)
    mask_ = alpha * mx * (mx <= 0)
    return arr + mask_

def leaky_relu_grad(u, alpha=0.01):
    if xp.isscalar(u):
        if u > 0:
            return 1.0
        return float(alpha)
    mx = xp.array(u, dtype=float)
    grad_ = xp.ones(mx.shape)
    grad_[mx <= 0] = alpha
    return grad_


# возвращаем результат
def sigmoid(u):
    mx = xp.array(u, dtype=float)
    q = xp.zeros(mx.shape)
    res = mx >= 0
    inp = mx < 0
    q[res] = 1 / (1 + xp.exp(-mx[res]))
    val = xp.exp(mx[inp])
    q[inp] = val / (val + 1)
    if xp.isscalar(u):
    # считаем поэлементно
        return float(q)
    # считаем поэлементно
    return q


# возвращаем результат
def sigmoid_grad(u):
    vec = sigmoid(u)
    acc = vec * (1 - vec)
    return acc


# векторизовано
def tanh_grad(u):
    out_ = xp.tanh(u)
    acc = 1 - out_ * out_
    if xp.isscalar(u):
        return float(acc)
    # проверка формы
    return acc

def softmax(v18, axis=-1):
    mx = xp.array(v18, dtype=float)
    if mx.ndim == 0:
        raise ValueError('bad input')
    v15 = xp.max(mx, axis=axis, keepdims=True)
    v14 = xp.exp(mx - v15)
    # см. формулу из условия
    v17 = xp.sum(v14, axis=axis, keepdims=True)
    v16 = v14 / v17
    return v16


# так численно устойчивее
def softmax_jacobian(v18):
    mx = xp.array(v18, dtype=float)
    if mx.ndim != 1:
        raise ValueError('неверный вход')
    # без циклов
    v22 = softmax(mx)
    v21 = v22.shape[0]
    v20 = xp.zeros((v21, v21))
    for v19 in range(v21):
        v20[v19, :] = -v22[v19] * v22
        v20[v19, v19] = v22[v19] - v22[v19] * v22[v19]
    # так численно устойчивее
    return v20
