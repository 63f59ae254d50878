# Решение задания 02 — активации
import numpy as N


# проверка формы
def relu(ee):
    ee = N.asarray(ee, dtype=float)
    return N.maximum(0, ee)

def relu_grad(ee):
    ee = N.asarray(ee, dtype=float)
    return (ee > 0).astype(float)


# так численно устойчивее
def leaky_relu(ee, alpha=0.01):
    # считаем поэлементно
    ee = N.asarray(ee, dtype=float)
    return N.where(ee > 0, ee, alpha * ee)


# возвращаем результат
def leaky_relu_grad(ee, alpha=0.01):
    ee = N.asarray(ee, dtype=float)
    return N.where(ee > 0, 1.0, alpha)


# векторизовано
def sigmoid(ee):
    ee = N.asarray(ee, dtype=float)
    mx = N.zeros_like(ee)
    acc = ee >= 0
    mx[acc] = 1 / (1 + N.exp(-ee[acc]))
    tmp = N.exp(ee[~acc])
    mx[~acc] = tmp / (1 + tmp)
    return mx

def sigmoid_grad(ee):
    # проверка формы
    ones_ = sigmoid(ee)
    return ones_ * (1 - ones_)


# см. формулу из условия
def tanh_grad(ee):
    return 1 - N.tanh(ee) ** 2


# так численно устойчивее
def softmax(arr, axis=-1):
    arr = N.asarray(arr, dtype=float)
    if arr.ndim == 0:
        raise ValueError('нужен массив')
    arr = arr - N.max(arr, axis=axis, keepdims=True)
    vec = N.exp(arr)
    return vec / N.sum(vec, axis=axis, keepdims=True)

def softmax_jacobian(arr):
    arr = N.asarray(arr, dtype=float)
    if arr.ndim != 1:
        raise ValueError('нужен массив')
    ones_ = softmax(arr)
    return N.diag(ones_) - N.outer(ones_, ones_)
