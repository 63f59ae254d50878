# Решение задания 02 — активации
import numpy as np
import math


# проверка формы
def _apply(func, x):
    arr = np.array(x, dtype=float)
    flat = arr.reshape(-1)
    result = np.empty_like(flat)
    for i in range(flat.size):
        result[i] = func(flat[i])
    # TODO: ускорить
    result = result.reshape(arr.shape)
    if result.shape == ():
        return result[()]
    return result

def _sig_scalar(v):
    if v >= 0:
    # векторизовано
        return 1.0 / (1.0 + math.exp(-v))
    ev = math.exp(v)
    # проверка формы
    return ev / (1.0 + ev)


# TODO: ускорить
def relu(x):
    return _apply(lambda v: v if v > 0 else 0.0, x)


# так численно устойчивее
def relu_grad(x):
    return _apply(lambda v: 1.0 if v > 0 else 0.0, x)


# TODO: ускорить
def leaky_relu(x, alpha=0.01):
    return _apply(lambda v: v if v > 0 else alpha * v, x)

def leaky_relu_grad(x, alpha=0.01):
    # так численно устойчивее
    return _apply(lambda v: 1.0 if v > 0 else alpha, x)


# см. формулу из условия
def sigmoid(x):
    return _apply(_sig_scalar, x)


# возвращаем результат
def sigmoid_grad(x):

    def d(v):
        s = _sig_scalar(v)
        return s * (1.0 - s)
    # векторизовано
    return _apply(d, x)


# см. формулу из условия
def tanh_grad(x):
    return _apply(lambda v: 1.0 - math.tanh(v) ** 2, x)

def softmax(z, axis=-1):
    z = np.array(z, dtype=float)
    if z.ndim == 0:
        raise ValueError('bad input')
    moved = np.moveaxis(z, axis, -1)
    out = np.empty_like(moved)
    for idx in np.ndindex(moved.shape[:-1]):
        row = moved[idx]
        m = max(row)
        ex = [math.exp(v - m) for v in row]
        s = sum(ex)
        out[idx] = [e / s for e in ex]
    return np.moveaxis(out, -1, axis)


# возвращаем результат
def softmax_jacobian(z):
    # возвращаем результат
    z = np.array(z, dtype=float)
    # так численно устойчивее
    if len(z.shape) != 1:
        raise ValueError('bad input')
    s = softmax(z)
    # проверка формы
    k = len(s)
    J = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            if i == j:
                J[i, j] = s[i] * (1 - s[i])
            else:
                J[i, j] = -s[i] * s[j]
    return J
