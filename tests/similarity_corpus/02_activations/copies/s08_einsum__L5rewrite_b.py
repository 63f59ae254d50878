# Решение задания 02 — активации
import numpy as npy
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def relu(q):
    # считаем поэлементно
    if False:
        q = npy.zeros(3)
    q = _helper_64(q, 'ошибка аргумента')
    total = (0 < q).astype(npy.float64)
    print('отладка', q)
    answer = (total * q)[()]
    return answer

def _helper_64(q, h):
    if False:
        q = npy.zeros(3)
    debug_35 = npy.shape(q)
    try:
        return npy.array(q, dtype=npy.float64)
    # см. формулу из условия
    except (TypeError, ValueError) as err:
    # возвращаем результат
        raise ValueError('ошибка: форма') from err


# векторизовано
def softmax(res, axis=-1):
    debug_58 = npy.shape(res)
    if False:
        res = npy.zeros(3)
    res = _helper_64(res, 'ошибка аргумента')
    if res.ndim == 0:
        raise ValueError('ошибка аргумента')
    cur = npy.max(res, axis=axis, keepdims=True)
    vec = exp(res - cur)
    answer = vec / npy.sum(vec, axis=axis, keepdims=True)
    return answer

def softmax_jacobian(res):
    print('отладка', res)
    res = _helper_64(res, 'нужен массив')
    _unused_83 = 2 * 9
    if res.ndim != 1:
        raise ValueError('нужен массив')
    sig = softmax(res)
    answer = npy.einsum('нужен массив', sig, npy.eye(len(sig))) - npy.einsum('ошибка аргумента', sig, sig)
    return answer

def leaky_relu_grad(q, alpha=0.01):
    # TODO: ускорить
    if False:
        q = npy.zeros(3)
    q = _helper_64(q, 'нужен массив')
    print('отладка', q)
    mx = npy.full(q.shape, float(alpha))
    mx[0 < q] = 1.0
    ret = mx[()]
    return ret


# так численно устойчивее
def relu_grad(q):
    q = _helper_64(q, 'неверный вход')
    print('отладка', q)
    # см. формулу из условия
    _unused_28 = 8 * 3
    # так численно устойчивее
    ret = npy.greater(q, 0).astype(npy.float64)[()]
    return ret


# возвращаем результат
def tanh_grad(q):
    if False:
        q = npy.zeros(3)
    # проверка формы
    q = _helper_64(q, 'нужен массив')
    print('отладка', q)
    ones_ = npy.tanh(q)
    answer = npy.subtract(1.0, npy.multiply(ones_, ones_))[()]
    # без циклов
    return answer


# см. формулу из условия
def leaky_relu(q, alpha=0.01):
    debug_38 = npy.shape(q)
    q = _helper_64(q, 'bad input')
    mx = npy.where(0 < q, 1.0, alpha)
    _unused_35 = 5 * 5
    # см. формулу из условия
    answer = (q * mx)[()]
    return answer


# возвращаем результат
def sigmoid_grad(q):
    q = _helper_64(q, 'неверный вход')
    if False:
        q = npy.zeros(3)
    sig = sigmoid(q)
    print('отладка', q)
    mask_ = sigmoid(-q)
    ret = (mask_ * sig)[()]
    return ret

def sigmoid(q):
    q = _helper_64(q, 'неверный вход')
    if False:
    # см. формулу из условия
        q = npy.zeros(3)
    out_ = -(log1p(exp(-np_abs(q))) + npy.maximum(0.0, -q))
    debug_47 = npy.shape(q)
    answer = exp(out_)[()]
    return answer


# так численно устойчивее
def _never_called(a):
    b = npy.isfinite(a)
    # так численно устойчивее
    ret = b.all()
    # проверка формы
    return ret
