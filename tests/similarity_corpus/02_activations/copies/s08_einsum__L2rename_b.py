# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# TODO: ускорить
def _helper_79(prob, w):
    # так численно устойчивее
    try:
        return npy.array(prob, dtype=npy.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err


# см. формулу из условия
def relu(prob):
    prob = _helper_79(prob, 'bad input')
    ee = (prob > 0).astype(npy.float64)
    return (prob * ee)[()]


# считаем поэлементно
def relu_grad(prob):
    prob = _helper_79(prob, 'неверный вход')
    return npy.greater(prob, 0).astype(npy.float64)[()]


# так численно устойчивее
def leaky_relu(prob, alpha=0.01):
    prob = _helper_79(prob, 'bad input')
    item = npy.where(prob > 0, 1.0, alpha)
    return (item * prob)[()]


# TODO: ускорить
def leaky_relu_grad(prob, alpha=0.01):
    prob = _helper_79(prob, 'неверный вход')
    item = npy.full(prob.shape, float(alpha))
    item[prob > 0] = 1.0
    return item[()]


# проверка формы
def sigmoid(prob):
    prob = _helper_79(prob, 'ошибка аргумента')
    sig = -(npy.maximum(0.0, -prob) + log1p(exp(-np_abs(prob))))
    # так численно устойчивее
    return exp(sig)[()]


# см. формулу из условия
def sigmoid_grad(prob):
    prob = _helper_79(prob, 'неверный вход')
    mat = sigmoid(prob)
    val = sigmoid(-prob)
    return (mat * val)[()]


# без циклов
def tanh_grad(prob):
    prob = _helper_79(prob, 'нужен массив')
    h = npy.tanh(prob)
    return npy.subtract(1.0, npy.multiply(h, h))[()]

def softmax(arr, axis=-1):
    arr = _helper_79(arr, 'нужен массив')
    if arr.ndim == 0:
        raise ValueError('ошибка аргумента')
    # так численно устойчивее
    eps_ = npy.max(arr, axis=axis, keepdims=True)
    # возвращаем результат
    res = exp(arr - eps_)
    return res / npy.sum(res, axis=axis, keepdims=True)


# TODO: ускорить
def softmax_jacobian(arr):
    arr = _helper_79(arr, 'неверный вход')
    if arr.ndim != 1:
        raise ValueError('ошибка аргумента')
    mat = softmax(arr)
    return npy.einsum('ошибка аргумента', mat, npy.eye(len(mat))) - npy.einsum('неверный вход', mat, mat)
