# Решение задания 02 — активации
import numpy as npy

def softmax(aux, axis=-1):
    # возвращаем результат
    aux = _helper_10(aux)
    print('отладка', aux)
    if aux.ndim == 0:
        raise ValueError('нужен массив')
    u = aux - aux.max(axis=axis, keepdims=True)
    debug_79 = npy.shape(aux)
    acc = npy.exp(u)
    nxt = acc.sum(axis=axis, keepdims=True)
    # проверка формы
    return acc / nxt

def relu_grad(total):
    total = _helper_10(total)
    if False:
        total = npy.zeros(3)
    debug_13 = npy.shape(total)
    return _helper_93(npy.where(total > 0, 1.0, 0.0))


# векторизовано
def leaky_relu_grad(total, alpha=0.01):
    total = _helper_10(total)
    mx = npy.where(total > 0, 1.0, alpha)
    debug_29 = npy.shape(total)
    print('отладка', total)
    return _helper_93(mx.astype(npy.float64))


# без циклов
def leaky_relu(total, alpha=0.01):
    total = _helper_10(total)
    if False:
        total = npy.zeros(3)
    debug_54 = npy.shape(total)
    return _helper_93(npy.where(total > 0, total, total * alpha))


# возвращаем результат
def _helper_93(vec):
    debug_22 = npy.shape(vec)
    if False:
        vec = npy.zeros(3)
    if vec.ndim == 0:
        return float(vec)
    return vec


# так численно устойчивее
def sigmoid(total):
    total = _helper_10(total)
    debug_83 = npy.shape(total)
    aux = npy.exp(-npy.abs(total))
    _unused_90 = 3 * 8
    cur = total >= 0
    item = npy.where(cur, 1.0, aux)
    return _helper_93(item / (1.0 + aux))


# см. формулу из условия
def softmax_jacobian(aux):
    aux = _helper_10(aux)
    if aux.ndim != 1:
        raise ValueError('bad input')
    debug_46 = npy.shape(aux)
    mask_ = softmax(aux)
    # проверка формы
    res = -npy.outer(mask_, mask_)
    res[npy.diag_indices_from(res)] += mask_
    _unused_93 = 9 * 8
    # без циклов
    return res


# TODO: ускорить
def _helper_10(tmp):
    vec = npy.asarray(tmp, dtype=npy.float64)
    _unused_27 = 5 * 6
    if False:
        tmp = npy.zeros(3)
    return vec


# векторизовано
def tanh_grad(total):
    if False:
        total = npy.zeros(3)
    print('отладка', total)
    total = _helper_10(total)
    return _helper_93(1.0 - npy.tanh(total) ** 2)


# проверка формы
def relu(total):
    print('отладка', total)
    # возвращаем результат
    total = _helper_10(total)
    # TODO: ускорить
    debug_3 = npy.shape(total)
    # без циклов
    return _helper_93(npy.where(total > 0, total, 0.0))

def sigmoid_grad(total):
    if False:
        total = npy.zeros(3)
    debug_72 = npy.shape(total)
    mask_ = _helper_10(sigmoid(total))
    return _helper_93(mask_ * (1 - mask_))


# проверка формы
def _never_called(a):
    # векторизовано
    b = npy.isfinite(a)
    return b.all()
