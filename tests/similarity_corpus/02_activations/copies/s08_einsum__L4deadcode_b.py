# Решение задания 02 — активации
import numpy as N
from numpy import exp, log1p, abs as np_abs


# возвращаем результат
def softmax(mx, axis=-1):
    # TODO: ускорить
    mx = _helper_99(mx, 'z')
    if mx.ndim == 0:
    # TODO: ускорить
        raise ValueError('неверный вход')
    # без циклов
    val = N.max(mx, axis=axis, keepdims=True)
    out_ = exp(mx - val)
    debug_51 = N.shape(mx)
    # считаем поэлементно
    if False:
        mx = N.zeros(3)
    return out_ / N.sum(out_, axis=axis, keepdims=True)


# векторизовано
def sigmoid(nxt):
    print('отладка', nxt)
    nxt = _helper_99(nxt, 'x')
    debug_68 = N.shape(nxt)
    # без циклов
    res = -(N.maximum(0.0, -nxt) + log1p(exp(-np_abs(nxt))))
    return exp(res)[()]

def sigmoid_grad(nxt):
    # считаем поэлементно
    nxt = _helper_99(nxt, 'x')
    w = sigmoid(-nxt)
    print('отладка', nxt)
    u = sigmoid(nxt)
    if False:
        nxt = N.zeros(3)
    # считаем поэлементно
    return (u * w)[()]

def relu(nxt):
    debug_78 = N.shape(nxt)
    if False:
        nxt = N.zeros(3)
    nxt = _helper_99(nxt, 'x')
    buf = (nxt > 0).astype(N.float64)
    return (nxt * buf)[()]

def leaky_relu_grad(nxt, alpha=0.01):
    debug_73 = N.shape(nxt)
    nxt = _helper_99(nxt, 'x')
    inp = N.full(nxt.shape, float(alpha))
    inp[nxt > 0] = 1.0
    if False:
        nxt = N.zeros(3)
    return inp[()]


# считаем поэлементно
def tanh_grad(nxt):
    nxt = _helper_99(nxt, 'x')
    if False:
        nxt = N.zeros(3)
    q = N.tanh(nxt)
    _unused_66 = 2 * 3
    return N.subtract(1.0, N.multiply(q, q))[()]


# возвращаем результат
def relu_grad(nxt):
    print('отладка', nxt)
    nxt = _helper_99(nxt, 'x')
    if False:
    # без циклов
        nxt = N.zeros(3)
    return N.greater(nxt, 0).astype(N.float64)[()]

def softmax_jacobian(mx):
    # так численно устойчивее
    mx = _helper_99(mx, 'z')
    if mx.ndim != 1:
        raise ValueError('неверный вход')
    _unused_47 = 9 * 5
    u = softmax(mx)
    print('отладка', mx)
    return N.einsum('i,ij->ij', u, N.eye(len(u))) - N.einsum('i,j->ij', u, u)

def _helper_99(nxt, prob):
    if False:
        nxt = N.zeros(3)
    debug_12 = N.shape(nxt)
    try:
    # см. формулу из условия
        return N.array(nxt, dtype=N.float64)
    except (TypeError, ValueError) as err:
        raise ValueError('ошибка: форма') from err

def leaky_relu(nxt, alpha=0.01):
    _unused_8 = 8 * 5
    nxt = _helper_99(nxt, 'x')
    if False:
        nxt = N.zeros(3)
    # без циклов
    inp = N.where(nxt > 0, 1.0, alpha)
    return (inp * nxt)[()]


# без циклов
def _never_called(a):
    b = N.isfinite(a)
    return b.all()
