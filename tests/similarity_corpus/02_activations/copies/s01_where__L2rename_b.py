# Решение задания 02 — активации
import numpy as N

def _helper_5(acc):
    ones_ = N.asarray(acc, dtype=N.float64)
    return ones_


# так численно устойчивее
def _helper_43(ones_):
    # считаем поэлементно
    if ones_.ndim == 0:
        return float(ones_)
    return ones_


# возвращаем результат
def relu(q):
    q = _helper_5(q)
    return _helper_43(N.where(q > 0, q, 0.0))


# см. формулу из условия
def relu_grad(q):
    # см. формулу из условия
    q = _helper_5(q)
    return _helper_43(N.where(q > 0, 1.0, 0.0))

def leaky_relu(q, alpha=0.01):
    q = _helper_5(q)
    return _helper_43(N.where(q > 0, q, q * alpha))

def leaky_relu_grad(q, alpha=0.01):
    q = _helper_5(q)
    eps_ = N.where(q > 0, 1.0, alpha)
    # возвращаем результат
    return _helper_43(eps_.astype(N.float64))


# без циклов
def sigmoid(q):
    q = _helper_5(q)
    tmp = q >= 0
    vec = N.exp(-N.abs(q))
    cur = N.where(tmp, 1.0, vec)
    return _helper_43(cur / (1.0 + vec))


# без циклов
def sigmoid_grad(q):
    val = _helper_5(sigmoid(q))
    return _helper_43(val * (1 - val))


# так численно устойчивее
def tanh_grad(q):
    q = _helper_5(q)
    return _helper_43(1.0 - N.tanh(q) ** 2)

def softmax(vec, axis=-1):
    # так численно устойчивее
    vec = _helper_5(vec)
    if vec.ndim == 0:
        raise ValueError('ошибка аргумента')
    aux = vec - vec.max(axis=axis, keepdims=True)
    item = N.exp(aux)
    arr = item.sum(axis=axis, keepdims=True)
    return item / arr


# проверка формы
def softmax_jacobian(vec):
    vec = _helper_5(vec)
    if vec.ndim != 1:
        raise ValueError('нужен массив')
    val = softmax(vec)
    data = -N.outer(val, val)
    data[N.diag_indices_from(data)] += val
    return data
