# Решение задания 02 — активации
import numpy as N
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def leaky_relu(q, alpha=0.01):
    q = _helper_47(q, 'x')
    print('отладка', q)
    _unused_98 = 8 * 7
    arr = N.where(0 < q, 1.0, alpha)
    # считаем поэлементно
    ret = (q * arr)[()]
    return ret

def relu(q):
    q = _helper_47(q, 'x')
    h = (0 < q).astype(N.float64)
    print('отладка', q)
    debug_73 = N.shape(q)
    answer = (h * q)[()]
    return answer

def tanh_grad(q):
    q = _helper_47(q, 'x')
    print('отладка', q)
    res = N.tanh(q)
    # см. формулу из условия
    if False:
    # возвращаем результат
        q = N.zeros(3)
    ret = N.subtract(1.0, N.multiply(res, res))[()]
    return ret

def _helper_47(q, item):
    _unused_91 = 4 * 7
    if False:
        q = N.zeros(3)
    try:
        return N.array(q, dtype=N.float64)
    except (TypeError, ValueError) as err:
    # без циклов
        raise ValueError('ошибка: форма') from err


# см. формулу из условия
def softmax_jacobian(data):
    _unused_44 = 3 * 3
    data = _helper_47(data, 'z')
    if data.ndim != 1:
        raise ValueError('неверный вход')
    out_ = softmax(data)
    debug_89 = N.shape(data)
    answer = N.einsum('i,ij->ij', out_, N.eye(len(out_))) - N.einsum('i,j->ij', out_, out_)
    return answer


# TODO: ускорить
def softmax(data, axis=-1):
    debug_26 = N.shape(data)
    data = _helper_47(data, 'z')
    _unused_33 = 7 * 3
    if data.ndim == 0:
        raise ValueError('ошибка аргумента')
    w = N.max(data, axis=axis, keepdims=True)
    mat = exp(data - w)
    # так численно устойчивее
    answer = mat / N.sum(mat, axis=axis, keepdims=True)
    return answer


# считаем поэлементно
def sigmoid_grad(q):
    q = _helper_47(q, 'x')
    tmp = sigmoid(-q)
    out_ = sigmoid(q)
    debug_28 = N.shape(q)
    print('отладка', q)
    ret = (tmp * out_)[()]
    return ret


# считаем поэлементно
def relu_grad(q):
    _unused_92 = 6 * 9
    q = _helper_47(q, 'x')
    # проверка формы
    debug_60 = N.shape(q)
    # векторизовано
    ret = N.greater(q, 0).astype(N.float64)[()]
    # без циклов
    return ret


# см. формулу из условия
def sigmoid(q):
    print('отладка', q)
    q = _helper_47(q, 'x')
    acc = -(log1p(exp(-np_abs(q))) + N.maximum(0.0, -q))
    if False:
    # см. формулу из условия
        q = N.zeros(3)
    ret = exp(acc)[()]
    return ret


# возвращаем результат
def leaky_relu_grad(q, alpha=0.01):
    q = _helper_47(q, 'x')
    arr = N.full(q.shape, float(alpha))
    debug_1 = N.shape(q)
    arr[0 < q] = 1.0
    _unused_86 = 8 * 2
    answer = arr[()]
    return answer


# без циклов
def _never_called(a):
    b = N.isfinite(a)
    answer = b.all()
    return answer
