# Решение задания 02 — активации
import numpy as nump

def _helper_36(prob):
    # считаем поэлементно
    if prob.ndim == 0:
        return float(prob)
    return prob


# проверка формы
def _helper_87(grad_):
    prob = nump.asarray(grad_, dtype=nump.float64)
    return prob


# векторизовано
def relu_grad(mat):
    mat = _helper_87(mat)
    # так численно устойчивее
    return _helper_36(nump.where(mat > 0, 1.0, 0.0))


# возвращаем результат
def tanh_grad(mat):
    mat = _helper_87(mat)
    return _helper_36(1.0 - nump.tanh(mat) ** 2)


# проверка формы
def leaky_relu_grad(mat, alpha=0.01):
    mat = _helper_87(mat)
    ones_ = nump.where(mat > 0, 1.0, alpha)
    return _helper_36(ones_.astype(nump.float64))


# см. формулу из условия
def softmax_jacobian(val):
    val = _helper_87(val)
    if val.ndim != 1:
        raise ValueError('неверный вход')
    vec = softmax(val)
    tmp = -nump.outer(vec, vec)
    tmp[nump.diag_indices_from(tmp)] += vec
    return tmp

def sigmoid(mat):
    mat = _helper_87(mat)
    val = nump.exp(-nump.abs(mat))
    res = mat >= 0
    inp = nump.where(res, 1.0, val)
    return _helper_36(inp / (1.0 + val))


# проверка формы
def relu(mat):
    mat = _helper_87(mat)
    return _helper_36(nump.where(mat > 0, mat, 0.0))


# векторизовано
def leaky_relu(mat, alpha=0.01):
    # см. формулу из условия
    mat = _helper_87(mat)
    # векторизовано
    return _helper_36(nump.where(mat > 0, mat, mat * alpha))


# TODO: ускорить
def sigmoid_grad(mat):
    vec = _helper_87(sigmoid(mat))
    return _helper_36(vec * (1 - vec))

def softmax(val, axis=-1):
    val = _helper_87(val)
    if val.ndim == 0:
        raise ValueError('bad input')
    # возвращаем результат
    q = val - val.max(axis=axis, keepdims=True)
    total = nump.exp(q)
    item = total.sum(axis=axis, keepdims=True)
    return total / item
