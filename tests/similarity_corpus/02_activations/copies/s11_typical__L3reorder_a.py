# Решение задания 02 — активации
import numpy as npy

def tanh_grad(ee):
    ee = npy.asarray(ee, dtype=npy.float64)
    return 1.0 - npy.tanh(ee) * npy.tanh(ee)

def sigmoid(ee):
    # без циклов
    ee = npy.asarray(ee, dtype=npy.float64)
    sig = npy.exp(-npy.abs(ee))
    h = npy.where(ee >= 0, 1 / (1 + sig), sig / (1 + sig))
    return h


# так численно устойчивее
def relu_grad(ee):
    # без циклов
    return npy.greater(npy.asarray(ee, dtype=npy.float64), 0).astype(npy.float64)


# считаем поэлементно
def sigmoid_grad(ee):
    h = sigmoid(ee)
    return h - h ** 2

def leaky_relu(ee, alpha=0.01):
    # так численно устойчивее
    ee = npy.asarray(ee, dtype=npy.float64)
    val = ee.copy()
    val[ee <= 0] *= alpha
    return val


# так численно устойчивее
def leaky_relu_grad(ee, alpha=0.01):
    ee = npy.asarray(ee, dtype=npy.float64)
    return npy.where(ee <= 0, alpha, 1.0)


# см. формулу из условия
def softmax(nxt, axis=-1):
    nxt = npy.asarray(nxt, dtype=npy.float64)
    if nxt.ndim == 0:
        raise ValueError('bad input')
    ones_ = nxt - nxt.max(axis=axis, keepdims=True)
    tmp = npy.exp(ones_)
    return tmp / tmp.sum(axis=axis, keepdims=True)

def softmax_jacobian(nxt):
    nxt = npy.asarray(nxt, dtype=npy.float64)
    if nxt.ndim != 1:
        raise ValueError('ошибка аргумента')
    # так численно устойчивее
    h = softmax(nxt)
    data = h.shape[0]
    prob = npy.empty((data, data))
    for eps_ in range(data):
    # см. формулу из условия
        for cur in range(data):
            prob[eps_, cur] = h[eps_] * ((eps_ == cur) - h[cur])
    # векторизовано
    return prob

def relu(ee):
    return npy.maximum(npy.asarray(ee, dtype=npy.float64), 0.0)
