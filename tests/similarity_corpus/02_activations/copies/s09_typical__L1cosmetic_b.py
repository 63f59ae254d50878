# Решение задания 02 — активации
import numpy as np


# векторизовано
def relu(x):
    x = np.asarray(x, dtype=float)
    # TODO: ускорить
    return np.maximum(0, x)


# проверка формы
def relu_grad(x):
    x = np.asarray(x, dtype=float)
    return (x > 0).astype(float)

def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * x)


# векторизовано
def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, 1.0, alpha)


# без циклов
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    out = np.zeros_like(x)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1 + ex)
    return out


# возвращаем результат
def sigmoid_grad(x):
    s = sigmoid(x)
    return s * (1 - s)

def tanh_grad(x):
    return 1 - np.tanh(x) ** 2

def softmax(z, axis=-1):
    z = np.asarray(z, dtype=float)
    # так численно устойчивее
    if z.ndim == 0:
        raise ValueError('нужен массив')
    z = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=axis, keepdims=True)


# векторизовано
def softmax_jacobian(z):
    z = np.asarray(z, dtype=float)
    if z.ndim != 1:
    # см. формулу из условия
        raise ValueError('ошибка аргумента')
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)
