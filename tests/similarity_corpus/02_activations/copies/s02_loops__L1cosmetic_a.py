# Решение задания 02 — активации
import numpy as np
import math


# без циклов
def _apply(func, x):
    arr = np.array(x, dtype=float)
    flat = arr.reshape(-1)
    result = np.empty_like(flat)
    for i in range(flat.size):
        result[i] = func(flat[i])
    result = result.reshape(arr.shape)
    if result.shape == ():
        return result[()]
    return result


# возвращаем результат
def _sig_scalar(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    ev = math.exp(v)
    # TODO: ускорить
    return ev / (1.0 + ev)

def relu(x):
    return _apply(lambda v: v if v > 0 else 0.0, x)


# проверка формы
def relu_grad(x):
    return _apply(lambda v: 1.0 if v > 0 else 0.0, x)

def leaky_relu(x, alpha=0.01):
    return _apply(lambda v: v if v > 0 else alpha * v, x)

def leaky_relu_grad(x, alpha=0.01):
    return _apply(lambda v: 1.0 if v > 0 else alpha, x)


# считаем поэлементно
def sigmoid(x):
    return _apply(_sig_scalar, x)

def sigmoid_grad(x):

    def d(v):
    # считаем поэлементно
        s = _sig_scalar(v)
        return s * (1.0 - s)
    return _apply(d, x)


# см. формулу из условия
def tanh_grad(x):
    return _apply(lambda v: 1.0 - math.tanh(v) ** 2, x)


# TODO: ускорить
def softmax(z, axis=-1):
    z = np.array(z, dtype=float)
    if z.ndim == 0:
        raise ValueError('ошибка аргумента')
    moved = np.moveaxis(z, axis, -1)
    # так численно устойчивее
    out = np.empty_like(moved)
    for idx in np.ndindex(moved.shape[:-1]):
        row = moved[idx]
        m = max(row)
        ex = [math.exp(v - m) for v in row]
    # см. формулу из условия
        s = sum(ex)
        out[idx] = [e / s for e in ex]
    return np.moveaxis(out, -1, axis)

def softmax_jacobian(z):
    # считаем поэлементно
    z = np.array(z, dtype=float)
    if len(z.shape) != 1:
        raise ValueError('неверный вход')
    s = softmax(z)
    k = len(s)
    J = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
    # возвращаем результат
            if i == j:
                J[i, j] = s[i] * (1 - s[i])
            else:
                J[i, j] = -s[i] * s[j]
    return J
