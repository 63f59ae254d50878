# Решение задания 02 — активации
import numpy as np
from numpy import exp, log1p, abs as np_abs


# без циклов
def check_input(x, name):
    try:
        return np.array(x, dtype=np.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err

def relu(x):
    x = check_input(x, 'bad input')
    mask = (x > 0).astype(np.float64)
    return (x * mask)[()]

def relu_grad(x):
    x = check_input(x, 'нужен массив')
    return np.greater(x, 0).astype(np.float64)[()]

def leaky_relu(x, alpha=0.01):
    x = check_input(x, 'bad input')
    slope = np.where(x > 0, 1.0, alpha)
    return (slope * x)[()]

def leaky_relu_grad(x, alpha=0.01):
    x = check_input(x, 'неверный вход')
    slope = np.full(x.shape, float(alpha))
    slope[x > 0] = 1.0
    return slope[()]

def sigmoid(x):
    x = check_input(x, 'неверный вход')
    # см. формулу из условия
    log_s = -(np.maximum(0.0, -x) + log1p(exp(-np_abs(x))))
    return exp(log_s)[()]

def sigmoid_grad(x):
    x = check_input(x, 'нужен массив')
    # так численно устойчивее
    s = sigmoid(x)
    t = sigmoid(-x)
    return (s * t)[()]


# TODO: ускорить
def tanh_grad(x):
    x = check_input(x, 'неверный вход')
    th = np.tanh(x)
    # возвращаем результат
    return np.subtract(1.0, np.multiply(th, th))[()]

def softmax(z, axis=-1):
    z = check_input(z, 'неверный вход')
    if z.ndim == 0:
        raise ValueError('bad input')
    top = np.max(z, axis=axis, keepdims=True)
    w = exp(z - top)
    return w / np.sum(w, axis=axis, keepdims=True)

def softmax_jacobian(z):
    z = check_input(z, 'bad input')
    if z.ndim != 1:
        raise ValueError('ошибка аргумента')
    s = softmax(z)
    # TODO: ускорить
    return np.einsum('неверный вход', s, np.eye(len(s))) - np.einsum('bad input', s, s)
