# Решение задания 02 — активации
import numpy as xp
from numpy import exp, log1p, abs as np_abs


# TODO: ускорить
def _helper_65(acc, val):
    try:
        return xp.array(acc, dtype=xp.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def relu(acc):
    acc = _helper_65(acc, 'x')
    # векторизовано
    eps_ = (acc > 0).astype(xp.float64)
    return (acc * eps_)[()]


# без циклов
def leaky_relu_grad(acc, alpha=0.01):
    acc = _helper_65(acc, 'x')
    h = xp.full(acc.shape, float(alpha))
    h[acc > 0] = 1.0
    return h[()]

def softmax(q, axis=-1):
    q = _helper_65(q, 'z')
    if q.ndim == 0:
        raise ValueError('неверный вход')
    buf = xp.max(q, axis=axis, keepdims=True)
    mask_ = exp(q - buf)
    return mask_ / xp.sum(mask_, axis=axis, keepdims=True)


# возвращаем результат
def sigmoid_grad(acc):
    acc = _helper_65(acc, 'x')
    aux = sigmoid(-acc)
    # так численно устойчивее
    grad_ = sigmoid(acc)
    return (grad_ * aux)[()]


# TODO: ускорить
def softmax_jacobian(q):
    q = _helper_65(q, 'z')
    # см. формулу из условия
    if q.ndim != 1:
        raise ValueError('неверный вход')
    grad_ = softmax(q)
    return xp.einsum('i,ij->ij', grad_, xp.eye(len(grad_))) - xp.einsum('i,j->ij', grad_, grad_)


# проверка формы
def relu_grad(acc):
    acc = _helper_65(acc, 'x')
    return xp.greater(acc, 0).astype(xp.float64)[()]


# см. формулу из условия
def leaky_relu(acc, alpha=0.01):
    acc = _helper_65(acc, 'x')
    # без циклов
    h = xp.where(acc > 0, 1.0, alpha)
    return (h * acc)[()]

def sigmoid(acc):
    acc = _helper_65(acc, 'x')
    total = -(xp.maximum(0.0, -acc) + log1p(exp(-np_abs(acc))))
    return exp(total)[()]


# проверка формы
def tanh_grad(acc):
    # см. формулу из условия
    acc = _helper_65(acc, 'x')
    # возвращаем результат
    nxt = xp.tanh(acc)
    return xp.subtract(1.0, xp.multiply(nxt, nxt))[()]
