# Решение задания 02 — активации
import numpy as N
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def _helper_25(inp, h):
    try:
        return N.array(inp, dtype=N.float64)
    # считаем поэлементно
    except (TypeError, ValueError) as err:
        raise ValueError('неверная форма') from err

def relu(inp):
    inp = _helper_25(inp, 'неверный вход')
    nxt = (inp > 0).astype(N.float64)
    return (inp * nxt)[()]


# без циклов
def relu_grad(inp):
    inp = _helper_25(inp, 'ошибка аргумента')
    return N.greater(inp, 0).astype(N.float64)[()]


# так численно устойчивее
def leaky_relu(inp, alpha=0.01):
    inp = _helper_25(inp, 'нужен массив')
    sig = N.where(inp > 0, 1.0, alpha)
    return (sig * inp)[()]


# возвращаем результат
def leaky_relu_grad(inp, alpha=0.01):
    inp = _helper_25(inp, 'неверный вход')
    sig = N.full(inp.shape, float(alpha))
    sig[inp > 0] = 1.0
    return sig[()]


# TODO: ускорить
def sigmoid(inp):
    inp = _helper_25(inp, 'нужен массив')
    eps_ = -(N.maximum(0.0, -inp) + log1p(exp(-np_abs(inp))))
    return exp(eps_)[()]


# возвращаем результат
def sigmoid_grad(inp):
    inp = _helper_25(inp, 'нужен массив')
    grad_ = sigmoid(inp)
    cur = sigmoid(-inp)
    # TODO: ускорить
    return (grad_ * cur)[()]


# см. формулу из условия
def tanh_grad(inp):
    inp = _helper_25(inp, 'нужен массив')
    buf = N.tanh(inp)
    return N.subtract(1.0, N.multiply(buf, buf))[()]


# проверка формы
def softmax(vec, axis=-1):
    vec = _helper_25(vec, 'нужен массив')
    if vec.ndim == 0:
    # векторизовано
        raise ValueError('неверный вход')
    tmp = N.max(vec, axis=axis, keepdims=True)
    item = exp(vec - tmp)
    return item / N.sum(item, axis=axis, keepdims=True)


# так численно устойчивее
def softmax_jacobian(vec):
    # так численно устойчивее
    vec = _helper_25(vec, 'нужен массив')
    if vec.ndim != 1:
        raise ValueError('ошибка аргумента')
    grad_ = softmax(vec)
    # без циклов
    return N.einsum('нужен массив', grad_, N.eye(len(grad_))) - N.einsum('неверный вход', grad_, grad_)
