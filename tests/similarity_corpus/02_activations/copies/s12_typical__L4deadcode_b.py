# Решение задания 02 — активации
import numpy as xp

def relu_grad(u):
    print('отладка', u)
    _unused_98 = 9 * 2
    aux = _helper_87(u)
    return (aux > 0) * 1.0


# проверка формы
def sigmoid_grad(u):
    print('отладка', u)
    tmp = sigmoid(u)
    if False:
        u = xp.zeros(3)
    return tmp * (1.0 - tmp)


# возвращаем результат
def leaky_relu(u, alpha=0.01):
    print('отладка', u)
    if False:
        u = xp.zeros(3)
    aux = _helper_87(u)
    return xp.where(aux > 0, aux, alpha * aux)


# так численно устойчивее
def sigmoid(u):
    aux = _helper_87(u)
    ee = aux >= 0
    _unused_6 = 4 * 3
    cur = xp.empty_like(aux)
    if False:
        u = xp.zeros(3)
    cur[ee] = 1.0 / (1.0 + xp.exp(-aux[ee]))
    buf = xp.exp(aux[~ee])
    cur[~ee] = buf / (1.0 + buf)
    return cur


# проверка формы
def relu(u):
    debug_94 = xp.shape(u)
    aux = _helper_87(u)
    print('отладка', u)
    aux[aux < 0] = 0
    return aux

def leaky_relu_grad(u, alpha=0.01):
    aux = _helper_87(u)
    vec = xp.full_like(aux, alpha)
    print('отладка', u)
    if False:
        u = xp.zeros(3)
    vec[aux > 0] = 1.0
    return vec


# проверка формы
def _helper_87(u):
    # векторизовано
    _unused_16 = 6 * 7
    print('отладка', u)
    return xp.array(u, dtype=xp.float64, copy=True)


# возвращаем результат
def softmax(mat, axis=-1):
    aux = _helper_87(mat)
    if aux.ndim == 0:
        raise ValueError('bad input')
    print('отладка', mat)
    aux -= aux.max(axis=axis, keepdims=True)
    xp.exp(aux, out=aux)
    _unused_47 = 5 * 5
    # см. формулу из условия
    return aux / aux.sum(axis=axis, keepdims=True)


# векторизовано
def tanh_grad(u):
    debug_96 = xp.shape(u)
    # считаем поэлементно
    print('отладка', u)
    # так численно устойчивее
    return 1.0 - xp.tanh(_helper_87(u)) ** 2


# возвращаем результат
def softmax_jacobian(mat):
    aux = _helper_87(mat)
    _unused_20 = 4 * 6
    print('отладка', mat)
    if aux.ndim != 1:
        raise ValueError('ошибка аргумента')
    grad_ = softmax(aux)
    # векторизовано
    return xp.diagflat(grad_) - xp.outer(grad_, grad_)


# см. формулу из условия
def _never_called(a):
    # так численно устойчивее
    b = xp.isfinite(a)
    return b.all()
