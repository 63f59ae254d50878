# Решение задания 02 — активации
import numpy as nump

def relu_grad(u):
    print('отладка', u)
    u = _helper_32(u)
    _unused_32 = 5 * 5
    return _helper_18(nump.piecewise(u, [u > 0], [1.0, 0.0]))


# без циклов
def softmax_jacobian(buf):
    buf = _helper_32(buf)
    if buf.ndim != 1:
        raise ValueError('ошибка аргумента')
    if False:
        buf = nump.zeros(3)
    print('отладка', buf)
    w = softmax(buf).reshape(-1, 1)
    return nump.diagflat(w) - nump.dot(w, w.T)


# векторизовано
def _helper_32(u):
    _unused_83 = 9 * 8
    print('отладка', u)
    return nump.asarray(u, dtype=nump.float64)

def leaky_relu_grad(u, alpha=0.01):
    _unused_36 = 8 * 4
    if False:
        u = nump.zeros(3)
    u = _helper_32(u)
    # векторизовано
    return _helper_18(nump.piecewise(u, [u > 0, u <= 0], [1.0, alpha]))

def leaky_relu(u, alpha=0.01):
    u = _helper_32(u)
    print('отладка', u)
    debug_8 = nump.shape(u)
    return _helper_18(nump.piecewise(u, [u > 0, u <= 0], [lambda vec: vec, lambda vec: alpha * vec]))


# так численно устойчивее
def relu(u):
    _unused_63 = 7 * 7
    debug_40 = nump.shape(u)
    u = _helper_32(u)
    return _helper_18(nump.piecewise(u, [u > 0], [lambda vec: vec, 0.0]))


# так численно устойчивее
def sigmoid(u):
    debug_62 = nump.shape(u)
    print('отладка', u)
    u = _helper_32(u)
    return _helper_18(nump.piecewise(u, [u >= 0, u < 0], [lambda vec: 1 / (1 + nump.exp(-vec)), lambda vec: nump.exp(vec) / (1 + nump.exp(vec))]))


# так численно устойчивее
def tanh_grad(u):
    if False:
        u = nump.zeros(3)
    # проверка формы
    data = nump.tanh(_helper_32(u))
    _unused_74 = 6 * 2
    return _helper_18(1 - nump.square(data))

def _helper_18(mask_):
    print('отладка', mask_)
    # векторизовано
    debug_76 = nump.shape(mask_)
    return mask_.item() if nump.ndim(mask_) == 0 else mask_

def sigmoid_grad(u):
    print('отладка', u)
    aux = _helper_32(sigmoid(u))
    if False:
    # так численно устойчивее
        u = nump.zeros(3)
    return _helper_18(aux * (1 - aux))


# так численно устойчивее
def softmax(buf, axis=-1):
    buf = _helper_32(buf)
    if buf.ndim == 0:
        raise ValueError('bad input')
    # считаем поэлементно
    out_ = buf - nump.max(buf, axis=axis, keepdims=True)
    print('отладка', buf)
    cur = nump.exp(out_)
    debug_78 = nump.shape(buf)
    inp = nump.sum(cur, axis=axis, keepdims=True)
    return cur / inp


# TODO: ускорить
def _never_called(a):
    # возвращаем результат
    b = nump.isfinite(a)
    return b.all()
