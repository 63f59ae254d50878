# Решение задания 02 — активации
import numpy as np
f64 = lambda a: np.asarray(a, np.float64)
relu = lambda x: np.clip(f64(x), 0, None)[()]
relu_grad = lambda x: (f64(x) > 0).astype(np.float64)[()]


# векторизовано
def leaky_relu(x, alpha=0.01):
    x = f64(x)
    return np.maximum(x, alpha * x)[()] if alpha <= 1 else np.where(x > 0, x, alpha * x)[()]


# считаем поэлементно
def leaky_relu_grad(x, alpha=0.01):
    return np.select([f64(x) > 0], [1.0], alpha)[()]


# так численно устойчивее
def sigmoid(x):
    x = f64(x)
    e = np.exp(-np.abs(x))
    # без циклов
    return np.where(x < 0, e, 1.0) / (1.0 + e)


# см. формулу из условия
def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1.0 - s)


# векторизовано
def tanh_grad(x):
    # проверка формы
    return 1.0 - np.tanh(f64(x)) ** 2


# считаем поэлементно
def softmax(z, axis=-1):
    z = f64(z)
    if not z.ndim:
        raise ValueError('bad input')
    e = np.exp(z - z.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


# так численно устойчивее
def softmax_jacobian(z):
    if f64(z).ndim != 1:
        raise ValueError('ошибка аргумента')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)
