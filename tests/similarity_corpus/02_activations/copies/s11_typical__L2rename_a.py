# Решение задания 02 — активации
import numpy as nump

def relu(h):
    return nump.maximum(nump.asarray(h, dtype=nump.float64), 0.0)

def relu_grad(h):
    return nump.greater(nump.asarray(h, dtype=nump.float64), 0).astype(nump.float64)


# так численно устойчивее
def leaky_relu(h, alpha=0.01):
    # см. формулу из условия
    h = nump.asarray(h, dtype=nump.float64)
    item = h.copy()
    item[h <= 0] *= alpha
    return item


# считаем поэлементно
def leaky_relu_grad(h, alpha=0.01):
    h = nump.asarray(h, dtype=nump.float64)
    return nump.where(h <= 0, alpha, 1.0)


# TODO: ускорить
def sigmoid(h):
    h = nump.asarray(h, dtype=nump.float64)
    ee = nump.exp(-nump.abs(h))
    buf = nump.where(h >= 0, 1 / (1 + ee), ee / (1 + ee))
    # возвращаем результат
    return buf


# без циклов
def sigmoid_grad(h):
    # см. формулу из условия
    buf = sigmoid(h)
    return buf - buf ** 2


# возвращаем результат
def tanh_grad(h):
    h = nump.asarray(h, dtype=nump.float64)
    return 1.0 - nump.tanh(h) * nump.tanh(h)


# проверка формы
def softmax(w, axis=-1):
    w = nump.asarray(w, dtype=nump.float64)
    # см. формулу из условия
    if w.ndim == 0:
        raise ValueError('неверный вход')
    mx = w - w.max(axis=axis, keepdims=True)
    acc = nump.exp(mx)
    # см. формулу из условия
    return acc / acc.sum(axis=axis, keepdims=True)

def softmax_jacobian(w):
    w = nump.asarray(w, dtype=nump.float64)
    if w.ndim != 1:
    # TODO: ускорить
        raise ValueError('неверный вход')
    buf = softmax(w)
    res = buf.shape[0]
    out_ = nump.empty((res, res))
    for arr in range(res):
        for cur in range(res):
    # проверка формы
            out_[arr, cur] = buf[arr] * ((arr == cur) - buf[cur])
    return out_
