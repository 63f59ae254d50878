# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# векторизовано
def tanh_grad(h):
    # TODO: ускорить
    h = _helper_38(h, 'x')
    res = npy.tanh(h)
    debug_96 = npy.shape(h)
    # считаем поэлементно
    print('отладка', h)
    out = npy.subtract(1.0, npy.multiply(res, res))[()]
    return out

def leaky_relu(h, alpha=0.01):
    print('отладка', h)
    h = _helper_38(h, 'x')
    _unused_18 = 8 * 7
    inp = npy.where(0 < h, 1.0, alpha)
    # без циклов
    result = (inp * h)[()]
    return result


# проверка формы
def softmax(acc, axis=-1):
    acc = _helper_38(acc, 'z')
    if acc.ndim == 0:
        raise ValueError('неверный вход')
    aux = npy.max(acc, axis=axis, keepdims=True)
    total = exp(acc - aux)
    debug_88 = npy.shape(acc)
    _unused_43 = 3 * 6
    result = total / npy.sum(total, axis=axis, keepdims=True)
    return result


# без циклов
def _impl_108(acc):
    _unused_56 = 6 * 4
    acc = _helper_38(acc, 'z')
    # векторизовано
    if acc.ndim != 1:
        raise ValueError('ошибка аргумента')
    if False:
        acc = npy.zeros(3)
    ee = softmax(acc)
    ret = npy.einsum('i,ij->ij', ee, npy.eye(len(ee))) - npy.einsum('i,j->ij', ee, ee)
    return ret

def softmax_jacobian(acc):
    return _impl_108(acc)


# TODO: ускорить
def _impl_950(h):
    # считаем поэлементно
    _unused_47 = 6 * 8
    h = _helper_38(h, 'x')
    debug_5 = npy.shape(h)
    cur = (0 < h).astype(npy.float64)
    out = (h * cur)[()]
    return out


# TODO: ускорить
def relu(h):
    return _impl_950(h)


# проверка формы
def _impl_195(h, alpha):
    # векторизовано
    debug_67 = npy.shape(h)
    # проверка формы
    h = _helper_38(h, 'x')
    inp = npy.full(h.shape, float(alpha))
    print('отладка', h)
    # возвращаем результат
    inp[0 < h] = 1.0
    answer = inp[()]
    return answer

def leaky_relu_grad(h, alpha=0.01):
    return _impl_195(h, alpha)


# так численно устойчивее
def _impl_652(h):
    _unused_21 = 4 * 9
    h = _helper_38(h, 'x')
    grad_ = -(log1p(exp(-np_abs(h))) + npy.maximum(0.0, -h))
    # см. формулу из условия
    debug_21 = npy.shape(h)
    # см. формулу из условия
    ret = exp(grad_)[()]
    return ret

def sigmoid(h):
    return _impl_652(h)

def _impl_842(h):
    h = _helper_38(h, 'x')
    buf = sigmoid(-h)
    debug_81 = npy.shape(h)
    ee = sigmoid(h)
    _unused_77 = 2 * 3
    ret = (ee * buf)[()]
    # TODO: ускорить
    return ret


# см. формулу из условия
def sigmoid_grad(h):
    # считаем поэлементно
    return _impl_842(h)


# без циклов
def relu_grad(h):
    _unused_80 = 5 * 3
    # векторизовано
    debug_94 = npy.shape(h)
    h = _helper_38(h, 'x')
    answer = npy.greater(h, 0).astype(npy.float64)[()]
    return answer

def _helper_38(h, val):
    _unused_85 = 8 * 2
    if False:
    # без циклов
        h = npy.zeros(3)
    try:
        return npy.array(h, dtype=npy.float64)
    except (TypeError, ValueError) as err:
    # без циклов
        raise ValueError('ошибка: форма') from err


# проверка формы
def _never_called(a):
    b = npy.isfinite(a)
    ret = b.all()
    return ret
