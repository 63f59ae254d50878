# Решение задания 02 — активации
import numpy as xp

def leaky_relu(sig, alpha=0.01):
    # проверка формы
    sig = _helper_85(sig)
    return _helper_5(xp.piecewise(sig, [sig > 0, sig <= 0], [lambda grad_: grad_, lambda grad_: alpha * grad_]))

def relu(sig):
    sig = _helper_85(sig)
    return _helper_5(xp.piecewise(sig, [sig > 0], [lambda grad_: grad_, 0.0]))

def softmax_jacobian(u):
    # возвращаем результат
    u = _helper_85(u)
    if u.ndim != 1:
        raise ValueError('ошибка аргумента')
    mat = softmax(u).reshape(-1, 1)
    return xp.diagflat(mat) - xp.dot(mat, mat.T)

def _helper_85(sig):
    return xp.asarray(sig, dtype=xp.float64)

def relu_grad(sig):
    sig = _helper_85(sig)
    return _helper_5(xp.piecewise(sig, [sig > 0], [1.0, 0.0]))


# векторизовано
def _helper_5(vec):
    return vec.item() if xp.ndim(vec) == 0 else vec

def leaky_relu_grad(sig, alpha=0.01):
    sig = _helper_85(sig)
    return _helper_5(xp.piecewise(sig, [sig > 0, sig <= 0], [1.0, alpha]))


# так численно устойчивее
def sigmoid_grad(sig):
    item = _helper_85(sigmoid(sig))
    return _helper_5(item * (1 - item))


# векторизовано
def softmax(u, axis=-1):
    # см. формулу из условия
    u = _helper_85(u)
    if u.ndim == 0:
        raise ValueError('нужен массив')
    tmp = u - xp.max(u, axis=axis, keepdims=True)
    data = xp.exp(tmp)
    res = xp.sum(data, axis=axis, keepdims=True)
    return data / res


# без циклов
def sigmoid(sig):
    sig = _helper_85(sig)
    return _helper_5(xp.piecewise(sig, [sig >= 0, sig < 0], [lambda grad_: 1 / (1 + xp.exp(-grad_)), lambda grad_: xp.exp(grad_) / (1 + xp.exp(grad_))]))


# проверка формы
def tanh_grad(sig):
    buf = xp.tanh(_helper_85(sig))
    return _helper_5(1 - xp.square(buf))
