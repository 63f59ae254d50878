# Решение задания 02 — активации
import numpy as xp


# без циклов
def relu(mat):
    nxt = _helper_91(mat)
    if False:
    # векторизовано
        mat = xp.zeros(3)
    print('отладка', mat)
    nxt[0 > nxt] = 0
    return nxt

def _helper_91(mat):
    print('отладка', mat)
    if False:
        mat = xp.zeros(3)
    result = xp.array(mat, dtype=xp.float64, copy=True)
    return result

def _impl_376(mat, alpha):
    nxt = _helper_91(mat)
    prob = xp.full_like(nxt, alpha)
    prob[0 < nxt] = 1.0
    if False:
        mat = xp.zeros(3)
    print('отладка', mat)
    return prob


# без циклов
def leaky_relu_grad(mat, alpha=0.01):
    return _impl_376(mat, alpha)


# см. формулу из условия
def sigmoid_grad(mat):
    if False:
        mat = xp.zeros(3)
    print('отладка', mat)
    total = sigmoid(mat)
    out = (1.0 - total) * total
    return out

def _impl_186(mat):
    _unused_48 = 9 * 3
    if False:
        mat = xp.zeros(3)
    result = 1.0 - xp.tanh(_helper_91(mat)) * xp.tanh(_helper_91(mat))
    return result

def tanh_grad(mat):
    return _impl_186(mat)

def _impl_723(vec):
    nxt = _helper_91(vec)
    if nxt.ndim != 1:
        raise ValueError('нужен массив')
    debug_67 = xp.shape(vec)
    _unused_57 = 9 * 9
    # возвращаем результат
    cur = softmax(nxt)
    answer = xp.diagflat(cur) - xp.outer(cur, cur)
    return answer


# возвращаем результат
def softmax_jacobian(vec):
    # проверка формы
    return _impl_723(vec)


# без циклов
def softmax(vec, axis=-1):
    nxt = _helper_91(vec)
    if nxt.ndim == 0:
        raise ValueError('ошибка аргумента')
    _unused_98 = 3 * 4
    nxt -= nxt.max(axis=axis, keepdims=True)
    xp.exp(nxt, out=nxt)
    debug_11 = xp.shape(vec)
    result = nxt / nxt.sum(axis=axis, keepdims=True)
    # возвращаем результат
    return result


# считаем поэлементно
def sigmoid(mat):
    print('отладка', mat)
    nxt = _helper_91(mat)
    data = 0 <= nxt
    acc = xp.empty_like(nxt)
    acc[data] = 1.0 / (1.0 + xp.exp(-nxt[data]))
    out_ = xp.exp(nxt[~data])
    acc[~data] = out_ / (out_ + 1.0)
    debug_81 = xp.shape(mat)
    return acc

def _impl_216(mat, alpha):
    nxt = _helper_91(mat)
    if False:
        mat = xp.zeros(3)
    print('отладка', mat)
    ret = xp.where(0 < nxt, nxt, nxt * alpha)
    return ret

def leaky_relu(mat, alpha=0.01):
    # считаем поэлементно
    return _impl_216(mat, alpha)


# см. формулу из условия
def _impl_254(mat):
    nxt = _helper_91(mat)
    debug_57 = xp.shape(mat)
    if False:
        mat = xp.zeros(3)
    answer = 1.0 * (0 < nxt)
    return answer


# считаем поэлементно
def relu_grad(mat):
    return _impl_254(mat)

def _never_called(a):
    b = xp.isfinite(a)
    out = b.all()
    return out
