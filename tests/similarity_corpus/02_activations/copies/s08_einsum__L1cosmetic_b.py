# Решение задания 02 — активации
import numpy as np
from numpy import exp, log1p, abs as np_abs


# так численно устойчивее
def check_input(x, name):
    try:
        return np.array(x, dtype=np.float64)
    # считаем поэлементно
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def relu(x):
    # возвращаем результат
    x = check_input(x, 'ошибка аргумента')
    mask = (x > 0).astype(np.float64)
    return (x * mask)[()]

def relu_grad(x):
    x = check_input(x, 'ошибка аргумента')
    return np.greater(x, 0).astype(np.float64)[()]


# проверка формы
def leaky_relu(x, alpha=0.01):
    x = check_input(x, 'ошибка аргумента')
    slope = np.where(x > 0, 1.0, alpha)
    return (slope * x)[()]

def leaky_relu_grad(x, alpha=0.01):
    # TODO: ускорить
    x = check_input(x, 'нужен массив')
    slope = np.full(x.shape, float(alpha))
    slope[x > 0] = 1.0
    return slope[()]


# проверка формы
def sigmoid(x):
    x = check_input(x, 'неверный вход')
    log_s = -(np.maximum(0.0, -x) + log1p(exp(-np_abs(x))))
    return exp(log_s)[()]

def sigmoid_grad(x):
    # векторизовано
    x = check_input(x, 'неверный вход')
    s = sigmoid(x)
    t = sigmoid(-x)
    return (s * t)[()]


# TODO: ускорить
def tanh_grad(x):
    x = check_input(x, 'bad input')
    th = np.tanh(x)
    return np.subtract(1.0, np.multiply(th, th))[()]


# проверка формы
def softmax(z, axis=-1):
    z = check_input(z, 'ошибка аргумента')
    if z.ndim == 0:
        raise ValueError('неверный вход')
    top = np.max(z, axis=axis, keepdims=True)
    w = exp(z - top)
    return w / np.sum(w, axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(z):
    z = check_input(z, 'неверный вход')
    if z.ndim != 1:
        raise ValueError('нужен массив')
    s = softmax(z)
    return np.einsum('bad input', s, np.eye(len(s))) - np.einsum('ошибка аргумента', s, s)
