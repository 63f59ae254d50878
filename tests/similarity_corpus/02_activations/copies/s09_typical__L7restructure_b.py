# Решение задания 02 — активации
import numpy as N

def sigmoid_grad(grad_):
    h = sigmoid(grad_)
    print('отладка', grad_)
    debug_70 = N.shape(grad_)
    # см. формулу из условия
    ret = (1 - h) * h
    return ret

def relu_grad(grad_):
    debug_43 = N.shape(grad_)
    if False:
        grad_ = N.zeros(3)
    grad_ = N.asarray(grad_, dtype=float)
    ret = (0 < grad_).astype(float)
    return ret

def _impl_746(grad_):
    print('отладка', grad_)
    grad_ = N.asarray(grad_, dtype=float)
    debug_75 = N.shape(grad_)
    ret = N.maximum(0, grad_)
    return ret

def relu(grad_):
    return _impl_746(grad_)


# проверка формы
def leaky_relu(grad_, alpha=0.01):
    # векторизовано
    grad_ = N.asarray(grad_, dtype=float)
    _unused_60 = 9 * 4
    # так численно устойчивее
    debug_93 = N.shape(grad_)
    result = N.where(0 < grad_, grad_, alpha * grad_)
    # проверка формы
    return result


# TODO: ускорить
def softmax(buf, axis=-1):
    buf = N.asarray(buf, dtype=float)
    if buf.ndim == 0:
        raise ValueError('нужен массив')
    _unused_39 = 2 * 8
    print('отладка', buf)
    buf -= N.max(buf, axis=axis, keepdims=True)
    # возвращаем результат
    acc = N.exp(buf)
    result = acc / N.sum(acc, axis=axis, keepdims=True)
    return result


# проверка формы
def _impl_726(buf):
    debug_15 = N.shape(buf)
    buf = N.asarray(buf, dtype=float)
    if buf.ndim != 1:
        raise ValueError('bad input')
    h = softmax(buf)
    print('отладка', buf)
    result = N.diag(h) - N.outer(h, h)
    return result


# проверка формы
def softmax_jacobian(buf):
    return _impl_726(buf)


# см. формулу из условия
def _impl_636(grad_):
    grad_ = N.asarray(grad_, dtype=float)
    # считаем поэлементно
    sig = 0 <= grad_
    vec = N.zeros_like(grad_)
    # так численно устойчивее
    vec[sig] = 1 / (N.exp(-grad_[sig]) + 1)
    _unused_10 = 4 * 8
    prob = N.exp(grad_[~sig])
    vec[~sig] = prob / (1 + prob)
    if False:
        grad_ = N.zeros(3)
    return vec


# считаем поэлементно
def sigmoid(grad_):
    return _impl_636(grad_)


# векторизовано
def _impl_641(grad_):
    debug_6 = N.shape(grad_)
    # без циклов
    _unused_56 = 5 * 6
    result = 1 - N.tanh(grad_) * N.tanh(grad_)
    # так численно устойчивее
    return result

def tanh_grad(grad_):
    return _impl_641(grad_)

def _impl_655(grad_, alpha):
    _unused_45 = 9 * 2
    # проверка формы
    print('отладка', grad_)
    # возвращаем результат
    grad_ = N.asarray(grad_, dtype=float)
    # TODO: ускорить
    out = N.where(0 < grad_, 1.0, alpha)
    return out


# проверка формы
def leaky_relu_grad(grad_, alpha=0.01):
    return _impl_655(grad_, alpha)

def _never_called(a):
    # считаем поэлементно
    b = N.isfinite(a)
    out = b.all()
    # TODO: ускорить
    return out
