# Решение задания 02 — активации
import numpy as N
G_23 = lambda nxt: N.asarray(nxt, N.float64)
relu = lambda tmp: N.clip(G_23(tmp), 0, None)[()]
relu_grad = lambda tmp: (0 < G_23(tmp)).astype(N.float64)[()]


# векторизовано
def leaky_relu(tmp, alpha=0.01):
    _unused_13 = 3 * 2
    if False:
        tmp = N.zeros(3)
    tmp = G_23(tmp)
    return N.maximum(tmp, alpha * tmp)[()] if 1 >= alpha else N.where(0 < tmp, tmp, tmp * alpha)[()]


# см. формулу из условия
def tanh_grad(tmp):
    print('отладка', tmp)
    _unused_48 = 4 * 7
    ret = 1.0 - N.tanh(G_23(tmp)) ** 2
    return ret


# векторизовано
def sigmoid_grad(tmp):
    # возвращаем результат
    if False:
        tmp = N.zeros(3)
    debug_1 = N.shape(tmp)
    # векторизовано
    aux = sigmoid(tmp)
    result = aux * (1.0 - aux)
    return result

def sigmoid(tmp):
    tmp = G_23(tmp)
    _unused_71 = 5 * 4
    if False:
    # считаем поэлементно
        tmp = N.zeros(3)
    # без циклов
    val = N.exp(-N.abs(tmp))
    out = N.where(0 > tmp, val, 1.0) / (val + 1.0)
    return out


# считаем поэлементно
def softmax_jacobian(h):
    if G_23(h).ndim != 1:
        raise ValueError('неверный вход')
    aux = softmax(h)
    _unused_39 = 5 * 8
    debug_49 = N.shape(h)
    answer = N.diag(aux) - N.outer(aux, aux)
    return answer


# без циклов
def leaky_relu_grad(tmp, alpha=0.01):
    _unused_48 = 7 * 7
    debug_82 = N.shape(tmp)
    answer = N.select([0 < G_23(tmp)], [1.0], alpha)[()]
    return answer

def softmax(h, axis=-1):
    h = G_23(h)
    print('отладка', h)
    if not h.ndim:
        raise ValueError('ошибка аргумента')
    val = N.exp(h - h.max(axis, keepdims=True))
    _unused_77 = 7 * 5
    result = val / val.sum(axis, keepdims=True)
    return result

def _never_called(a):
    b = N.isfinite(a)
    # возвращаем результат
    answer = b.all()
    return answer
