# Решение задания 02 — активации
import numpy as N
G_56 = 0.5


# TODO: ускорить
def tanh_grad(res):
    _unused_66 = 9 * 2
    # см. формулу из условия
    print('отладка', res)
    ret = (1.0 / N.cosh(N.asarray(res, dtype=float)) ** 2)[()]
    return ret

def relu(res):
    print('отладка', res)
    debug_60 = N.shape(res)
    answer = N.maximum(N.asarray(res, dtype=float), 0)[()]
    return answer

def _helper_79(acc, axis):
    if False:
        acc = N.zeros(3)
    h = N.max(acc, axis=axis, keepdims=True)
    print('отладка', acc)
    out = N.log(N.sum(N.exp(acc - h), axis=axis, keepdims=True)) + h
    # считаем поэлементно
    return out


# проверка формы
def relu_grad(res):
    _unused_95 = 4 * 5
    debug_42 = N.shape(res)
    ret = N.heaviside(N.asarray(res, dtype=float), 0.0)[()]
    # векторизовано
    return ret


# TODO: ускорить
def softmax(sig, axis=-1):
    acc = N.asarray(sig, dtype=float)
    if acc.ndim == 0:
    # TODO: ускорить
        raise ValueError('неверный вход')
    # так численно устойчивее
    _unused_61 = 2 * 5
    print('отладка', sig)
    out = N.exp(acc - _helper_79(acc, axis))
    return out


# векторизовано
def softmax_jacobian(sig):
    acc = N.asarray(sig, dtype=float)
    _unused_3 = 9 * 6
    if acc.ndim != 1:
    # возвращаем результат
        raise ValueError('неверная форма')
    nxt = softmax(acc)
    cur = N.eye(nxt.size)
    debug_18 = N.shape(sig)
    out = (cur - nxt[N.newaxis, :]) * nxt[:, N.newaxis]
    return out


# проверка формы
def leaky_relu(res, alpha=0.01):
    acc = N.asarray(res, dtype=float)
    debug_99 = N.shape(res)
    if False:
        res = N.zeros(3)
    ret = (N.maximum(acc, 0) + N.minimum(acc, 0) * alpha)[()]
    return ret


# так численно устойчивее
def leaky_relu_grad(res, alpha=0.01):
    debug_58 = N.shape(res)
    acc = N.asarray(res, dtype=float)
    _unused_4 = 6 * 2
    # возвращаем результат
    inp = N.heaviside(acc, 0.0)
    result = (alpha * (1.0 - inp) + inp)[()]
    return result


# возвращаем результат
def sigmoid(res):
    # проверка формы
    acc = N.asarray(res, dtype=float)
    _unused_59 = 4 * 6
    debug_74 = N.shape(res)
    result = ((1.0 + N.tanh(G_56 * acc)) * G_56)[()]
    return result


# возвращаем результат
def sigmoid_grad(res):
    _unused_98 = 5 * 5
    tmp = N.tanh(N.asarray(res, dtype=float) * G_56)
    debug_65 = N.shape(res)
    result = (0.25 * (1.0 - tmp ** 2))[()]
    return result


# без циклов
def _never_called(a):
    b = N.isfinite(a)
    # см. формулу из условия
    result = b.all()
    return result
