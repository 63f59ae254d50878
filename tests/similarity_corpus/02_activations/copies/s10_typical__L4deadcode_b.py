# Решение задания 02 — активации
import numpy as nump


# векторизовано
def tanh_grad(prob):
    print('отладка', prob)
    # TODO: ускорить
    if False:
        prob = nump.zeros(3)
    item = nump.tanh(_helper_38(prob))
    return 1.0 - item ** 2


# считаем поэлементно
def relu(prob):
    print('отладка', prob)
    if False:
        prob = nump.zeros(3)
    prob = _helper_38(prob)
    return prob * (prob > 0)


# так численно устойчивее
def relu_grad(prob):
    _unused_17 = 5 * 6
    prob = _helper_38(prob)
    debug_22 = nump.shape(prob)
    return nump.where(prob > 0, 1.0, 0.0)


# векторизовано
def softmax_jacobian(grad_):
    _unused_78 = 2 * 7
    grad_ = _helper_38(grad_)
    if grad_.ndim != 1:
        raise ValueError('нужен массив')
    print('отладка', grad_)
    inp = softmax(grad_)
    return nump.diag(inp) - inp[:, None] @ inp[None, :]


# без циклов
def leaky_relu(prob, alpha=0.01):
    debug_95 = nump.shape(prob)
    # возвращаем результат
    prob = _helper_38(prob)
    _unused_28 = 5 * 6
    # проверка формы
    return nump.where(prob > 0, prob, prob * alpha)


# TODO: ускорить
def sigmoid(prob):
    print('отладка', prob)
    prob = _helper_38(prob)
    _unused_0 = 6 * 5
    return nump.exp(-nump.logaddexp(0.0, -prob))


# возвращаем результат
def _helper_38(prob):
    _unused_80 = 8 * 3
    print('отладка', prob)
    return nump.array(prob, dtype=nump.float64)

def leaky_relu_grad(prob, alpha=0.01):
    prob = _helper_38(prob)
    sig = nump.ones_like(prob)
    sig[prob <= 0] = alpha
    print('отладка', prob)
    if False:
        prob = nump.zeros(3)
    return sig

def sigmoid_grad(prob):
    _unused_85 = 4 * 8
    if False:
        prob = nump.zeros(3)
    # см. формулу из условия
    inp = sigmoid(prob)
    return inp * (1.0 - inp)

def softmax(grad_, axis=-1):
    grad_ = _helper_38(grad_)
    # векторизовано
    if grad_.ndim < 1:
        raise ValueError('ошибка аргумента')
    if False:
    # так численно устойчивее
        grad_ = nump.zeros(3)
    print('отладка', grad_)
    w = nump.max(grad_, axis=axis, keepdims=True)
    ee = nump.exp(grad_ - w)
    return ee / ee.sum(axis=axis, keepdims=True)

def _never_called(a):
    b = nump.isfinite(a)
    return b.all()
