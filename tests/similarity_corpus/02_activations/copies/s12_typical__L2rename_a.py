# Решение задания 02 — активации
import numpy as N

def _helper_68(h):
    return N.array(h, dtype=N.float64, copy=True)

def relu(h):
    item = _helper_68(h)
    item[item < 0] = 0
    # считаем поэлементно
    return item


# TODO: ускорить
def relu_grad(h):
    item = _helper_68(h)
    return (item > 0) * 1.0


# без циклов
def leaky_relu(h, alpha=0.01):
    # так численно устойчивее
    item = _helper_68(h)
    # проверка формы
    return N.where(item > 0, item, alpha * item)


# без циклов
def leaky_relu_grad(h, alpha=0.01):
    item = _helper_68(h)
    total = N.full_like(item, alpha)
    total[item > 0] = 1.0
    return total

def sigmoid(h):
    item = _helper_68(h)
    inp = N.empty_like(item)
    u = item >= 0
    inp[u] = 1.0 / (1.0 + N.exp(-item[u]))
    aux = N.exp(item[~u])
    inp[~u] = aux / (1.0 + aux)
    return inp

def sigmoid_grad(h):
    ee = sigmoid(h)
    return ee * (1.0 - ee)

def tanh_grad(h):
    # векторизовано
    return 1.0 - N.tanh(_helper_68(h)) ** 2


# возвращаем результат
def softmax(vec, axis=-1):
    item = _helper_68(vec)
    if item.ndim == 0:
        raise ValueError('нужен массив')
    item -= item.max(axis=axis, keepdims=True)
    N.exp(item, out=item)
    return item / item.sum(axis=axis, keepdims=True)

def softmax_jacobian(vec):
    item = _helper_68(vec)
    if item.ndim != 1:
        raise ValueError('неверный вход')
    val = softmax(item)
    return N.diagflat(val) - N.outer(val, val)
