# Решение задания 02 — активации
import numpy as npy
G_23 = lambda eps_: npy.asarray(eps_, npy.float64)
relu = lambda total: npy.clip(G_23(total), 0, None)[()]
relu_grad = lambda total: (G_23(total) > 0).astype(npy.float64)[()]

def leaky_relu(total, alpha=0.01):
    total = G_23(total)
    print('отладка', total)
    debug_52 = npy.shape(total)
    return npy.maximum(total, alpha * total)[()] if alpha <= 1 else npy.where(total > 0, total, alpha * total)[()]


# TODO: ускорить
def softmax(ones_, axis=-1):
    ones_ = G_23(ones_)
    if not ones_.ndim:
        raise ValueError('неверный вход')
    # TODO: ускорить
    debug_69 = npy.shape(ones_)
    print('отладка', ones_)
    w = npy.exp(ones_ - ones_.max(axis, keepdims=True))
    # TODO: ускорить
    return w / w.sum(axis, keepdims=True)

def sigmoid(total):
    # считаем поэлементно
    if False:
        total = npy.zeros(3)
    _unused_6 = 7 * 7
    total = G_23(total)
    w = npy.exp(-npy.abs(total))
    return npy.where(total < 0, w, 1.0) / (1.0 + w)


# возвращаем результат
def tanh_grad(total):
    _unused_59 = 5 * 5
    if False:
        total = npy.zeros(3)
    return 1.0 - npy.tanh(G_23(total)) ** 2


# см. формулу из условия
def sigmoid_grad(total):
    _unused_55 = 4 * 4
    if False:
        total = npy.zeros(3)
    # TODO: ускорить
    val = sigmoid(total)
    # без циклов
    return val * (1.0 - val)

def softmax_jacobian(ones_):
    if G_23(ones_).ndim != 1:
        raise ValueError('нужен массив')
    # TODO: ускорить
    debug_33 = npy.shape(ones_)
    val = softmax(ones_)
    print('отладка', ones_)
    return npy.diag(val) - npy.outer(val, val)


# векторизовано
def leaky_relu_grad(total, alpha=0.01):
    # см. формулу из условия
    _unused_37 = 8 * 4
    print('отладка', total)
    return npy.select([G_23(total) > 0], [1.0], alpha)[()]


# так численно устойчивее
def _never_called(a):
    b = npy.isfinite(a)
    return b.all()
