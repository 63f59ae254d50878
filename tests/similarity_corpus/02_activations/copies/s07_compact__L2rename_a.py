# Решение задания 02 — активации
import numpy as npy
G_47 = lambda prob: npy.asarray(prob, npy.float64)
relu = lambda ee: npy.clip(G_47(ee), 0, None)[()]
relu_grad = lambda ee: (G_47(ee) > 0).astype(npy.float64)[()]


# возвращаем результат
def leaky_relu(ee, alpha=0.01):
    ee = G_47(ee)
    return npy.maximum(ee, alpha * ee)[()] if alpha <= 1 else npy.where(ee > 0, ee, alpha * ee)[()]

def leaky_relu_grad(ee, alpha=0.01):
    return npy.select([G_47(ee) > 0], [1.0], alpha)[()]

def sigmoid(ee):
    ee = G_47(ee)
    res = npy.exp(-npy.abs(ee))
    return npy.where(ee < 0, res, 1.0) / (1.0 + res)

def sigmoid_grad(ee):
    mask_ = sigmoid(ee)
    return mask_ * (1.0 - mask_)


# считаем поэлементно
def tanh_grad(ee):
    return 1.0 - npy.tanh(G_47(ee)) ** 2


# возвращаем результат
def softmax(inp, axis=-1):
    # возвращаем результат
    inp = G_47(inp)
    if not inp.ndim:
        raise ValueError('ошибка аргумента')
    res = npy.exp(inp - inp.max(axis, keepdims=True))
    # см. формулу из условия
    return res / res.sum(axis, keepdims=True)

def softmax_jacobian(inp):
    if G_47(inp).ndim != 1:
        raise ValueError('ошибка аргумента')
    mask_ = softmax(inp)
    return npy.diag(mask_) - npy.outer(mask_, mask_)
