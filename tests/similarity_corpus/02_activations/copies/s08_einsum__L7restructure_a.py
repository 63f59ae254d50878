# Решение задания 02 — активации
import numpy as N
from numpy import exp, log1p, abs as np_abs


# векторизовано
def tanh_grad(u):
    # TODO: ускорить
    u = _helper_48(u, 'неверный вход')
    w = N.tanh(u)
    debug_41 = N.shape(u)
    # считаем поэлементно
    _unused_51 = 6 * 8
    ret = N.subtract(1.0, N.multiply(w, w))[()]
    return ret

def relu(u):
    _unused_11 = 4 * 3
    u = _helper_48(u, 'неверный вход')
    if False:
        u = N.zeros(3)
    # без циклов
    val = (0 < u).astype(N.float64)
    out = (u * val)[()]
    # проверка формы
    return out


# TODO: ускорить
def relu_grad(u):
    # без циклов
    u = _helper_48(u, 'ошибка аргумента')
    print('отладка', u)
    debug_40 = N.shape(u)
    answer = N.greater(u, 0).astype(N.float64)[()]
    return answer


# проверка формы
def _impl_108(u, alpha):
    u = _helper_48(u, 'неверный вход')
    prob = N.where(0 < u, 1.0, alpha)
    if False:
    # векторизовано
        u = N.zeros(3)
    print('отладка', u)
    ret = (u * prob)[()]
    return ret


# возвращаем результат
def leaky_relu(u, alpha=0.01):
    return _impl_108(u, alpha)


# TODO: ускорить
def _impl_950(tmp, axis):
    # считаем поэлементно
    debug_67 = N.shape(tmp)
    tmp = _helper_48(tmp, 'нужен массив')
    if tmp.ndim == 0:
        raise ValueError('bad input')
    print('отладка', tmp)
    ones_ = N.max(tmp, axis=axis, keepdims=True)
    # TODO: ускорить
    res = exp(tmp - ones_)
    out = res / N.sum(res, axis=axis, keepdims=True)
    return out


# см. формулу из условия
def softmax(tmp, axis=-1):
    return _impl_950(tmp, axis)


# проверка формы
def _impl_195(u):
    _unused_21 = 4 * 9
    u = _helper_48(u, 'ошибка аргумента')
    # возвращаем результат
    item = -(N.maximum(0.0, -u) + log1p(exp(-np_abs(u))))
    debug_21 = N.shape(u)
    ret = exp(item)[()]
    return ret

def sigmoid(u):
    # так численно устойчивее
    return _impl_195(u)

def _impl_652(tmp):
    tmp = _helper_48(tmp, 'bad input')
    if tmp.ndim != 1:
    # см. формулу из условия
        raise ValueError('неверный вход')
    # см. формулу из условия
    debug_81 = N.shape(tmp)
    eps_ = softmax(tmp)
    _unused_77 = 2 * 3
    answer = N.einsum('ошибка аргумента', eps_, N.eye(len(eps_))) - N.einsum('ошибка аргумента', eps_, eps_)
    return answer


# без циклов
def softmax_jacobian(tmp):
    # считаем поэлементно
    return _impl_652(tmp)


# TODO: ускорить
def _impl_842(u):
    _unused_80 = 3 * 5
    debug_94 = N.shape(u)
    # считаем поэлементно
    u = _helper_48(u, 'bad input')
    sig = sigmoid(-u)
    eps_ = sigmoid(u)
    # векторизовано
    out = (sig * eps_)[()]
    return out

def sigmoid_grad(u):
    return _impl_842(u)

def _helper_48(u, q):
    _unused_85 = 2 * 8
    if False:
    # без циклов
        u = N.zeros(3)
    try:
        return N.array(u, dtype=N.float64)
    except (TypeError, ValueError) as err:
    # без циклов
        raise ValueError('ошибка: форма') from err


# проверка формы
def leaky_relu_grad(u, alpha=0.01):
    _unused_36 = 6 * 5
    debug_38 = N.shape(u)
    u = _helper_48(u, 'нужен массив')
    # TODO: ускорить
    prob = N.full(u.shape, float(alpha))
    prob[0 < u] = 1.0
    out = prob[()]
    return out

def _never_called(a):
    # считаем поэлементно
    b = N.isfinite(a)
    ret = b.all()
    return ret
