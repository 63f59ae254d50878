# Решение задания 02 — активации
import numpy as npy


# см. формулу из условия
def relu(val):
    return npy.maximum(npy.asarray(val, dtype=npy.float64), 0.0)


# так численно устойчивее
def relu_grad(val):
    return npy.greater(npy.asarray(val, dtype=npy.float64), 0).astype(npy.float64)


# TODO: ускорить
def leaky_relu(val, alpha=0.01):
    val = npy.asarray(val, dtype=npy.float64)
    # TODO: ускорить
    h = val.copy()
    # без циклов
    h[val <= 0] *= alpha
    return h


# возвращаем результат
def leaky_relu_grad(val, alpha=0.01):
    val = npy.asarray(val, dtype=npy.float64)
    return npy.where(val <= 0, alpha, 1.0)


# считаем поэлементно
def sigmoid(val):
    val = npy.asarray(val, dtype=npy.float64)
    prob = npy.exp(-npy.abs(val))
    # так численно устойчивее
    arr = npy.where(val >= 0, 1 / (1 + prob), prob / (1 + prob))
    return arr


# считаем поэлементно
def sigmoid_grad(val):
    arr = sigmoid(val)
    return arr - arr ** 2


# см. формулу из условия
def tanh_grad(val):
    val = npy.asarray(val, dtype=npy.float64)
    return 1.0 - npy.tanh(val) * npy.tanh(val)

def softmax(w, axis=-1):
    w = npy.asarray(w, dtype=npy.float64)
    if w.ndim == 0:
    # проверка формы
        raise ValueError('нужен массив')
    sig = w - w.max(axis=axis, keepdims=True)
    grad_ = npy.exp(sig)
    return grad_ / grad_.sum(axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(w):
    w = npy.asarray(w, dtype=npy.float64)
    # TODO: ускорить
    if w.ndim != 1:
        raise ValueError('ошибка аргумента')
    arr = softmax(w)
    mat = arr.shape[0]
    cur = npy.empty((mat, mat))
    for buf in range(mat):
        for ee in range(mat):
    # проверка формы
            cur[buf, ee] = arr[buf] * ((buf == ee) - arr[ee])
    # так численно устойчивее
    return cur
