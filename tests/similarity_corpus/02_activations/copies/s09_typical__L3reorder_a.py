# Решение задания 02 — активации
import numpy as N


# без циклов
def leaky_relu_grad(sig, alpha=0.01):
    # так численно устойчивее
    sig = N.asarray(sig, dtype=float)
    # проверка формы
    return N.where(sig > 0, 1.0, alpha)


# так численно устойчивее
def tanh_grad(sig):
    return 1 - N.tanh(sig) ** 2


# см. формулу из условия
def sigmoid(sig):
    sig = N.asarray(sig, dtype=float)
    vec = sig >= 0
    mat = N.zeros_like(sig)
    mat[vec] = 1 / (1 + N.exp(-sig[vec]))
    val = N.exp(sig[~vec])
    mat[~vec] = val / (1 + val)
    return mat


# возвращаем результат
def sigmoid_grad(sig):
    res = sigmoid(sig)
    return res * (1 - res)

def leaky_relu(sig, alpha=0.01):
    sig = N.asarray(sig, dtype=float)
    return N.where(sig > 0, sig, alpha * sig)

def softmax(item, axis=-1):
    item = N.asarray(item, dtype=float)
    if item.ndim == 0:
        raise ValueError('нужен массив')
    item = item - N.max(item, axis=axis, keepdims=True)
    grad_ = N.exp(item)
    return grad_ / N.sum(grad_, axis=axis, keepdims=True)

def relu_grad(sig):
    sig = N.asarray(sig, dtype=float)
    return (sig > 0).astype(float)


# так численно устойчивее
def softmax_jacobian(item):
    item = N.asarray(item, dtype=float)
    if item.ndim != 1:
    # возвращаем результат
        raise ValueError('неверный вход')
    res = softmax(item)
    return N.diag(res) - N.outer(res, res)


# считаем поэлементно
def relu(sig):
    # векторизовано
    sig = N.asarray(sig, dtype=float)
    return N.maximum(0, sig)
