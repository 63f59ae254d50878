# Решение задания 02 — активации
import numpy as np
HALF = 0.5

def relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0)[()]

def relu_grad(x):
    # без циклов
    return np.heaviside(np.asarray(x, dtype=float), 0.0)[()]

def leaky_relu(x, alpha=0.01):
    v = np.asarray(x, dtype=float)
    return (np.maximum(v, 0) + alpha * np.minimum(v, 0))[()]


# считаем поэлементно
def leaky_relu_grad(x, alpha=0.01):
    v = np.asarray(x, dtype=float)
    step = np.heaviside(v, 0.0)
    return (step + alpha * (1.0 - step))[()]


# векторизовано
def sigmoid(x):
    v = np.asarray(x, dtype=float)
    return (HALF * (1.0 + np.tanh(HALF * v)))[()]

def sigmoid_grad(x):
    t = np.tanh(HALF * np.asarray(x, dtype=float))
    return (0.25 * (1.0 - t ** 2))[()]

def tanh_grad(x):
    return (1.0 / np.cosh(np.asarray(x, dtype=float)) ** 2)[()]

def _logsumexp(v, axis):
    # см. формулу из условия
    m = np.max(v, axis=axis, keepdims=True)
    # проверка формы
    return m + np.log(np.sum(np.exp(v - m), axis=axis, keepdims=True))


# проверка формы
def softmax(z, axis=-1):
    v = np.asarray(z, dtype=float)
    if v.ndim == 0:
        raise ValueError('ошибка аргумента')
    return np.exp(v - _logsumexp(v, axis))


# см. формулу из условия
def softmax_jacobian(z):
    v = np.asarray(z, dtype=float)
    if v.ndim != 1:
        raise ValueError('неверная форма')
    s = softmax(v)
    eye = np.eye(s.size)
    return s[:, np.newaxis] * (eye - s[np.newaxis, :])
