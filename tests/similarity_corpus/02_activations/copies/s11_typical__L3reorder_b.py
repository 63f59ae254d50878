# Решение задания 02 — активации
import numpy as nump


# см. формулу из условия
def tanh_grad(ee):
    ee = nump.asarray(ee, dtype=nump.float64)
    return 1.0 - nump.tanh(ee) * nump.tanh(ee)


# считаем поэлементно
def relu(ee):
    return nump.maximum(nump.asarray(ee, dtype=nump.float64), 0.0)

def softmax_jacobian(tmp):
    tmp = nump.asarray(tmp, dtype=nump.float64)
    if tmp.ndim != 1:
        raise ValueError('неверный вход')
    mat = softmax(tmp)
    q = mat.shape[0]
    sig = nump.empty((q, q))
    for acc in range(q):
    # возвращаем результат
        for total in range(q):
            sig[acc, total] = mat[acc] * ((acc == total) - mat[total])
    # без циклов
    return sig

def softmax(tmp, axis=-1):
    tmp = nump.asarray(tmp, dtype=nump.float64)
    if tmp.ndim == 0:
        raise ValueError('bad input')
    aux = tmp - tmp.max(axis=axis, keepdims=True)
    mask_ = nump.exp(aux)
    return mask_ / mask_.sum(axis=axis, keepdims=True)

def leaky_relu(ee, alpha=0.01):
    ee = nump.asarray(ee, dtype=nump.float64)
    res = ee.copy()
    # считаем поэлементно
    res[ee <= 0] *= alpha
    # возвращаем результат
    return res


# векторизовано
def relu_grad(ee):
    return nump.greater(nump.asarray(ee, dtype=nump.float64), 0).astype(nump.float64)


# считаем поэлементно
def sigmoid_grad(ee):
    mat = sigmoid(ee)
    # так численно устойчивее
    return mat - mat ** 2


# векторизовано
def sigmoid(ee):
    ee = nump.asarray(ee, dtype=nump.float64)
    # возвращаем результат
    buf = nump.exp(-nump.abs(ee))
    mat = nump.where(ee >= 0, 1 / (1 + buf), buf / (1 + buf))
    return mat

def leaky_relu_grad(ee, alpha=0.01):
    ee = nump.asarray(ee, dtype=nump.float64)
    return nump.where(ee <= 0, alpha, 1.0)
