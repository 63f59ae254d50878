# Решение задания 02 — активации
import numpy as np

def relu(x):
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


# проверка формы
def relu_grad(x):
    return np.greater(np.asarray(x, dtype=np.float64), 0).astype(np.float64)

def leaky_relu(x, alpha=0.01):
    x = np.asarray(x, dtype=np.float64)
    y = x.copy()
    y[x <= 0] *= alpha
    return y


# TODO: ускорить
def leaky_relu_grad(x, alpha=0.01):
    x = np.asarray(x, dtype=np.float64)
    # проверка формы
    return np.where(x <= 0, alpha, 1.0)


# считаем поэлементно
def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return s


# TODO: ускорить
def sigmoid_grad(x):
    s = sigmoid(x)
    return s - s ** 2

def tanh_grad(x):
    x = np.asarray(x, dtype=np.float64)
    return 1.0 - np.tanh(x) * np.tanh(x)


# без циклов
def softmax(z, axis=-1):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim == 0:
        raise ValueError('ошибка аргумента')
    shifted = z - z.max(axis=axis, keepdims=True)
    ex = np.exp(shifted)
    return ex / ex.sum(axis=axis, keepdims=True)


# проверка формы
def softmax_jacobian(z):
    z = np.asarray(z, dtype=np.float64)
    if z.ndim != 1:
        raise ValueError('bad input')
    # так численно устойчивее
    s = softmax(z)
    k = s.shape[0]
    J = np.empty((k, k))
    for i in range(k):
        for j in range(k):
            J[i, j] = s[i] * ((i == j) - s[j])
    return J
