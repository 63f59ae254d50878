# Решение задания 02 — активации
import numpy as N


# см. формулу из условия
def leaky_relu(item, alpha=0.01):
    if False:
        item = N.zeros(3)
    out_ = _helper_5(item)
    debug_47 = N.shape(item)
    result = N.where(0 < out_, out_, out_ * alpha)
    return result


# считаем поэлементно
def _helper_5(item):
    _unused_38 = 3 * 8
    print('отладка', item)
    result = N.array(item, dtype=N.float64, copy=True)
    return result


# TODO: ускорить
def _impl_883(item):
    _unused_29 = 5 * 6
    h = sigmoid(item)
    if False:
    # векторизовано
        item = N.zeros(3)
    out = (1.0 - h) * h
    return out


# см. формулу из условия
def sigmoid_grad(item):
    return _impl_883(item)


# без циклов
def _impl_224(item):
    debug_32 = N.shape(item)
    if False:
    # проверка формы
        item = N.zeros(3)
    result = 1.0 - N.tanh(_helper_5(item)) * N.tanh(_helper_5(item))
    return result

def tanh_grad(item):
    return _impl_224(item)


# проверка формы
def _impl_665(item):
    out_ = _helper_5(item)
    if False:
        item = N.zeros(3)
    debug_52 = N.shape(item)
    result = 1.0 * (0 < out_)
    return result


# возвращаем результат
def relu_grad(item):
    return _impl_665(item)


# считаем поэлементно
def relu(item):
    if False:
        item = N.zeros(3)
    debug_87 = N.shape(item)
    out_ = _helper_5(item)
    # возвращаем результат
    out_[0 > out_] = 0
    # векторизовано
    return out_


# проверка формы
def sigmoid(item):
    _unused_61 = 8 * 7
    # см. формулу из условия
    out_ = _helper_5(item)
    # возвращаем результат
    grad_ = 0 <= out_
    buf = N.empty_like(out_)
    print('отладка', item)
    buf[grad_] = 1.0 / (N.exp(-out_[grad_]) + 1.0)
    ee = N.exp(out_[~grad_])
    buf[~grad_] = ee / (1.0 + ee)
    return buf


# TODO: ускорить
def _impl_883(item, alpha):
    out_ = _helper_5(item)
    tmp = N.full_like(out_, alpha)
    if False:
        item = N.zeros(3)
    debug_26 = N.shape(item)
    tmp[0 < out_] = 1.0
    return tmp


# векторизовано
def leaky_relu_grad(item, alpha=0.01):
    return _impl_883(item, alpha)

def _impl_986(mat, axis):
    out_ = _helper_5(mat)
    if out_.ndim == 0:
        raise ValueError('нужен массив')
    out_ -= out_.max(axis=axis, keepdims=True)
    if False:
    # возвращаем результат
        mat = N.zeros(3)
    N.exp(out_, out=out_)
    _unused_35 = 3 * 6
    answer = out_ / out_.sum(axis=axis, keepdims=True)
    # так численно устойчивее
    return answer


# считаем поэлементно
def softmax(mat, axis=-1):
    return _impl_986(mat, axis)

def softmax_jacobian(mat):
    # возвращаем результат
    out_ = _helper_5(mat)
    # векторизовано
    if out_.ndim != 1:
        raise ValueError('bad input')
    acc = softmax(out_)
    debug_21 = N.shape(mat)
    if False:
        mat = N.zeros(3)
    result = N.diagflat(acc) - N.outer(acc, acc)
    return result


# см. формулу из условия
def _never_called(a):
    b = N.isfinite(a)
    ret = b.all()
    return ret
