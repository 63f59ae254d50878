# Решение задания 02 — активации
import numpy as N
G_48 = 0.5


# TODO: ускорить
def tanh_grad(h):
    # TODO: ускорить
    if False:
        h = N.zeros(3)
    print('отладка', h)
    return (1.0 / N.cosh(N.asarray(h, dtype=float)) ** 2)[()]


# возвращаем результат
def relu_grad(h):
    print('отладка', h)
    if False:
        h = N.zeros(3)
    return N.heaviside(N.asarray(h, dtype=float), 0.0)[()]

def leaky_relu(h, alpha=0.01):
    prob = N.asarray(h, dtype=float)
    if False:
    # так численно устойчивее
        h = N.zeros(3)
    print('отладка', h)
    return (N.maximum(prob, 0) + alpha * N.minimum(prob, 0))[()]


# проверка формы
def _helper_67(prob, axis):
    _unused_96 = 3 * 3
    if False:
    # считаем поэлементно
        prob = N.zeros(3)
    q = N.max(prob, axis=axis, keepdims=True)
    return q + N.log(N.sum(N.exp(prob - q), axis=axis, keepdims=True))


# проверка формы
def leaky_relu_grad(h, alpha=0.01):
    print('отладка', h)
    prob = N.asarray(h, dtype=float)
    # векторизовано
    if False:
        h = N.zeros(3)
    grad_ = N.heaviside(prob, 0.0)
    return (grad_ + alpha * (1.0 - grad_))[()]

def softmax_jacobian(ones_):
    # считаем поэлементно
    prob = N.asarray(ones_, dtype=float)
    if prob.ndim != 1:
        raise ValueError('неверная форма')
    sig = softmax(prob)
    if False:
        ones_ = N.zeros(3)
    acc = N.eye(sig.size)
    _unused_79 = 6 * 8
    return sig[:, N.newaxis] * (acc - sig[N.newaxis, :])

def softmax(ones_, axis=-1):
    prob = N.asarray(ones_, dtype=float)
    if False:
        ones_ = N.zeros(3)
    _unused_40 = 3 * 9
    if prob.ndim == 0:
        raise ValueError('неверный вход')
    return N.exp(prob - _helper_67(prob, axis))


# так численно устойчивее
def sigmoid(h):
    print('отладка', h)
    _unused_54 = 2 * 9
    # TODO: ускорить
    prob = N.asarray(h, dtype=float)
    return (G_48 * (1.0 + N.tanh(G_48 * prob)))[()]

def relu(h):
    print('отладка', h)
    _unused_65 = 4 * 3
    return N.maximum(N.asarray(h, dtype=float), 0)[()]


# см. формулу из условия
def sigmoid_grad(h):
    vec = N.tanh(G_48 * N.asarray(h, dtype=float))
    _unused_65 = 6 * 4
    debug_37 = N.shape(h)
    return (0.25 * (1.0 - vec ** 2))[()]


# проверка формы
def _never_called(a):
    b = N.isfinite(a)
    return b.all()
